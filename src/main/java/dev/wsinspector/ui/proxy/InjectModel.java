package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.ProxiedClient;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * The injector: a message of the user's, sent by the proxy towards the client or the server of the connection
 * shown, read as the composer reads its input ({@code core.compose.MessageParser}: text, JSON, hex, base64). The
 * proxy writes it at the next message boundary of that flow; it shows on the target leg's timeline. FX thread only.
 */
public final class InjectModel {

    /** The composer's modes that make a plain message. */
    public static final List<MessageMode> MODES = List.of(MessageMode.TEXT, MessageMode.JSON, MessageMode.HEX,
            MessageMode.BASE64);

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<MessageMode> mode = new SimpleObjectProperty<>(this, "mode", MessageMode.TEXT);
    private final ObjectProperty<Flow> flow = new SimpleObjectProperty<>(this, "flow", Flow.TO_SERVER);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final Consumer<String> notices;
    private Interceptor proxy;
    private ProxiedClient client;

    InjectModel(Consumer<String> notices) {
        this.notices = notices;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<MessageMode> modeProperty() {
        return mode;
    }

    /** Towards the server or towards the client. */
    public ObjectProperty<Flow> flowProperty() {
        return flow;
    }

    /** Why the last Inject did not go ("" when it went). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void attach(Interceptor running) {
        proxy = running;
    }

    void setClient(ProxiedClient shown) {
        client = shown;
    }

    /** Sends the message; true when the proxy took it. */
    public boolean inject() {
        if (proxy == null || client == null) {
            problem.set(proxy == null ? "Start the proxy first" : "No client connection to inject into yet");
            return false;
        }
        ComposedMessage message;
        try {
            message = MessageParser.parse(mode.get(), text.get());
        } catch (MessageParser.InvalidInputException e) {
            problem.set(e.getMessage());
            return false;
        }
        if (!proxy.inject(client.id(), flow.get(), !message.binary(), message.bytes())) {
            problem.set("Client " + client.id() + " is no longer connected "
                    + (flow.get() == Flow.TO_SERVER ? "to the server" : "to the proxy"));
            return false;
        }
        problem.set("");
        notices.accept("Injected " + message.bytes().length + " B towards the "
                + (flow.get() == Flow.TO_SERVER ? "server" : "client") + " of client " + client.id());
        return true;
    }
}
