package dev.wsinspector.ui.messages;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The saved-message editor's fields and their check. Keeps fields of the file this version does not know. */
public final class SavedMessageForm {

    private final SavedMessage base;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty description = new SimpleStringProperty();
    private final ObjectProperty<MessageMode> type = new SimpleObjectProperty<>();
    private final StringProperty body = new SimpleStringProperty();
    private final BooleanProperty sendOnConnect = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public SavedMessageForm(SavedMessage base) {
        this.base = base;
        name.set(base.name());
        description.set(base.description());
        type.set(base.type());
        body.set(base.body());
        sendOnConnect.set(base.sendOnConnect());
    }

    public StringProperty nameProperty() { return name; }
    public StringProperty descriptionProperty() { return description; }
    public ObjectProperty<MessageMode> typeProperty() { return type; }
    public StringProperty bodyProperty() { return body; }
    public BooleanProperty sendOnConnectProperty() { return sendOnConnect; }

    /** Why the message cannot be saved; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /**
     * Checks the form. A body with {@code {{variables}}} is checked for template syntax only (its bytes are
     * known when it is sent); a body without is checked against its type now (hex digits, base64, JSON).
     */
    public boolean validate() {
        String why = null;
        if (name.get() == null || name.get().isBlank()) {
            why = "Give the message a name";
        } else {
            try {
                if (type.get() == MessageMode.PROTOCOL) {
                    // Its format's inputs are not in this form: they come from the composer's Protocol mode.
                    Templates.referencedNames(body.get());
                    if (base.type() != MessageMode.PROTOCOL || base.format().id().isEmpty()) {
                        why = "A protocol message keeps its format: save it from the composer's Protocol mode";
                    }
                } else if (Templates.referencedNames(body.get()).isEmpty()) {
                    why = MessageParser.problem(type.get(), body.get());
                }
            } catch (TemplateException e) {
                why = e.getMessage();
            }
        }
        problem.set(why == null ? "" : why);
        return why == null;
    }

    /** The message as edited (call {@link #validate()} first). */
    public SavedMessage toMessage() {
        return new SavedMessage(name.get().strip(), description.get(), type.get(), body.get(), sendOnConnect.get(),
                base.unknown(), base.format());
    }
}
