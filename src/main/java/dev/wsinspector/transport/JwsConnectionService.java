package dev.wsinspector.transport;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.FailureKind;

import javax.net.ssl.SSLContext;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Opens client connections with Java-WebSocket 1.6.0, capturing every frame (see {@link TappingDraft}),
 * directly or through the options' proxy, with their TLS settings. Automatic reconnection is a decorator in
 * core ({@code ReconnectingConnectionService}); wrap this service in it to honour {@code options.reconnect()}.
 */
public final class JwsConnectionService implements ConnectionService {

    /** Connect and close deadlines of all connections: tiny tasks, one daemon thread is plenty. */
    private static final ScheduledExecutorService TIMERS = timers();

    private final SSLContext verifiedContext;

    /** TLS verified against the JDK's trusted authorities. */
    public JwsConnectionService() {
        this(null);
    }

    /**
     * @param verifiedContext TLS context whose trust managers verify servers (for a private CA, or a test's own
     *                        authority); host names are still checked. Null for the JDK default.
     */
    public JwsConnectionService(SSLContext verifiedContext) {
        this.verifiedContext = verifiedContext;
    }

    @Override
    public Connection connect(ConnectionOptions options, FrameStore store, ConnectionListener listener) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(listener, "listener");
        SSLContext tls;
        Failures.Failure setupProblem = null;
        if (TlsContexts.custom(options)) {
            try {
                tls = TlsContexts.create(options);
            } catch (TlsContexts.SetupException e) {
                // Reported like any other failure (as events), so the user sees which file is wrong.
                tls = Tls.verifiedDefault();
                setupProblem = new Failures.Failure(FailureKind.TLS, e.getMessage());
            }
        } else {
            tls = options.insecure() ? Tls.trustAll() : verifiedContext != null ? verifiedContext : Tls.verifiedDefault();
        }
        JwsConnection connection = new JwsConnection(options, store, listener, TIMERS, tls, setupProblem);
        connection.start();
        return connection;
    }

    private static ScheduledExecutorService timers() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "wsi-connection-timers");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
