package dev.wsinspector.ui.connection;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.io.ImportedCapture;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.ProfileResolver;
import dev.wsinspector.core.replay.SavedMessages;
import dev.wsinspector.core.replay.SendOnConnect;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.payload.CloseCodes;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * State of one connection tab: the URL, the current {@link Session}, and the badge texts. Changes only on the
 * FX thread; {@link #refresh()} (called by the UI pulse) copies what the transport reported into properties.
 *
 * <p>A tab opened from a profile ({@link #useProfile}) connects with the profile's resolved options, resolves
 * {@code {{variables}}} of the chosen environment, and sends the profile's send-on-connect messages each time
 * the connection opens (through {@link SendOnConnect}, as {@code connect --profile} does). {@code {{counter}}}
 * starts again with every connect.
 */
public final class ConnectionViewModel {

    private final ConnectionService service;
    private final SessionRecorder recorder;

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
    private final ReadOnlyObjectWrapper<StoredProfile> profile = new ReadOnlyObjectWrapper<>();
    /** The profile's protocol-aware client of the current connection (raw: does nothing), null before connecting. */
    private ProtocolHookup speaking;
    private final StringProperty environment = new SimpleStringProperty("");
    private final ObservableList<String> environments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper profileProblem = new ReadOnlyStringWrapper("");
    /** The file the shown capture was read from; null while the tab shows a live capture (or nothing). */
    private final ReadOnlyObjectWrapper<Path> captureFile = new ReadOnlyObjectWrapper<>();

    private Connection connection;
    /** The capture of the current connection, kept on disk by the journal; closed by the next connect. */
    private SessionRecorder.Recorded recorded;
    /** What a stored session shown read-only is called ("Stored session · name"); null otherwise. */
    private final ReadOnlyStringWrapper storedSession = new ReadOnlyStringWrapper();
    private Path profilesDir;
    /** The open or close event whose texts {@link #refresh} showed last (made once, not every pulse), or null. */
    private ConnectionEvent described;
    private ProfileDecoding decoding = ProfileDecoding.AUTO;
    private BuiltIns builtIns = BuiltIns.system();

    /** @param recorder where each connect's capture goes (the session journal, or memory in tests) */
    public ConnectionViewModel(ConnectionService service, SessionRecorder recorder, String initialUrl) {
        this.service = service;
        this.recorder = recorder;
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

    /** The profile this tab was opened from, or null. */
    public ReadOnlyObjectProperty<StoredProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** The chosen environment of the profile; empty for the profile's own variables only. */
    public StringProperty environmentProperty() {
        return environment;
    }

    /** The profile's environments, for the tab's environment choice. */
    public ObservableList<String> environments() {
        return environments;
    }

    /** Why the profile's settings cannot be resolved (e.g. an unknown variable in the URL); empty when fine. */
    public ReadOnlyStringProperty profileProblemProperty() {
        return profileProblem.getReadOnlyProperty();
    }

    /**
     * Makes this a profile tab: URL and options come from {@code stored}, resolved with its variables.
     *
     * @param dir where the profile's relative certificate paths point (the profiles directory)
     */
    public void useProfile(StoredProfile stored, Path dir) {
        profilesDir = dir;
        profile.set(stored);
        decoding = ProfileDecoding.of(stored.profile().decoder(), dir);
        environments.setAll(stored.profile().environments().keySet());
        if (!environments.contains(environment.get())) {
            environment.set("");
        }
        applyProfile();
    }

    /**
     * What the detail pane decodes frame messages with: the connection's hint (subprotocol, URL) under the
     * profile's decoder and protobuf schema.
     */
    public ProtocolHint protocolHint(ProtocolHint connection) {
        return decoding.apply(connection);
    }

    /** Why the profile's protobuf descriptor set could not be read; empty when fine or not configured. */
    public String decoderProblem() {
        return decoding.problem();
    }

    /** A newer version of this tab's profile (saved here or edited on disk); other profiles are ignored. */
    public void profileChanged(StoredProfile stored) {
        StoredProfile current = profile.get();
        if (current != null && current.id().equals(stored.id()) && !current.equals(stored)) {
            useProfile(stored, profilesDir);
        }
    }

    /** Switches the environment: variables, URL and options are resolved again. */
    public void chooseEnvironment(String name) {
        environment.set(name == null ? "" : name);
        if (profile.get() != null) {
            applyProfile();
        }
    }

    /** Variables for messages on this connection, or null in a tab without a profile (sends stay literal). */
    public Templates templates() {
        StoredProfile p = profile.get();
        return p == null ? null : Templates.forProfile(p.profile(), environment.get(), builtIns);
    }

    /** The file the shown capture came from, or null for a live capture. */
    public ReadOnlyObjectProperty<Path> captureFileProperty() {
        return captureFile.getReadOnlyProperty();
    }

    /**
     * Shows a capture read from {@code file} instead of a live one: its frames and events, no connection. The
     * URL field takes the capture's URL, so Connect then starts a live capture of the same address.
     */
    public void showCapture(ImportedCapture capture, Path file) {
        disconnectNow();
        if (!capture.url().isEmpty()) {
            url.set(capture.url());
        }
        storedSession.set(null);
        captureFile.set(file);
        session.set(capture.session());
        lastError.set("");
        refresh();
    }

    /**
     * Shows a session read back from the journal, read-only; Connect then starts a new live session at its
     * address.
     *
     * @param title what the bar calls it (the session's name, profile or URL)
     */
    public void showStored(String sessionUrl, Session stored, String title) {
        disconnectNow();
        if (!sessionUrl.isEmpty()) {
            url.set(sessionUrl);
        }
        captureFile.set(null);
        storedSession.set(title);
        session.set(stored);
        lastError.set("");
        refresh();
    }

    /** The title of the stored session shown read-only, or null for a live capture or a file. */
    public ReadOnlyStringProperty storedSessionProperty() {
        return storedSession.getReadOnlyProperty();
    }

    /** Connects to the URL field's address in a new capture. Bad URLs appear in the timeline like any failure. */
    public void connect() {
        disconnectNow();
        captureFile.set(null);
        storedSession.set(null);
        String problem = profile.get() == null ? null : resolveForConnect();
        String text = url.get().trim();
        remember(text);
        recorded = recorder.start(profile.get() == null ? "" : profile.get().name(), text);
        Session next = recorded.session();
        session.set(next);
        lastError.set("");
        ConnectionOptions resolved = template.get();
        // In a profile tab the field shows the resolved URL with secrets masked: connect to the real one.
        URI uri = profile.get() != null && problem == null && resolved != null
                && text.equals(shownUrl(resolved.uri().toString())) ? resolved.uri() : parseUrl(text);
        if (problem != null) {
            failBeforeConnect(next, "Profile '" + profile.get().name() + "': " + problem);
        } else if (uri == null) {
            failBeforeConnect(next, "Malformed URL '" + text + "': use ws://host:port/path or wss://…");
        } else {
            StoredProfile p = profile.get();
            speaking = ProtocolHookup.of(p == null ? "" : p.profile().protocol(), uri.getHost(), next);
            ConnectionOptions options = speaking.options(optionsFor(uri));
            if (p == null) {
                connection = service.connect(options, next.frames(), speaking.listener());
            } else {
                SendOnConnect sends = new SendOnConnect(p.profile().sendOnConnect(), templates(), next.frames(),
                        speaking.listener());
                if (speaking.speaks()) { // after the protocol's own handshake, not on the WebSocket's open
                    sends = sends.afterProtocolHandshake();
                    speaking.onReady(sends::protocolReady);
                }
                connection = sends.connect(service, options);
            }
            speaking.attach(connection);
        }
        refresh();
    }

    /**
     * Sends a saved message of the profile, variables resolved; returns why it was not sent, or null when it
     * was handed to the connection. A message that cannot be resolved is also reported in the timeline.
     */
    public String sendSaved(SavedMessage message) {
        Connection open = connection();
        if (open == null) {
            return "Not connected: press Connect first";
        }
        Templates t = templates();
        try {
            send(open, t == null ? SavedMessages.compose(message, new Templates(java.util.Map.of(), builtIns))
                    : SavedMessages.compose(message, t));
            return null;
        } catch (IllegalArgumentException e) {
            addNote(ConnectionEvent.Note.ERROR, "Not sent: " + e.getMessage());
            return "Not sent: " + e.getMessage();
        }
    }

    /** Adds a row to the timeline of the current capture; any thread (replays report from their own). */
    public void addNote(String level, String message) {
        Session current = session.get();
        if (current != null) {
            addNote(current, level, message);
        }
    }

    private static void addNote(Session target, String level, String message) {
        FrameStore frames = target.frames();
        long now = frames.clock().epochMicrosAt(frames.clock().nanoTime());
        target.onEvent(new ConnectionEvent.Note(now, frames.size(), level, message));
    }

    private static void failBeforeConnect(Session next, String message) {
        long now = next.frames().clock().epochMicrosAt(next.frames().clock().nanoTime());
        next.onEvent(new ConnectionEvent.Failed(now, 0, FailureKind.MALFORMED_URL, message, null));
    }

    /** Fresh built-ins (the counter is per connection) and options; the problem, or null when resolved. */
    private String resolveForConnect() {
        builtIns = BuiltIns.system();
        String shown = url.get().trim();
        String resolvedBefore = template.get() == null ? null : shownUrl(template.get().uri().toString());
        String problem = applyProfile();
        if (problem == null && resolvedBefore != null && !shown.equals(resolvedBefore)) {
            url.set(shown); // the user typed another address into the profile tab: theirs wins
        }
        return problem;
    }

    /** Resolves the profile into URL field and options; returns the problem, or null. */
    private String applyProfile() {
        StoredProfile p = profile.get();
        try {
            ConnectionOptions options = new ProfileResolver(templates(), profilesDir).options(p.profile());
            template.set(options);
            url.set(shownUrl(options.uri().toString()));
            profileProblem.set(decoding.problem());
            return null;
        } catch (IllegalArgumentException e) {
            template.set(null);
            url.set(p.profile().url());
            profileProblem.set(e.getMessage());
            return e.getMessage();
        }
    }

    /**
     * The resolved URL as the field shows it: values of the profile's secret query parameters (and of
     * token-like ones) masked. Connect uses the resolved options, not this text, unless the user edits it.
     */
    private String shownUrl(String resolved) {
        StoredProfile p = profile.get();
        java.util.Set<String> secret = p == null ? java.util.Set.of() : p.profile().queryParams().stream()
                .filter(dev.wsinspector.core.profile.QueryParam::secret).map(dev.wsinspector.core.profile.QueryParam::name)
                .collect(java.util.stream.Collectors.toSet());
        return dev.wsinspector.core.io.Secrets.maskUrl(resolved, secret);
    }

    private static void send(Connection open, ComposedMessage message) {
        if (message.binary()) {
            open.sendBinary(message.bytes());
        } else {
            open.sendText(message.text());
        }
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

    /**
     * Quitting: every open connection of {@code models} starts its closing handshake with 1001 (going away), and
     * this waits at most {@code maxMillis} for the closes to complete (their close frames then reach the journal).
     * Called once, as the window goes away.
     */
    public static void goAwayAll(List<ConnectionViewModel> models, long maxMillis) {
        List<Session> closing = new ArrayList<>();
        for (ConnectionViewModel m : models) {
            if (m.connection() != null) {
                m.close(1001, "going away");
                closing.add(m.session());
            }
        }
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (closing.stream().anyMatch(s -> s.state() != ConnectionState.CLOSED) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5); // quitting: nothing else for this thread to do; bounded by maxMillis
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
        if (captureFile.get() != null || storedSession.get() != null) {
            // A capture from a file or the journal: whatever its events say, nothing is connected.
            state.set(ConnectionState.CLOSED);
            connected.set(false);
            described = null;
            stateText.set(captureFile.get() != null ? "From file" : "Stored session");
            detailText.set((captureFile.get() != null ? captureFile.get().getFileName().toString() : storedSession.get())
                    + " · " + Formats.count(current.frames().size()) + " frames");
            queuedText.set("");
            pingText.set("");
            return;
        }
        ConnectionState now = current.state();
        state.set(now);
        connected.set(now != ConnectionState.CLOSED);
        switch (now) {
            case CONNECTING -> {
                described = null;
                stateText.set("Connecting…");
                detailText.set("");
            }
            case OPEN -> {
                stateText.set("Open");
                ConnectionEvent.Opened opened = current.opened().orElse(null);
                if (opened != described) { // every pulse: the text made once for each open
                    described = opened;
                    detailText.set(opened == null ? "" : describeOpen(opened));
                }
            }
            case CLOSING -> {
                described = null;
                stateText.set("Closing…");
            }
            case CLOSED -> {
                ConnectionEvent.Closed closed = current.closed().orElse(null);
                if (closed == null || closed != described) { // every pulse: the texts made once for each close
                    described = closed;
                    stateText.set(closed == null ? "Closed"
                            : "Closed " + closed.code() + (closed.clean() ? " (clean)" : " (not clean)"));
                    detailText.set(closed == null ? "" : CloseCodes.describe(closed.code(), closed.reason())
                            + (closed.remote() ? " · by server" : " · by us"));
                }
            }
        }
        if (now == ConnectionState.CLOSED && recorded != null && recorded.session() == current
                && !(connection instanceof dev.wsinspector.core.session.ReconnectingConnection r && r.willReconnect())) {
            // The connection is over and will not come back: complete its session now, so the Sessions list shows
            // how it ended (later notes in this tab stay in memory only).
            endRecording();
        }
        current.lastFailure().ifPresent(f -> lastError.set(f.message()));
        if (recorded != null && recorded.session() == current && recorded.problem() != null) {
            lastError.set(recorded.problem());
        }
        if (connection != null && now == ConnectionState.OPEN) {
            long queued = connection.bufferedBytes();
            queuedText.set(queued > 0 ? Formats.humanBytes(queued) + " queued" : "");
            long rtt = connection.lastPingRoundTripNanos();
            pingText.set(rtt < 0 ? "" : String.format(java.util.Locale.ROOT, "ping %.1f ms", rtt / 1e6));
        } else {
            queuedText.set("");
        }
    }

    /**
     * Drops the connection without a handshake (tab closed, app exit, the next connect) and completes its
     * session in the journal.
     */
    public void disconnectNow() {
        if (speaking != null) {
            speaking.close();
            speaking = null;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        endRecording();
    }

    private void endRecording() {
        if (recorded != null) {
            // Completing a session writes its last frames and forces them to disk: not on the FX thread. At
            // exit the catalog waits for it (Recording.close is idempotent and synchronized).
            SessionRecorder.Recorded ending = recorded;
            recorded = null;
            CompletableFuture.runAsync(ending::close);
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

    /**
     * Puts {@code text} first in the history. The URL box shows this list: an insert before its selected entry
     * makes the ComboBox select (and show) another entry, which the field's text is bound to, so the typed
     * address is put back afterwards; otherwise the box, the tab title and the next Connect would switch to an
     * older address.
     */
    private void remember(String text) {
        if (text.isEmpty() || !urlHistory.isEmpty() && urlHistory.get(0).equals(text)) {
            return;
        }
        String typed = url.get();
        urlHistory.remove(text);
        urlHistory.add(0, text);
        if (urlHistory.size() > 20) {
            urlHistory.remove(20, urlHistory.size());
        }
        url.set(typed);
    }
}
