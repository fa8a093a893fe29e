package dev.wsinspector.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;

/**
 * Keeps one client from knocking the {@link EchoServer} over. Java-WebSocket 1.6.0 queues every outgoing frame
 * without limit, waits for ever for an upgrade request, lets a request head grow without limit and accepts any
 * number of connections; a client that sends a lot and never reads filled a 256 MiB heap with its own echoes,
 * after which the server served nobody.
 *
 * <p>The guard sits between the library and each accepted socket ({@link #admit}), where it sees every byte in
 * and out without changing the library:
 * <ul>
 *   <li><b>Outgoing queue</b>: bytes framed for a client ({@link EchoServerDraft#framedBytes}) minus bytes
 *       written to its socket is what waits in the library's queue. Before each echo or pong
 *       {@link #mayQueue} checks it; over the limit the client stops being read (its key loses
 *       {@code OP_READ}, so TCP pushes back on it), gets a 1008 close and, if it does not finish the close
 *       handshake in time, loses the connection. Other clients do not notice.</li>
 *   <li><b>Upgrade</b>: the request head (up to the blank line) may be at most {@code maxHeaderBytes}, else the
 *       client gets 431; it must be complete within the handshake timeout, else the connection is closed;
 *       past {@code maxConnections} open connections a new one is answered 503 once its request is read.</li>
 * </ul>
 * Each limit that bites is reported in one line through the warning callback: per event for the queue, summed
 * per {@link #SWEEP_MILLIS} for timeouts and refusals (a flood of them must not flood the log).
 */
final class EchoServerGuard implements AutoCloseable {

    /** The limits; each one is a setting of {@link EchoServer.Builder}. */
    record Limits(long maxQueuedBytes, Duration handshakeTimeout, int maxHeaderBytes, int maxConnections,
            Duration closeGrace) {
    }

    /** How often deadlines are checked: the precision of the handshake timeout and of the close grace. */
    static final long SWEEP_MILLIS = 100;

    private static final byte[] TOO_LARGE = response("431 Request Header Fields Too Large");
    private static final byte[] UNAVAILABLE = response("503 Service Unavailable");

