package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameRules;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.transport.Failures.Failure;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

import javax.net.SocketFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client connection on Java-WebSocket 1.6.0. Frames are captured by its {@link TappingDraft}; this class
 * turns the library's callbacks into {@link ConnectionEvent}s (exactly one {@code Failed} at most, then one
 * {@code Closed}), enforces the whole-connect deadline the library lacks, and serialises sends on one thread.
 */
final class JwsConnection implements Connection, CaptureObserver {

    private static final int DEFAULT_WS_PORT = 80;
    private static final int DEFAULT_WSS_PORT = 443;
    private static final int MAX_TRACKED_PINGS = 32;
    private static final long TLS_ERROR_GRACE_MILLIS = 1000;
    private static final long LINGER_AFTER_CLOSE_MILLIS = 1000;
    private static final String PING_TIMEOUT_REASON =
            "The connection was closed because the other endpoint did not respond with a pong in time";

    private final ConnectionOptions options;
    private final FrameStore store;
    private final ConnectionListener listener;
    private final ScheduledExecutorService timers;
    private final SSLContext tls;
    private final URI uri;
    private final Failure earlyProblem;
    private final String host;
    private final int port;
    private final boolean secure;
    private final ExecutorService sender;
    private final Client client;
    private final AtomicLong queuedBytes = new AtomicLong();

    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private volatile Handshake request;
    private volatile Handshake response;
    private volatile Socket socket;
    private volatile boolean tlsDone;
    private volatile boolean aborted;
    private volatile boolean droppedByUser;
    private volatile long lastRoundTrip = -1;
    private volatile ScheduledFuture<?> deadline;
    private volatile ScheduledFuture<?> closeDeadline;
    /**
     * The close code we failed the connection with because the server broke the protocol (ours or the
     * library's finding); 0 while none. Such a close is never clean (RFC 6455 §7.1.7).
     */
    private volatile int failedWithCode;
    private volatile String failedWithReason = "";
    /** Pings a quiet server and drops a silent one; null when the ping interval is zero. */
    private volatile KeepAlive keepAlive;
    /** Off: the server's pings are captured but not answered (to test its ping timeout). */
    private volatile boolean autoPong = true;

    /** Event order: guarded so Failed always precedes the one Closed, whatever thread reports first. */
    private final Object events = new Object();
    private boolean opened;
    private boolean failed;
    private boolean closed;

    /** Close frames seen, in both directions (from the capture, so they match what is on the wire). */
    private final Object closes = new Object();
    private Direction firstClose;
    private int firstCloseCode;
    private String firstCloseReason = "";
    private boolean closeIn;
    private boolean closeOut;

    private final ArrayDeque<SentPing> pings = new ArrayDeque<>();
    private final CountDownLatch connectErrorReported = new CountDownLatch(1);

    private record SentPing(byte[] payload, long monoNanos) {
    }

