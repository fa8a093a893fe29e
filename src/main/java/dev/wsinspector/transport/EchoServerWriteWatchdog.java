package dev.wsinspector.transport;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets output moving again that Java-WebSocket's {@link WebSocketServer} left in a connection's queue. The
 * {@link EchoServer} runs one; any other {@code WebSocketServer} (e.g. a test's) can too.
 *
 * <p>Why: in Java-WebSocket 1.6.0 a send from any thread but the selector's (e.g. an echo sent from
 * {@code onMessage}, which runs on a worker thread) queues the frame, sets {@code OP_WRITE} on the
 * connection's selection key and wakes the selector. The selector thread, in {@code doWrite}, writes the
 * queue until it is empty and then sets the key's interest back to {@code OP_READ}. Nothing orders the two:
 * if the worker queues a frame and sets {@code OP_WRITE} after the selector saw the queue empty but before
 * it set {@code OP_READ}, the frame stays queued and the selector no longer waits to write it. It goes out
 * only with the connection's next send, which for an echo server may never come: the peer sees nothing,
 * with every thread idle and the connection open.
 *
 * <p>Even strict request/response traffic runs into it. The selector never removes a key it only wrote
 * for from its selected-key set, and the selector keeps the ready operations of keys already in that set,
 * so the key still looks writable when the next request arrives. In that one pass the selector hands the
 * request to a worker and then runs {@code doWrite} on an empty queue while the worker is producing the
 * answer. The window is a few instructions wide, so it takes a preemption of the selector thread at that
 * point (CPU load) to lose a frame. The same race can swallow the wake-up that {@code flushAndClose} sends
 * after a close frame, and then the server never closes the TCP connection.
 *
 * <p>How: every {@link #DEFAULT_PERIOD} this looks for connections that have queued output (or a close
 * to complete) but no {@code OP_WRITE} interest, and asks the server again through
 * {@link WebSocketServer#onWriteDemand}, which is exactly what the library's own send does. Asking when
 * the selector would have written anyway (a send caught between queueing and asking) costs one empty
 * write pass; it never reorders or duplicates data.
 */
public final class EchoServerWriteWatchdog implements AutoCloseable {

    /** The longest a stranded frame waits; a pass only looks at each open connection's queue and key. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(EchoServerWriteWatchdog.class);

    private final WebSocketServer server;
    private final ScheduledExecutorService timer;

    private EchoServerWriteWatchdog(WebSocketServer server, Duration period) {
        this.server = server;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ws-write-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long nanos = period.toNanos();
        timer.scheduleWithFixedDelay(this::checkQuietly, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Starts watching {@code server}'s connections; call once the server runs, {@link #close()} when it stops. */
    public static EchoServerWriteWatchdog watch(WebSocketServer server) {
        return watch(server, DEFAULT_PERIOD);
    }

    public static EchoServerWriteWatchdog watch(WebSocketServer server, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
        return new EchoServerWriteWatchdog(server, period);
    }

    /**
     * One pass over the server's connections.
     *
     * @return how many connections were asked to write again
     */
    int rearmStrandedWrites() {
        int rearmed = 0;
        for (WebSocket socket : server.getConnections()) {
            if (socket instanceof WebSocketImpl conn && isStranded(conn)) {
                server.onWriteDemand(conn);
                rearmed++;
            }
        }
        return rearmed;
    }

    /** Output queued (or a close to complete) while the selector does not wait to write. */
    static boolean isStranded(WebSocketImpl conn) {
        if (conn.outQueue.isEmpty() && !conn.isFlushAndClose()) {
            return false;
        }
        SelectionKey key = conn.getSelectionKey();
        try {
            return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
        } catch (CancelledKeyException e) {
            return false; // closed meanwhile: nothing left to write
        }
    }

    private void checkQuietly() {
        try {
            int rearmed = rearmStrandedWrites();
            if (rearmed > 0) {
                LOG.debug("re-armed the write interest of {} connection(s)", rearmed);
            }
        } catch (RuntimeException e) {
            // e.g. the server is shutting down; a later pass tries again, and a thrown exception would
            // cancel the periodic task for good
            LOG.debug("write watchdog pass failed", e);
        }
    }

    /** Stops watching; idempotent. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