    private final Limits limits;
    private final Consumer<String> warn;
    private final Set<Guarded> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger tooLarge = new AtomicInteger();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "echo-server-guard");
        t.setDaemon(true);
        return t;
    });

    EchoServerGuard(Limits limits, Consumer<String> warn) {
        this.limits = limits;
        this.warn = warn;
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The channel the library is to use for a socket it just accepted (selector thread). {@code inner} is the
     * socket as the library would see it otherwise (e.g. with a lingering close); the key's attachment is the
     * library's connection.
     */
    ByteChannel admit(SocketChannel socket, SelectionKey key, ByteChannel inner) {
        live.removeIf(g -> !g.isOpen());
        long open = live.stream().filter(g -> !g.refused).count();
        Guarded guarded = new Guarded(socket, key, inner, open >= limits.maxConnections());
        live.add(guarded);
        return guarded;
    }

    /**
     * Whether one more frame may be queued for {@code conn} (worker threads, before an echo or a pong). When its
     * queue is over the limit, this starts closing the client (once) and answers false from then on.
     */
    boolean mayQueue(WebSocket conn) {
        if (!(conn instanceof WebSocketImpl impl) || !(impl.getChannel() instanceof Guarded guarded)
                || !(impl.getDraft() instanceof EchoServerDraft draft)) {
            return true;
        }
        if (guarded.overflowDeadline != 0) {
            return false;
        }
        long waiting = draft.framedBytes() - guarded.written.get();
        if (waiting <= limits.maxQueuedBytes()) {
            return true;
        }
        synchronized (guarded) {
            if (guarded.overflowDeadline != 0) {
                return false;
            }
            guarded.overflowDeadline = System.nanoTime() + limits.closeGrace().toNanos();
        }
        guarded.stopReading();
        String reason = "outgoing queue over " + limits.maxQueuedBytes() + " bytes: client not reading";
        warn.accept("client " + conn.getRemoteSocketAddress() + " closed with 1008: " + waiting
                + " bytes waiting to be sent (limit " + limits.maxQueuedBytes() + "); it is not reading");
        impl.close(CloseFrame.POLICY_VALIDATION, reason);
        return false;
    }

    /** Closes every socket still open (the server is stopping). */
    void closeAll() {
        for (Guarded g : live) {
            closeQuietly(g.socket);
        }
        live.clear();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    /** Connections the guard still tracks (tests). */
    int trackedCount() {
        live.removeIf(g -> !g.isOpen());
        return live.size();
    }

    private void sweepQuietly() {
        try {
            sweep(System.nanoTime());
        } catch (RuntimeException e) {
            // a later pass tries again; a thrown exception would cancel the periodic task for good
        }
    }

    private void sweep(long now) {
        for (Guarded g : live) {
            if (!g.isOpen()) {
                live.remove(g);
                continue;
            }
            WebSocketImpl conn = g.connection();
            if (conn == null) {
                continue;
            }
            if (conn.getReadyState() == ReadyState.NOT_YET_CONNECTED && now - g.acceptedAt > handshakeNanos(g)
                    && (!g.headDone || now - g.acceptedAt > 2 * handshakeNanos(g))) {
                // A complete head is being handled by a worker right now; give it one more period.
                if (!g.refused) {
                    timedOut.incrementAndGet();
                }
                conn.closeConnection(CloseFrame.NEVER_CONNECTED, "no upgrade in time");
            } else if (g.overflowDeadline != 0 && now - g.overflowDeadline > 0 && !conn.isClosed()) {
                conn.closeConnection(CloseFrame.POLICY_VALIDATION, "client not reading");
                closeQuietly(g.socket); // no lingering close: this client's input is what it must stop sending
            }
        }
        report(timedOut, n -> "closed " + n + " connection(s) that sent no complete upgrade request within "
                + limits.handshakeTimeout().toMillis() + " ms");
        report(refused, n -> "refused " + n + " connection(s) with 503: " + limits.maxConnections()
                + " connections open (the limit)");
        report(tooLarge, n -> "refused " + n + " upgrade request(s) with 431: head over "
                + limits.maxHeaderBytes() + " bytes");
    }

    private long handshakeNanos(Guarded g) {
        long nanos = limits.handshakeTimeout().toNanos();
        // A refused connection waits only briefly for its request: it must not hold a socket for long.
        return g.refused ? Math.min(nanos, limits.closeGrace().toNanos()) : nanos;
    }

    private void report(AtomicInteger counter, java.util.function.IntFunction<String> line) {
        int n = counter.getAndSet(0);
        if (n > 0) {
            warn.accept(line.apply(n));
        }
    }

    private static byte[] response(String status) {
        return ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway: nothing else to release
        }
    }

    /** One accepted socket as the library sees it: reads and writes pass through, counted and checked. */
    private final class Guarded implements ByteChannel {
        final SocketChannel socket;
        final SelectionKey key;
        final ByteChannel inner;
        final boolean refused;
        final long acceptedAt = System.nanoTime();
        final AtomicLong written = new AtomicLong();
        /** Set once the queue went over the limit: when the client loses its connection at the latest. */
        volatile long overflowDeadline;
        /** The request head ended (blank line seen); selector thread only, read by the sweeper. */
        volatile boolean headDone;
        private int headBytes;
        private int lineEnd; // how much of "\r\n\r\n" was just seen
        private volatile boolean closed;

        Guarded(SocketChannel socket, SelectionKey key, ByteChannel inner, boolean refused) {
            this.socket = socket;
            this.key = key;
            this.inner = inner;
            this.refused = refused;
        }

        WebSocketImpl connection() {
            return key.attachment() instanceof WebSocketImpl conn ? conn : null;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (overflowDeadline != 0) {
                stopReading(); // the library turns reading back on whenever its queue drains
                return 0;
            }
            int start = dst.position();
            int n = inner.read(dst);
            if (n <= 0 || headDone) {
                return n;
            }
            for (int i = start; i < start + n && !headDone; i++) {
                headBytes++;
                byte b = dst.get(i);
                lineEnd = b == (lineEnd % 2 == 0 ? '\r' : '\n') ? lineEnd + 1 : b == '\r' ? 1 : 0;
                headDone = lineEnd == 4;
            }
            if (headBytes > limits.maxHeaderBytes()) { // counted up to the blank line only
                tooLarge.incrementAndGet();
                return answer(TOO_LARGE);
            }
            if (headDone && refused) {
                EchoServerGuard.this.refused.incrementAndGet();
                return answer(UNAVAILABLE);
            }
            return n;
        }

        /** Writes an HTTP error before any 101 and reports end of stream: the library then closes the socket. */
        private int answer(byte[] response) {
            try {
                socket.write(ByteBuffer.wrap(response)); // nothing else was sent yet: it fits the send buffer
            } catch (IOException e) {
                // the client is gone already; closing is all that is left
            }
            return -1;
        }

        void stopReading() {
            try {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
            } catch (CancelledKeyException e) {
                // closed meanwhile
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = inner.write(src);
            written.addAndGet(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return !closed && inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            closed = true;
            inner.close();
        }
    }
}