    JwsConnection(ConnectionOptions options, FrameStore store, ConnectionListener listener,
                  ScheduledExecutorService timers, SSLContext tls, Failure setupProblem) {
        this.options = options;
        this.store = store;
        this.listener = listener;
        this.timers = timers;
        this.tls = tls;
        Failure badUrl = Failures.checkUrl(options.uri());
        this.earlyProblem = badUrl != null ? badUrl : setupProblem;
        this.uri = badUrl == null ? lowerCaseScheme(options.uri()) : options.uri();
        this.secure = "wss".equals(uri.getScheme());
        this.host = uri.getHost() == null ? "" : uri.getHost();
        this.port = uri.getPort() != -1 ? uri.getPort() : secure ? DEFAULT_WSS_PORT : DEFAULT_WS_PORT;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wsi-send-" + host + ":" + port);
            t.setDaemon(true);
            return t;
        });
        this.client = earlyProblem == null ? newClient() : null;
    }

    private Client newClient() {
        List<IExtension> extensions = options.deflate() ? List.of(Extensions.permessageDeflate()) : List.of();
        List<IProtocol> protocols = new ArrayList<>();
        options.subprotocols().forEach(p -> protocols.add(new Protocol(p)));
        // Accepts an answer without a subprotocol, as browsers do; adds nothing to the offer.
        protocols.add(new Protocol(""));
        TappingDraft draft = new TappingDraft(extensions, protocols, options.maxFrameSize(), options.headers(),
                store, this, options.lenient());
        Client c = new Client(uri, draft, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
        c.setConnectionLostTimeout(0);  // our KeepAlive pings instead (see there why)
        c.setDaemon(true);
        c.setTcpNoDelay(true);
        SocketFactory sockets = options.proxy().enabled()
                ? ProxyTunnel.factory(options.proxy(), host, port, options.connectTimeout(),
                        secure ? tls.getSocketFactory() : null, this::socketCreated)
                : secure ? tls.getSocketFactory() : SocketFactory.getDefault();
        c.setSocketFactory(new TrackingSocketFactory(sockets, this::socketCreated));
        c.setDnsResolver(u -> {
            if (aborted) {
                throw new UnknownHostException(u.getHost());
            }
            return InetAddress.getByName(u.getHost());
        });
        return c;
    }

    /** Emits {@code Connecting} and starts; a bad URL fails here, as events, never as an exception. */
    void start() {
        emit(new ConnectionEvent.Connecting(now(), store.size(), options.uri().toString()));
        if (earlyProblem != null) {
            fail(earlyProblem);
            finish(1006, "", false, false);
            return;
        }
        deadline = timers.schedule(this::connectDeadlinePassed, options.connectTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        client.connect();
    }

    // ---- Connection ----

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
        return state;
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return submit(utf8.length, () -> client.send(text));
    }

    @Override
    public CompletableFuture<Void> sendBinary(byte[] data) {
        byte[] copy = data.clone();
        return submit(copy.length, () -> client.send(copy));
    }

    @Override
    public CompletableFuture<Void> sendFragmented(boolean text, byte[] data, int fragments) {
        if (fragments < 1) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("fragments must be at least 1"));
        }
        byte[] copy = data.clone();
        return submit(copy.length, () -> {
            for (int i = 0; i < fragments; i++) {
                int from = (int) ((long) copy.length * i / fragments);
                int to = (int) ((long) copy.length * (i + 1) / fragments);
                DataFrame frame = i > 0 ? new ContinuousFrame() : text ? new TextFrame() : new BinaryFrame();
                frame.setFin(i == fragments - 1);
                // A copy of the range, not a slice: the deflate extension compresses the whole backing array.
                frame.setPayload(ByteBuffer.wrap(Arrays.copyOfRange(copy, from, to)));
                client.sendFrame(frame);
            }
        });
    }

    @Override
    public CompletableFuture<Void> sendPing(byte[] payload) {
        if (payload.length > 125) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A ping payload is at most 125 bytes, got " + payload.length));
        }
        byte[] copy = payload.clone();
        return submit(copy.length, () -> {
            PingFrame ping = new PingFrame();
            ping.setPayload(ByteBuffer.wrap(copy));
            client.sendFrame(ping);
        });
    }

    @Override
    public CompletableFuture<Void> sendPong(byte[] payload) {
        if (payload.length > 125) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "A pong payload is at most 125 bytes, got " + payload.length));
        }
        byte[] copy = payload.clone();
        return submit(copy.length, () -> {
            PongFrame pong = new PongFrame();
            pong.setPayload(ByteBuffer.wrap(copy));
            client.sendFrame(pong);
        });
    }

    @Override
    public CompletableFuture<Void> sendRaw(byte[] wire) {
        CraftedWrite write = new CraftedWrite(wire);
        return submit(wire.length, () -> {
            client.sendFrame(write);
            if (write.trailing() > 0) {
                emit(new ConnectionEvent.Note(now(), store.size(), ConnectionEvent.Note.WARNING,
                        "Sent " + write.trailing() + " raw byte(s) too few for a frame header: " + write.trailingHex()));
            }
        });
    }

    @Override
    public void setAutoPong(boolean answer) {
        autoPong = answer;
    }

    @Override
    public CompletableFuture<Void> close(int code, String reason) {
        CloseFrame frame = new CloseFrame();
        try {
            if (reason.getBytes(StandardCharsets.UTF_8).length > 123) {
                throw new IllegalArgumentException("A close reason is at most 123 bytes of UTF-8");
            }
            frame.setCode(code);
            frame.setReason(reason);
            frame.isValid();
        } catch (InvalidDataException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "Close code " + code + " cannot be sent: " + Failures.oneLine(e)));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return submit(0, () -> {
            state = ConnectionState.CLOSING;
            // Sent as a plain frame while the library still counts the connection open: after its own close()
            // the 1.6.0 client stops decoding, so the server's close reply would never be read or captured.
            // TappingDraft completes the handshake when the reply arrives.
            client.sendFrame(frame);
            closeDeadline = timers.schedule(this::closeReplyMissing, options.connectTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        });
    }

    @Override
    public long bufferedBytes() {
        long bytes = queuedBytes.get();
        if (client != null && client.getConnection() instanceof WebSocketImpl impl) {
            for (Iterator<ByteBuffer> it = impl.outQueue.iterator(); it.hasNext(); ) {
                bytes += it.next().remaining();
            }
        }
        return bytes;
    }

    @Override
    public long lastPingRoundTripNanos() {
        return lastRoundTrip;
    }

    @Override
    public void close() {
        droppedByUser = true;
        if (state == ConnectionState.CLOSED && client != null) {
            // Ended already: the library's write thread may still be writing our last close frame (the reply to
            // the server's close, or the 1002 that failed the connection); it closes the socket itself when done.
            // Closing it under that write would lose the frame, so the socket is only forced shut a little later.
            try {
                timers.schedule(this::abort, LINGER_AFTER_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                abort();
            }
        } else {
            abort();
        }
        for (Runnable queued : sender.shutdownNow()) {
            if (queued instanceof SendTask task) {
                task.result.completeExceptionally(new IllegalStateException("Connection was closed"));
            }
        }
    }

    // ---- sending ----

    /** A send waiting on the send thread; kept as a type so a shutdown can fail its future. */
    private final class SendTask implements Runnable {
        final CompletableFuture<Void> result = new CompletableFuture<>();
        final long bytes;
        final Runnable action;

        SendTask(long bytes, Runnable action) {
            this.bytes = bytes;
            this.action = action;
        }

        @Override
        public void run() {
            try {
                if (state != ConnectionState.OPEN) {
                    throw new IllegalStateException(notOpenMessage());
                }
                action.run();
                result.complete(null);
            } catch (WebsocketNotConnectedException e) {
                result.completeExceptionally(new IllegalStateException(notOpenMessage()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            } finally {
                queuedBytes.addAndGet(-bytes);
            }
        }
    }

    private CompletableFuture<Void> submit(long bytes, Runnable action) {
        SendTask task = new SendTask(bytes, action);
        queuedBytes.addAndGet(bytes);
        try {
            sender.execute(task);
        } catch (RejectedExecutionException e) {
            queuedBytes.addAndGet(-bytes);
            task.result.completeExceptionally(new IllegalStateException(notOpenMessage()));
        }
        return task.result;
    }

    private String notOpenMessage() {
        return switch (state) {
            case CONNECTING -> "Not connected yet";
            case CLOSING -> "Connection is closing";
            default -> "Connection is closed";
        };
    }

    // ---- CaptureObserver (transport threads) ----

    @Override
    public void onRequestSent(Handshake sent) {
        request = sent;
    }

    @Override
    public void onResponse(Handshake answer, boolean complete) {
        response = answer;
    }

    @Override
    public void onControlFrame(Direction direction, WireHeader header, ByteBuffer payload, long monoNanos) {
        if (header.opcode() == Opcode.PING && direction == Direction.OUT) {
            synchronized (pings) {
                pings.addLast(new SentPing(bytes(payload), monoNanos));
                if (pings.size() > MAX_TRACKED_PINGS) {
                    pings.removeFirst();
                }
            }
        } else if (header.opcode() == Opcode.PONG && direction == Direction.IN) {
            pongReceived(bytes(payload), monoNanos);
            KeepAlive k = keepAlive;
            if (k != null) {
                k.heard(monoNanos);
            }
        } else if (header.opcode() == Opcode.CLOSE && !(direction == Direction.IN && withheld(header, payload))) {
            closeFrame(direction, payload);
        }
    }

    /**
     * A lenient connection keeps a close frame that breaks a rule from the library (only a bad mask is let
     * through), so it does not start the close handshake, and the close that ends the connection comes later.
     */
    private boolean withheld(WireHeader header, ByteBuffer payload) {
        if (!options.lenient()) {
            return false;
        }
        ProtocolViolation v = FrameRules.checkHeader(header, FrameRules.Sender.SERVER, false, 0);
        byte[] bytes = bytes(payload);
        return (v != null && !FrameRules.onlyMasking(v)) || FrameRules.checkClosePayload(bytes, 0, bytes.length) != null;
    }

    /** Pairs a pong with the oldest unanswered ping carrying the same payload (RFC 6455 5.5.3). */
    private void pongReceived(byte[] payload, long monoNanos) {
        synchronized (pings) {
            int skip = 0;
            for (SentPing ping : pings) {
                skip++;
                if (Arrays.equals(ping.payload(), payload)) {
                    lastRoundTrip = monoNanos - ping.monoNanos();
                    for (int i = 0; i < skip; i++) {
                        pings.removeFirst();
                    }
                    return;
                }
            }
        }
    }

    private void closeFrame(Direction direction, ByteBuffer payload) {
        synchronized (closes) {
            if (firstClose == null) {
                firstClose = direction;
                firstCloseCode = payload.remaining() >= 2 ? payload.getShort(payload.position()) & 0xFFFF : 1005;
                if (payload.remaining() > 2) {
                    ByteBuffer reason = payload.duplicate();
                    reason.position(reason.position() + 2);
                    firstCloseReason = StandardCharsets.UTF_8.decode(reason).toString();
                }
            }
            if (direction == Direction.IN) {
                closeIn = true;
            } else {
                closeOut = true;
            }
        }
        if (state == ConnectionState.OPEN) {
            state = ConnectionState.CLOSING;
        }
    }

    @Override
    public void onProtocolError(InvalidDataException error, WireHeader offending) {
        failingWith(error.getCloseCode(), error.getMessage());
        fail(Failures.ofProtocolError(error, offending, options.maxFrameSize()));
    }

    @Override
    public void onViolation(ProtocolViolation violation, WireHeader offending, boolean failing) {
        if (failing) {
            failingWith(violation.closeCode(), violation.closeReason());
            fail(Failures.ofViolation(violation));
        } else {
            emit(new ConnectionEvent.Note(now(), store.size(), ConnectionEvent.Note.WARNING,
                    Failures.ofLenientViolation(violation)));
        }
    }

    private void failingWith(int code, String reason) {
        if (failedWithCode == 0) {
            failedWithReason = reason == null ? "" : reason;
            failedWithCode = code;
        }
    }

    // ---- library callbacks ----

    private void socketCreated(Socket created) {
        socket = created;
        if (created instanceof SSLSocket ssl) {
            ssl.addHandshakeCompletedListener(e -> tlsDone = true);
        }
        if (aborted) {
            closeQuietly(created);
        }
    }

    private void opened() {
        cancel(deadline);
        synchronized (events) {
            if (closed) {
                return;
            }
            opened = true;
            state = ConnectionState.OPEN;
            Handshake answer = response;
            emit(new ConnectionEvent.Opened(now(), store.size(), options.uri().toString(), answer));
        }
        if (!options.pingInterval().isZero() && !options.pingInterval().isNegative()) {
            KeepAlive k = new KeepAlive(store, options.pingInterval(), options.effectivePongTimeout(),
                    () -> store.clock().nanoTime(), new KeepAlive.Actions() {
                        @Override
                        public void ping() {
                            sendPing(new byte[0]);
                        }

                        @Override
                        public void lost() {
                            client.closeConnection(CloseFrame.ABNORMAL_CLOSE, PING_TIMEOUT_REASON);
                        }
                    });
            keepAlive = k;
            k.start(timers);
        }
    }

    private void libraryError(Exception error) {
        // Protocol errors arrive through TappingDraft with the offending frame; this is the same error again.
        if (error instanceof InvalidDataException || aborted) {
            return;
        }
        if (state == ConnectionState.CONNECTING) {
            fail(Failures.ofConnectError(error, host, port));
            connectErrorReported.countDown();
        }
    }

    private void libraryClosed(int code, String reason, boolean remote) {
        cancel(deadline);
        cancel(closeDeadline);
        boolean wasOpen;
        synchronized (events) {
            wasOpen = opened;
        }
        if (!wasOpen) {
            if (secure && !tlsDone && !aborted) {
                // A failed TLS handshake surfaces on the read and the write thread at once, and the library
                // may report the close before the thread holding the certificate error reports it.
                awaitQuietly(connectErrorReported, TLS_ERROR_GRACE_MILLIS);
            }
            Handshake answer = response;
            if (answer != null) {
                fail(Failures.ofRefusal(answer));
            } else if (!droppedByUser) {
                fail(new Failure(FailureKind.OTHER,
                        "Connection to " + host + ":" + port + " closed before the upgrade finished"));
            }
            finish(1006, "", false, false);
            return;
        }
        Direction first;
        int closeCode;
        String closeReason;
        boolean clean;
        synchronized (closes) {
            first = firstClose;
            closeCode = firstCloseCode;
            closeReason = firstCloseReason;
            clean = closeIn && closeOut;
        }
        int failedWith = failedWithCode;
        if (failedWith != 0) {
            // We failed the connection: report the close we sent, whatever the server sent before or after.
            boolean ours = first == Direction.OUT;
            finish(ours ? closeCode : failedWith, ours ? closeReason : failedWithReason, false, false);
            return;
        }
        if (first != null) {
            finish(closeCode, closeReason, first == Direction.IN, clean);
            return;
        }
        // No close frame either way: the connection was dropped, lost its pings, or we dropped it.
        if (!droppedByUser) {
            boolean pingTimeout = !remote && reason != null && reason.startsWith(PING_TIMEOUT_REASON);
            fail(Failures.ofConnectionLost(pingTimeout, options.effectivePongTimeout()));
        }
        finish(1006, "", !droppedByUser, false);
    }

    private void connectDeadlinePassed() {
        if (state != ConnectionState.CONNECTING) {
            return;
        }
        Handshake answer = response;
        if (answer != null && answer.statusCode() != 101) {
            fail(Failures.ofRefusal(answer)); // a refusal whose body never finished arriving
        } else {
            Socket s = socket;
            boolean tcp = s != null && s.isConnected();
            fail(Failures.ofDeadline(options.connectTimeout(), host, port, tcp, secure && !tlsDone));
        }
        abort();
    }

    private void closeReplyMissing() {
        if (state != ConnectionState.CLOSED) {
            client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "no close reply");
        }
    }

    /** Stops at once: closing the socket is the only way to interrupt a blocking connect or TLS handshake. */
    private void abort() {
        aborted = true;
        if (client == null) {
            return;
        }
        closeQuietly(socket);
        client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "");
    }

    // ---- events ----

    private void fail(Failure failure) {
        synchronized (events) {
            if (failed || closed) {
                return;
            }
            failed = true;
            emit(new ConnectionEvent.Failed(now(), store.size(), failure.kind(), failure.message(),
                    failure.handshake()));
        }
    }

    private void finish(int code, String reason, boolean remote, boolean clean) {
        synchronized (events) {
            if (closed) {
                return;
            }
            closed = true;
            state = ConnectionState.CLOSED;
            emit(new ConnectionEvent.Closed(now(), store.size(), code, reason, remote, clean));
        }
        KeepAlive k = keepAlive;
        if (k != null) {
            k.stop();
        }
        sender.shutdown();
    }

    private void emit(ConnectionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // A listener's bug must not break the transport thread that reported the event.
            org.slf4j.LoggerFactory.getLogger(JwsConnection.class).warn("Connection listener failed", e);
        }
    }

    private long now() {
        return store.clock().epochMicrosAt(store.clock().nanoTime());
    }

    // ---- helpers ----

    private static URI lowerCaseScheme(URI uri) {
        String scheme = uri.getScheme();
        String lower = scheme.toLowerCase(Locale.ROOT);
        return scheme.equals(lower) ? uri : URI.create(lower + uri.toString().substring(scheme.length()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Waits even on a thread already interrupted (the library interrupts its write thread while closing). */
    private static void awaitQuietly(CountDownLatch latch, long millis) {
        boolean interrupted = Thread.interrupted();
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed or never opened: nothing to release
            }
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The library's client, forwarding its callbacks; messages are not needed (frames are captured). */
    private final class Client extends WebSocketClient {

        Client(URI uri, TappingDraft draft, int connectTimeoutMillis) {
            super(uri, draft, null, connectTimeoutMillis);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened();
        }

        @Override
        public void onMessage(String message) {
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            libraryClosed(code, reason, remote);
        }

        @Override
        public void onError(Exception ex) {
            libraryError(ex);
        }

        /** The library answers every ping here; with auto-pong off the ping is only captured. */
        @Override
        public void onWebsocketPing(WebSocket conn, Framedata f) {
            if (autoPong) {
                super.onWebsocketPing(conn, f);
            }
        }

        @Override
        protected void onSetSSLParameters(SSLParameters parameters) {
            // 1.6.0 turns host-name checking on here; keep it unless the user chose insecure or pinned the
            // certificate (then the pin, not the name, identifies the server).
            parameters.setEndpointIdentificationAlgorithm(options.insecure() || options.tls().pinned() ? null : "HTTPS");
            if (!isIpLiteral(host)) {
                try {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException notAnSniName) {
                    // e.g. a name with '_': connect without SNI rather than fail
                }
            }
        }
    }
}
