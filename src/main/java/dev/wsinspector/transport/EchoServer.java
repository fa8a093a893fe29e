package dev.wsinspector.transport;

import dev.wsinspector.transport.deflate.PermessageDeflate;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local WebSocket echo server: sends every text and binary message back to its sender as received
 * (a fragmented message comes back as one message), answers pings with the same payload, accepts
 * permessage-deflate and whatever subprotocol the client offers first, and serves many clients at once.
 *
 * <p>One client cannot knock it over ({@link EchoServerGuard}): what waits to be sent to a client is limited
 * ({@link Builder#maxQueuedBytes}, then that client is closed with 1008), an upgrade must come within
 * {@link Builder#handshakeTimeout} with a head of at most {@link Builder#maxHeaderBytes} (else 431), at most
 * {@link Builder#maxConnections} are open at once (then 503), and a client that breaks an RFC 6455 rule (an
 * unmasked frame, a reserved opcode or RSV bit, a bad control or close frame, broken fragmentation, text that is not
 * UTF-8: the client's own {@code core.frame.FrameRules}, through {@link ClientFrameRules}) is closed with the rule's
 * code, 1002 or 1007. Each limit or rule that bites is reported through {@link Listener#onWarning}, in one line
 * naming the rule and its RFC section.
 *
 * <p>It binds exactly the host it is given (127.0.0.1 unless told otherwise); port 0 picks a free port.
 * {@link #start()} returns once the socket is bound, {@link #stop()} ends within a bounded time and may be
 * called any number of times. One instance runs once: after {@code stop()}, build a new one.
 *
 * <pre>{@code
 * try (EchoServer server = EchoServer.builder().build()) {
 *     URI uri = server.start();   // ws://127.0.0.1:PORT/
 *     ...
 * }
 * }</pre>
 */
public final class EchoServer implements AutoCloseable {

    /**
     * Observes the server, e.g. for a log panel. Called on the server's threads: return quickly, and do
     * not touch UI objects from here. Exceptions thrown by a listener are logged and otherwise ignored.
     */
    public interface Listener {
        default void onClientConnected(InetSocketAddress remote) {
        }

        default void onClientDisconnected(InetSocketAddress remote, int code, String reason) {
        }

        /** A message that was just echoed; {@code payload} is the client's (decompressed) data. */
        default void onMessage(InetSocketAddress remote, boolean text, byte[] payload) {
        }

        default void onError(String message) {
        }

        /** A limit protected the server: a client closed or refused, in one line for a log. */
        default void onWarning(String message) {
        }
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_MESSAGE_SIZE = PermessageDeflate.DEFAULT_MAX_MESSAGE_SIZE;
    /** Bytes that may wait to be sent to one client; a client that reads slower is closed with 1008. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Largest upgrade request head (request line and headers); bigger ones get 431. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 << 10;
    /** Connections open at once; more are answered 503. */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    private static final Logger LOG = LoggerFactory.getLogger(EchoServer.class);
    private static final Listener NO_LISTENER = new Listener() {
    };
    private static final String STOP_REASON = "echo server stopped";
    /** How long stop() lets upgrades that are under way complete before it closes everyone. */
    private static final long HANDSHAKE_DRAIN_MILLIS = 1000;
    /** Wait for the selector thread to release the port once it has been interrupted. */
    private static final long FORCED_STOP_MILLIS = 2000;
    /** How long a closed connection may keep sending before its socket is closed anyway (LingeringClose). */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final Builder config;
    private Server server;
    private boolean stopped;

    public EchoServer() {
        this(builder());
    }

    private EchoServer(Builder builder) {
        this.config = builder.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds and starts serving; blocks until the socket is bound (at most the start timeout).
     *
     * @return the address clients connect to, e.g. {@code ws://127.0.0.1:43817/}
     * @throws IOException           the host does not resolve, the port is taken, or binding timed out
     * @throws IllegalStateException when called a second time
     */
    public URI start() throws IOException {
        Server s;
        synchronized (this) {
            if (server != null || stopped) {
                throw new IllegalStateException("an EchoServer starts only once; build a new one");
            }
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(config.host), config.port);
            s = new Server(address, List.of(createDraft()));
            server = s;
        }
        s.start();
        try {
            s.bound.get(config.startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            stop();
            Throwable cause = e.getCause();
            throw new IOException("echo server cannot listen on " + config.host + ":" + config.port + ": "
                    + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            stop();
            throw new IOException("echo server did not start within " + config.startTimeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new InterruptedIOException("interrupted while starting the echo server");
        }
        return uri();
    }

    private Draft createDraft() {
        List<IExtension> extensions = List.of();
        if (config.deflate) {
            PermessageDeflate.Settings settings = config.deflateSettings != null ? config.deflateSettings
                    : PermessageDeflate.Settings.DEFAULTS.withMaxMessageSize(config.maxMessageSize);
            extensions = List.of(new PermessageDeflate(settings));
        }
        return new EchoServerDraft(extensions, config.maxMessageSize);
    }

    /** The URI clients connect to; only once {@link #start()} returned. */
    public URI uri() {
        InetSocketAddress address = address();
        try {
            return new URI("ws", null, address.getAddress().getHostAddress(), address.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot form a URI for " + address, e);
        }
    }

    /** The bound address with the actual port; only once {@link #start()} returned. */
    public InetSocketAddress address() {
        Server s = startedServer();
        return new InetSocketAddress(s.getAddress().getAddress(), s.getPort());
    }

    /** Clients with an open connection right now. */
    public int clientCount() {
        Server s;
        synchronized (this) {
            s = server;
        }
        return s == null ? 0 : s.getConnections().size();
    }

    public synchronized boolean isRunning() {
        return server != null && !stopped && server.bound.isDone() && !server.bound.isCompletedExceptionally();
    }

    /**
     * Closes every client with 1001 (going away), then releases the port. Waits at most the stop timeout
     * for clients to answer the close handshake, then drops the ones left. Safe to call more than once.
     */
    public void stop() {
        Server s;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            s = server;
        }
        if (s == null) {
            return;
        }
        try {
            // Connections whose handshake is under way are not yet known to the library's stop(), which
            // would strand them; let them open first (new ones are refused from now on).
            s.finishHandshakesInFlight(Math.min(HANDSHAKE_DRAIN_MILLIS, config.stopTimeout.toMillis()));
            // Sends 1001 to every client and waits for the library's selector loop to end. That loop also
            // ends on its own after ~25 ms without traffic, possibly before it has read the clients'
            // replies, and it never closes client sockets itself.
            s.stop((int) Math.min(Integer.MAX_VALUE, config.stopTimeout.toMillis()), STOP_REASON);
            // So drop whoever is left: they already have our close frame, and closing the TCP connection
            // is the server's part of the close handshake anyway (RFC 6455 §7.1.1).
            for (WebSocket client : s.getConnections()) {
                client.closeConnection(CloseFrame.GOING_AWAY, STOP_REASON);
            }
            Thread selector = s.selectorThread;
            if (selector != null && selector.isAlive()) {
                selector.interrupt(); // the library's loop exits on interrupt and closes the listening socket
                selector.join(FORCED_STOP_MILLIS);
            }
            s.closeRemainingChannels(); // e.g. clients that connected but never sent an upgrade request
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            s.stopWatchdog(); // only now: it also gets the 1001 close frames above out
            s.lingeringClose.close();
            s.guard.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized Server startedServer() {
        if (server == null || !server.bound.isDone() || server.bound.isCompletedExceptionally()) {
            throw new IllegalStateException("echo server not started");
        }
        return server;
    }

    @Override
    public String toString() {
        return "EchoServer[" + (isRunning() ? uri() : config.host + ":" + config.port + ", not running") + "]";
    }

    /** The library's server, kept private so callers see only the echo server's small API. */
    private final class Server extends WebSocketServer {

        final CompletableFuture<Void> bound = new CompletableFuture<>();
        volatile Thread selectorThread;
        /** Re-sends write wake-ups the library loses (see {@link EchoServerWriteWatchdog}). */
        private volatile EchoServerWriteWatchdog watchdog;
        /** Closes connections without resetting clients that are still sending (see {@link LingeringClose}). */
        final LingeringClose lingeringClose = new LingeringClose(LINGER);
        /** Every accepted TCP connection, with its limits; the library closes none of them when it stops. */
        final EchoServerGuard guard = new EchoServerGuard(new EchoServerGuard.Limits(config.maxQueuedBytes,
                config.handshakeTimeout, config.maxHeaderBytes, config.maxConnections, LINGER), this::warn);
        /** Connections between the upgrade request and onOpen. */
        private final Set<WebSocket> handshaking = ConcurrentHashMap.newKeySet();
        private boolean refusing; // guarded by handshaking

        Server(InetSocketAddress address, List<Draft> drafts) {
            super(address, drafts);
            setReuseAddr(true);             // a restarted server can take its fixed port back at once
            setTcpNoDelay(true);            // echoes are small and interactive
            setDaemon(true);                // never keep the application alive on its own
            setConnectionLostTimeout(config.connectionLostTimeoutSeconds);
            setWebSocketFactory(new WebSocketServerFactory() {
                private final DefaultWebSocketServerFactory sockets = new DefaultWebSocketServerFactory();

                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
                    return sockets.createWebSocket(adapter, draft);
                }

                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
                    return sockets.createWebSocket(adapter, drafts);
                }

                @Override
                public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) {
                    return guard.admit(channel, key, lingeringClose.wrap(channel));
                }

                @Override
                public void close() {
                    sockets.close();
                }
            });
        }

        @Override
        public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                ClientHandshake request) throws InvalidDataException {
            synchronized (handshaking) {
                if (refusing) {
                    throw new InvalidDataException(CloseFrame.GOING_AWAY, STOP_REASON);
                }
                handshaking.add(conn);
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        void finishHandshakesInFlight(long maxMillis) throws InterruptedException {
            synchronized (handshaking) {
                refusing = true;
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
            while (!handshaking.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        }

        void closeRemainingChannels() {
            guard.closeAll();
        }

        @Override
        public void onStart() {
            selectorThread = Thread.currentThread(); // onStart runs on the selector thread
            watchdog = EchoServerWriteWatchdog.watch(this);
            bound.complete(null);
        }

        void stopWatchdog() {
            EchoServerWriteWatchdog w = watchdog;
            if (w != null) {
                w.close();
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            handshaking.remove(conn);
            notify(l -> l.onClientConnected(conn.getRemoteSocketAddress()));
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            handshaking.remove(conn);
            String why = reason == null ? "" : reason;
            notify(l -> l.onClientDisconnected(conn.getRemoteSocketAddress(), code, why));
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            echo(conn, () -> conn.send(message));
            if (config.listener != NO_LISTENER) {
                byte[] payload = message.getBytes(StandardCharsets.UTF_8);
                notify(l -> l.onMessage(conn.getRemoteSocketAddress(), true, payload));
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            byte[] payload = new byte[message.remaining()];
            message.duplicate().get(payload);
            echo(conn, () -> conn.send(message));
            notify(l -> l.onMessage(conn.getRemoteSocketAddress(), false, payload));
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata ping) {
            if (guard.mayQueue(conn)) { // a ping flood from a client that does not read is no different
                super.onWebsocketPing(conn, ping);
            }
        }

        private void echo(WebSocket conn, Runnable send) {
            if (!guard.mayQueue(conn)) {
                return; // being closed: it does not read what it gets
            }
            try {
                send.run();
            } catch (WebsocketNotConnectedException e) {
                // the client closed while its message was being handled: nothing to echo to
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && !bound.isDone()) {
                bound.completeExceptionally(ex); // bind failed; start() reports it
                return;
            }
            String where = conn == null ? "server" : String.valueOf(conn.getRemoteSocketAddress());
            if (ex instanceof ClientViolationException broken) {
                // The library closes the client with the rule's code; others are not affected.
                warn("client " + where + " closed with " + broken.getCloseCode() + ": "
                        + broken.violation().describe());
                return;
            }
            if (ex instanceof InvalidDataException invalid) {
                // The library found something itself (e.g. a message over the size limit) and closes with this code.
                warn("client " + where + " closed with " + invalid.getCloseCode() + ": " + invalid.getMessage());
                return;
            }
            notify(l -> l.onError(where + ": " + ex));
        }

        private void warn(String message) {
            LOG.info("echo server: {}", message);
            notify(l -> l.onWarning(message));
        }

        private void notify(Consumer<Listener> call) {
            try {
                call.accept(config.listener);
            } catch (RuntimeException e) {
                LOG.warn("echo server listener failed", e);
            }
        }
    }

    /** Settings for an {@link EchoServer}; every setting has a sensible default. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port;
        private boolean deflate = true;
        private PermessageDeflate.Settings deflateSettings; // null: defaults with maxMessageSize
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private int connectionLostTimeoutSeconds = 60;
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Duration startTimeout = Duration.ofSeconds(10);
        private Duration stopTimeout = Duration.ofSeconds(3);
        private Listener listener = NO_LISTENER;

        private Builder() {
        }

        /** The interface to bind, as a name or address literal; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port to bind; 0 (default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** Accept permessage-deflate (default on); inflated messages are limited to maxMessageSize. */
        public Builder deflate(boolean enabled) {
            this.deflate = enabled;
            return this;
        }

        /** Accept permessage-deflate with exactly these settings (e.g. to impose no context takeover). */
        public Builder deflate(PermessageDeflate.Settings settings) {
            this.deflate = true;
            this.deflateSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Largest frame or reassembled message accepted (close 1009 beyond); default 64 MiB. */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxMessageSize must be positive");
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** Seconds between keep-alive pings to find dead clients; 0 turns them off; default 60. */
        public Builder connectionLostTimeout(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("connectionLostTimeout must be >= 0");
            }
            this.connectionLostTimeoutSeconds = seconds;
            return this;
        }

        /**
         * Bytes that may wait to be sent to one client (default 16 MiB). When more wait, the client is not read
         * any more and is closed with 1008 (policy violation); a message is echoed whole, so one client costs
         * at most this plus one message.
         */
        public Builder maxQueuedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxQueuedBytes must be positive");
            }
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** How long a connection may take to send its complete upgrade request (default 10 s), then it is closed. */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = requirePositive(timeout);
            return this;
        }

        /** Largest upgrade request head, request line and headers (default 16 KiB); bigger ones get 431. */
        public Builder maxHeaderBytes(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxHeaderBytes must be at least 64");
            }
            this.maxHeaderBytes = bytes;
            return this;
        }

        /** Connections open at once, upgraded or not (default 256); more are answered 503. */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            this.maxConnections = connections;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = requirePositive(timeout);
            return this;
        }

        /** How long {@link EchoServer#stop()} waits for clients to answer the close handshake. */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = requirePositive(timeout);
            return this;
        }

        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public EchoServer build() {
            return new EchoServer(this);
        }

        private static Duration requirePositive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            return d;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.host = host;
            b.port = port;
            b.deflate = deflate;
            b.deflateSettings = deflateSettings;
            b.maxMessageSize = maxMessageSize;
            b.connectionLostTimeoutSeconds = connectionLostTimeoutSeconds;
            b.maxQueuedBytes = maxQueuedBytes;
            b.handshakeTimeout = handshakeTimeout;
            b.maxHeaderBytes = maxHeaderBytes;
            b.maxConnections = maxConnections;
            b.startTimeout = startTimeout;
            b.stopTimeout = stopTimeout;
            b.listener = listener;
            return b;
        }
    }
}
