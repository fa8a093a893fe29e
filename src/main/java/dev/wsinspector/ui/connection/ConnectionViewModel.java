package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.payload.CloseCodes;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * State of one connection tab: the URL, the current {@link Session}, and the badge texts. Changes only on the
 * FX thread; {@link #refresh()} (called by the UI pulse) copies what the transport reported into properties.
 */
public final class ConnectionViewModel {

    private final ConnectionService service;
    private final Supplier<FrameStore> stores;

    private final StringProperty url = new SimpleStringProperty("");
    private final ObservableList<String> urlHistory = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Session> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CLOSED);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper detailText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper queuedText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ConnectionOptions> template = new SimpleObjectProperty<>();

    private Connection connection;

    public ConnectionViewModel(ConnectionService service, Supplier<FrameStore> stores, String initialUrl) {
        this.service = service;
        this.stores = stores;
        url.set(initialUrl);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObservableList<String> urlHistory() {
        return urlHistory;
    }

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public Session session() {
        return session.get();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** Subprotocol, extensions, close details. */
    public ReadOnlyStringProperty detailTextProperty() {
        return detailText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queuedTextProperty() {
        return queuedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pingTextProperty() {
        return pingText.getReadOnlyProperty();
    }

    /** True while a connection is connecting, open or closing (Connect turns into Disconnect). */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Options other than the URL (headers, deflate, …) used for the next connect; null = defaults. */
    public ObjectProperty<ConnectionOptions> templateProperty() {
        return template;
    }

    /** Connects to the URL field's address in a new capture. Bad URLs appear in the timeline like any failure. */
    public void connect() {
        disconnectNow();
        String text = url.get().trim();
        remember(text);
        Session next = new Session(stores.get());
        session.set(next);
        lastError.set("");
        URI uri = parseUrl(text);
        if (uri == null) {
            long now = next.frames().clock().epochMicrosAt(next.frames().clock().nanoTime());
            next.onEvent(new ConnectionEvent.Failed(now, 0, FailureKind.MALFORMED_URL,
                    "Malformed URL '" + text + "': use ws://host:port/path or wss://…", null));
        } else {
            connection = service.connect(optionsFor(uri), next.frames(), next);
        }
        refresh();
    }

    /** Starts a normal close (1000). */
    public void disconnect() {
        close(1000, "");
    }

    public CompletableFuture<Void> close(int code, String reason) {
        if (connection == null) {
            return CompletableFuture.completedFuture(null);
        }
        session.get().markClosing();
        CompletableFuture<Void> sent = connection.close(code, reason);
        refresh();
        return sent;
    }

    /** The open connection, if any, for sending. */
    public Connection connection() {
        return connection != null && connection.state() == ConnectionState.OPEN ? connection : null;
    }

    /** Copies transport state into the properties; called by the UI pulse on the FX thread. */
    public void refresh() {
        Session current = session.get();
        if (current == null) {
            return;
        }
        ConnectionState now = current.state();
        state.set(now);
        connected.set(now != ConnectionState.CLOSED);
        switch (now) {
            case CONNECTING -> {
                stateText.set("Connecting…");
                detailText.set("");
            }
            case OPEN -> {
                stateText.set("Open");
                detailText.set(current.opened().map(o -> describeOpen(o)).orElse(""));
            }
            case CLOSING -> stateText.set("Closing…");
            case CLOSED -> {
                ConnectionEvent.Closed closed = current.closed().orElse(null);
                stateText.set(closed == null ? "Closed"
                        : "Closed " + closed.code() + (closed.clean() ? " (clean)" : " (not clean)"));
                detailText.set(closed == null ? "" : CloseCodes.describe(closed.code(), closed.reason())
                        + (closed.remote() ? " · by server" : " · by us"));
            }
        }
        current.lastFailure().ifPresent(f -> lastError.set(f.message()));
        if (connection != null && now == ConnectionState.OPEN) {
            long queued = connection.bufferedBytes();
            queuedText.set(queued > 0 ? Formats.humanBytes(queued) + " queued" : "");
            long rtt = connection.lastPingRoundTripNanos();
            pingText.set(rtt < 0 ? "" : String.format(java.util.Locale.ROOT, "ping %.1f ms", rtt / 1e6));
        } else {
            queuedText.set("");
        }
    }

    /** Drops the connection without a handshake (tab closed, app exit). */
    public void disconnectNow() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private static String describeOpen(ConnectionEvent.Opened opened) {
        StringBuilder sb = new StringBuilder();
        opened.handshake().subprotocol().ifPresent(p -> sb.append("subprotocol ").append(p));
        opened.handshake().extensions().ifPresent(x -> sb.append(sb.length() > 0 ? " · " : "").append(x));
        return sb.toString();
    }

    /** The URL as a URI, or null when it is not one (the service validates scheme and host itself). */
    private static URI parseUrl(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private ConnectionOptions optionsFor(URI uri) {
        ConnectionOptions base = template.get();
        if (base == null) {
            return ConnectionOptions.of(uri);
        }
        return base.withUri(uri);
    }

    private void remember(String text) {
        if (text.isEmpty()) {
            return;
        }
        urlHistory.remove(text);
        urlHistory.add(0, text);
        if (urlHistory.size() > 20) {
            urlHistory.remove(20, urlHistory.size());
        }
    }
}
