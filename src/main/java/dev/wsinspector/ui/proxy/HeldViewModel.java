package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.Interceptor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Held pane: the messages the breakpoints hold now (oldest first, as the proxy reports them), the one being
 * looked at in an editor (its text, or its bytes as hex for a binary message), and Forward (edited when the
 * editor's content differs), Drop and Forward all. Nothing here waits: the proxy holds the message, the window
 * goes on. FX thread only; {@link #show} takes the proxy's list on the pulse.
 */
public final class HeldViewModel {

    private final ObservableList<HeldMessage> held = FXCollections.observableArrayList();
    private final ObjectProperty<HeldMessage> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty editor = new SimpleStringProperty(this, "editor", "");
    private final ReadOnlyObjectWrapper<MessageMode> mode = new ReadOnlyObjectWrapper<>(this, "mode", MessageMode.TEXT);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final Consumer<String> notices;
    private Interceptor proxy;

    /** @param notices where an action that could not be done is told (the message was released meanwhile) */
    HeldViewModel(Consumer<String> notices) {
        this.notices = notices;
        selected.addListener((o, was, now) -> load(now));
    }

    public ObservableList<HeldMessage> held() {
        return held;
    }

    public ObjectProperty<HeldMessage> selectedProperty() {
        return selected;
    }

    /** The selected message as it will be forwarded: text, or hex pairs for a binary one. */
    public StringProperty editorProperty() {
        return editor;
    }

    /** How the editor is read: {@link MessageMode#TEXT} or {@link MessageMode#HEX}. */
    public ReadOnlyObjectProperty<MessageMode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** Why the edited content cannot be forwarded ("" when it can). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** How many messages are held (the badge). */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    void attach(Interceptor running) {
        proxy = running;
        if (running == null) {
            show(List.of());
        }
    }

    /** The proxy's held messages now; the selection stays on its message while that is held, else the oldest. */
    void show(List<HeldMessage> now) {
        HeldMessage was = selected.get();
        if (!sameIds(now)) {
            held.setAll(now);
        }
        count.set(now.size());
        HeldMessage keep = was == null ? null : now.stream().filter(m -> m.id() == was.id()).findFirst().orElse(null);
        if (keep == null) {
            selected.set(now.isEmpty() ? null : now.get(0));
        } else if (keep != was) {
            selected.set(keep);
        }
    }

    /** One line for the list: "#3 → server · text · 12 B". */
    public static String describe(HeldMessage m) {
        return "#" + m.id() + (m.flow() == Flow.TO_SERVER ? " → server" : " → client") + " · client " + m.client()
                + " · " + (m.text() ? "text" : "binary") + " · " + Formats.count(m.length()) + " B";
    }

    /** Forwards the selected message; edited when the editor no longer holds what came. */
    public void forward() {
        HeldMessage m = selected.get();
        if (m == null || proxy == null) {
            return;
        }
        byte[] now;
        try {
            now = MessageParser.parse(mode.get(), editor.get()).bytes();
        } catch (MessageParser.InvalidInputException e) {
            problem.set(e.getMessage());
            return;
        }
        boolean edited = !Arrays.equals(now, m.payload());
        boolean done = edited ? proxy.forwardEdited(m.id(), now) : proxy.forward(m.id());
        released(m, done);
    }

    public void drop() {
        HeldMessage m = selected.get();
        if (m != null && proxy != null) {
            released(m, proxy.drop(m.id()));
        }
    }

    public void forwardAll() {
        if (proxy != null) {
            proxy.forwardAll();
            show(proxy.held());
        }
    }

    private void released(HeldMessage m, boolean done) {
        if (!done) {
            notices.accept("Message #" + m.id() + " is no longer held");
        }
        show(proxy.held());
    }

    private void load(HeldMessage m) {
        problem.set("");
        if (m == null) {
            mode.set(MessageMode.TEXT);
            editor.set("");
        } else if (m.text()) {
            mode.set(MessageMode.TEXT);
            editor.set(new String(m.payload(), StandardCharsets.UTF_8));
        } else {
            mode.set(MessageMode.HEX);
            editor.set(Formats.hex(m.payload()));
        }
    }

    private boolean sameIds(List<HeldMessage> now) {
        if (now.size() != held.size()) {
            return false;
        }
        for (int i = 0; i < now.size(); i++) {
            if (now.get(i).id() != held.get(i).id()) {
                return false;
            }
        }
        return true;
    }
}
