package dev.wsinspector.ui.connection;

import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.protocol.ProtocolClient;
import dev.wsinspector.core.protocol.ProtocolDriver;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.Session;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A tab's protocol-aware client (the profile's {@code "protocol"}): the options it needs (the protocol's
 * subprotocol, Socket.IO's URL), the listener that starts a {@link ProtocolDriver} on each open, and the one
 * thread the driver runs on. For a raw profile it changes nothing. The driver reports to the timeline as notes.
 */
final class ProtocolHookup {

    private final ClientProtocol protocol;
    private final ConnectionListener listener;
    private final ProtocolDriver driver;
    private final ScheduledExecutorService thread;
    /** Runs each time the protocol's handshake completes (the profile's send-on-connect messages). */
    private volatile Runnable onReady = () -> { };

    private ProtocolHookup(ClientProtocol protocol, ConnectionListener listener, ProtocolDriver driver,
                           ScheduledExecutorService thread) {
        this.protocol = protocol;
        this.listener = listener;
        this.driver = driver;
        this.thread = thread;
    }

    /** For the profile's protocol name ("" or unknown: raw) and the capture {@code session}. */
    static ProtocolHookup of(String protocolName, String host, Session session) {
        ClientProtocol protocol = ClientProtocol.byId(protocolName).orElse(ClientProtocol.RAW);
        if (protocol == ClientProtocol.RAW) {
            return new ProtocolHookup(protocol, session, null, null);
        }
        ProtocolHookup[] made = new ProtocolHookup[1];
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ws-inspector-protocol");
            t.setDaemon(true);
            return t;
        });
        ClientProtocol.Settings settings = ClientProtocol.Settings.defaults().withHost(host);
        ProtocolDriver driver = new ProtocolDriver(() -> protocol.create(settings).orElseThrow(), session.frames(),
                thread, () -> System.nanoTime() / 1_000_000, new ProtocolDriver.Listener() {
                    @Override
                    public void ready(ProtocolClient client) {
                        note(session, ConnectionEvent.Note.INFO, protocol.label() + ": handshake complete");
                        made[0].onReady.run();
                    }

                    @Override
                    public void problem(String message) {
                        note(session, ConnectionEvent.Note.WARNING, protocol.label() + ": " + message);
                    }
                });
        made[0] = new ProtocolHookup(protocol, driver.listening(session), driver, thread);
        return made[0];
    }

    /** True when a protocol-aware client speaks for the tab (not raw). */
    boolean speaks() {
        return driver != null;
    }

    /** What to do each time the protocol's handshake completes (protocol thread). */
    void onReady(Runnable action) {
        onReady = action;
    }

    private static void note(Session session, String level, String message) {
        var frames = session.frames();
        session.onEvent(new ConnectionEvent.Note(frames.clock().epochMicrosAt(frames.clock().nanoTime()), frames.size(),
                level, message));
    }

    /** The options with the protocol's subprotocol (unless some are offered) and URL. */
    ConnectionOptions options(ConnectionOptions options) {
        if (protocol == ClientProtocol.RAW) {
            return options;
        }
        ConnectionOptions o = options.withUri(protocol.connectUri(options.uri()));
        return protocol.subprotocol().isEmpty() || !o.subprotocols().isEmpty() ? o
                : o.withSubprotocols(List.of(protocol.subprotocol()));
    }

    /** The listener to connect with: the session itself for raw. */
    ConnectionListener listener() {
        return listener;
    }

    void attach(Connection connection) {
        if (driver != null) {
            driver.attach(connection);
        }
    }

    /** The tab lets the connection go: the driver's thread ends. */
    void close() {
        if (thread != null) {
            driver.stop();
            thread.shutdown();
        }
    }
}
