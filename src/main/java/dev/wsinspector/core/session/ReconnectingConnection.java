package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.timing.Scheduler;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * One logical connection made of successive attempts (see {@link ReconnectingConnectionService}). Sends go
 * to the current attempt; while a reconnect is pending the state is {@code CONNECTING} and sends fail.
 */
public final class ReconnectingConnection implements Connection {

    private final ConnectionService delegate;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final ConnectionOptions options;
    private final FrameStore store;
    private final ConnectionListener listener;
    private final ReconnectPolicy policy;

    private final Object lock = new Object();
    private Connection current;
    private int attempt;
    private FailureKind failure;
    private boolean stopped;
    private Scheduler.Cancellable pending;
    private volatile boolean willReconnect;
    /** Applied to every attempt, so a reconnect keeps the user's choice. */
    private volatile boolean autoPong = true;

    ReconnectingConnection(ConnectionService delegate, Scheduler scheduler, DoubleSupplier random,
                           ConnectionOptions options, FrameStore store, ConnectionListener listener) {
        this.delegate = delegate;
        this.scheduler = scheduler;
        this.random = random;
        this.options = options;
        this.store = store;
        this.listener = listener;
        this.policy = options.reconnect();
    }

    void start() {
        Connection first = delegate.connect(options, store, this::onEvent);
        synchronized (lock) {
            if (current == null) {
                current = first;
            }
        }
    }

    /**
     * True from the moment a drop was judged worth another attempt until that attempt starts (it is already true
     * when the drop's {@code Closed} event reaches the listener), false once the attempts are used up or the user
     * closed the connection.
     */
    public boolean willReconnect() {
        return willReconnect;
    }

    private void onEvent(ConnectionEvent event) {
        ConnectionEvent.Reconnecting next = null;
        synchronized (lock) {
            if (event instanceof ConnectionEvent.Opened) {
                attempt = 0;
            } else if (event instanceof ConnectionEvent.Failed f) {
                failure = f.kind();
            } else if (event instanceof ConnectionEvent.Closed c) {
                if (!stopped && worthRetrying(c) && attempt < policy.maxAttempts()) {
                    attempt++;
                    Duration delay = policy.backoff(attempt, random.getAsDouble());
                    willReconnect = true;
                    next = new ConnectionEvent.Reconnecting(now(), store.size(), attempt, policy.maxAttempts(),
                            delay.toMillis());
                    pending = scheduler.schedule(this::reconnect, delay);
                } else {
                    willReconnect = false;
                }
            }
        }
        listener.onEvent(event);
        if (next != null) {
            listener.onEvent(next);
        }
    }

    private boolean worthRetrying(ConnectionEvent.Closed closed) {
        if (failure != null) {
            return switch (failure) {
                case MALFORMED_URL, HANDSHAKE_REJECTED, TLS -> false;
                default -> true;
            };
        }
        return !closed.clean() || switch (closed.code()) {
            case 1001, 1011, 1012, 1013 -> closed.remote();
            default -> false;
        };
    }

    private void reconnect() {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            failure = null;
            pending = null;
            willReconnect = false;
            // Under the lock, so a close() from another thread either stops this attempt or sees it.
            current = delegate.connect(options, store, this::onEvent);
            if (!autoPong) {
                current.setAutoPong(false);
            }
        }
    }

    private Connection current() {
        synchronized (lock) {
            return current;
        }
    }

    private long now() {
        return store.clock().epochMicrosAt(store.clock().nanoTime());
    }

    @Override
    public ConnectionOptions options() {
        return options;
    }

    @Override
    public FrameStore frames() {
        return store;
    }

    @Override
    public ConnectionState state() {
        return willReconnect ? ConnectionState.CONNECTING : current().state();
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        return current().sendText(text);
    }

    @Override
    public CompletableFuture<Void> sendBinary(byte[] data) {
        return current().sendBinary(data);
    }

    @Override
    public CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments) {
        return current().sendFragmented(text, data, fragments);
    }

    @Override
    public CompletableFuture<Void> sendPing(byte[] payload) {
        return current().sendPing(payload);
    }

    @Override
    public CompletableFuture<Void> sendPong(byte[] payload) {
        return current().sendPong(payload);
    }

    @Override
    public CompletableFuture<Void> sendRaw(byte[] wire) {
        return current().sendRaw(wire);
    }

    @Override
    public void setAutoPong(boolean answer) {
        autoPong = answer;
        current().setAutoPong(answer);
    }

    /** Closes for good: no reconnect follows a close the user asked for. */
    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        return stop().close(code, reason);
    }

    @Override
    public long bufferedBytes() {
        return current().bufferedBytes();
    }

    @Override
    public long lastPingRoundTripNanos() {
        return current().lastPingRoundTripNanos();
    }

    @Override
    public void close() {
        stop().close();
    }

    private Connection stop() {
        synchronized (lock) {
            stopped = true;
            willReconnect = false;
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
            return current;
        }
    }
}
