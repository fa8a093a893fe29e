package dev.wsinspector.ui.profiles;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable name/value row (query parameter, header, variable); {@code secret} masks the value. */
public final class EditableEntry {

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty value = new SimpleStringProperty("");
    private final BooleanProperty secret = new SimpleBooleanProperty(false);

    public EditableEntry(String name, String value, boolean secret) {
        this.name.set(name);
        this.value.set(value);
        this.secret.set(secret);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty secretProperty() {
        return secret;
    }

    public String name() {
        return name.get().strip();
    }

    public String value() {
        return value.get();
    }

    public boolean secret() {
        return secret.get();
    }

    /** A row nobody filled in is ignored rather than reported. */
    public boolean isBlank() {
        return name.get().isBlank() && value.get().isEmpty();
    }
}
