package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.timing.Scheduler;

import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Adds {@link ConnectionOptions#reconnect() automatic reconnection} to any connection service: after a drop it
 * connects again with the same options, into the same frame store and listener, so the capture simply goes on.
 * Options without reconnect pass straight through.
 *
 * <p>What counts as a drop: a close without a clean handshake, or a server close with 1001 (going away),
 * 1011, 1012 (restart) or 1013 (try again later); also failed attempts. Not retried: closes the user asked
 * for, a normal 1000 close, and failures that another try cannot fix (malformed URL, refused upgrade such
 * as 401, TLS certificate problems).
 */
public final class ReconnectingConnectionService implements ConnectionService {

    private final ConnectionService delegate;
    private final Scheduler scheduler;
    private final DoubleSupplier random;

    public ReconnectingConnectionService(ConnectionService delegate) {
        this(delegate, Scheduler.system(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) for the jitter */
    public ReconnectingConnectionService(ConnectionService delegate, Scheduler scheduler, DoubleSupplier random) {
        this.delegate = Objects.requireNonNull(delegate);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public Connection connect(ConnectionOptions options, FrameStore store, ConnectionListener listener) {
        if (!options.reconnect().enabled()) {
            return delegate.connect(options, store, listener);
        }
        ReconnectingConnection connection = new ReconnectingConnection(delegate, scheduler, random, options, store,
                listener);
        connection.start();
        return connection;
    }
}
