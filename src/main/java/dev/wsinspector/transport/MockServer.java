package dev.wsinspector.transport;

import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.mock.MockAction;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockReply;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.scenario.Received;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;
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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rule-driven mock server: {@link MockEngine} decides, this class carries its {@link MockAction}s out on the wire,
 * built like {@link EchoServer} ({@link EchoServerGuard}'s limits and bounded outgoing queue per client,
 * {@link LingeringClose}, {@link ClientFrameRules} through {@link MockServerDraft}). Each client gets a number from 1
 * and a {@link MockCapture} (its frames both ways and, per received message, the rule that answered); faults the
 * library would not produce go out as crafted bytes ({@code core.frame.FrameSpec} through {@link CraftedWrite}, see {@link MockFrames}: masked frames,
 * fragments with pings between them, oversized frames, text that is not UTF-8) or through {@link MockGate}
 * (refusals with any status, stop reading, a TCP drop). Delays and timers run on one scheduler thread per server.
 *
 * <p>Binds 127.0.0.1 unless told; port 0 picks a free one; several servers run side by side. One instance runs
 * once.
 */
public final class MockServer implements MockServers.Running {

    private static final Logger LOG = LoggerFactory.getLogger(MockServer.class);
    private static final String STOP_REASON = "mock server stopped";
    private static final Duration LINGER = Duration.ofSeconds(2);
    private static final long FORCED_STOP_MILLIS = 2000;

    private final MockEngine engine;
    private final String host;
    private final int port;
    private final MockServers.Listener listener;
    private final IntFunction<Session> sessions;
    private final long maxQueuedBytes;
    private final ScheduledExecutorService scheduler;
    private final List<MockCapture> clients = new CopyOnWriteArrayList<>();
    private final Map<Integer, Link> open = new ConcurrentHashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<ScheduledFuture<?>> serverTimers = new CopyOnWriteArrayList<>();
    private Server server;
    private volatile boolean stopped;

    private MockServer(Builder b) {
        this.engine = b.engine;
        this.host = b.host;
        this.port = b.port >= 0 ? b.port : b.engine.profile().port();
        this.listener = b.listener;
        this.sessions = b.sessions;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mock-server-" + b.engine.profile().name());
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(MockEngine engine) {
        return new Builder(engine);
    }

    /** Binds and serves; returns the address clients connect to. */
    public URI start() throws IOException {
        Server s;
        synchronized (this) {
            if (server != null) {
                throw new IllegalStateException("a MockServer starts only once; build a new one");
            }
            s = new Server(new InetSocketAddress(InetAddress.getByName(host), port));
            server = s;
        }
        s.start();
        try {
            s.bound.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            close();
            throw new IOException("mock server cannot listen on " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            close();
            throw new IOException("mock server did not start within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted while starting the mock server");
        }
        startServerTimers();
        return uri();
    }

    @Override
    public URI uri() {
        Server s = server;
        if (s == null || !s.bound.isDone() || s.bound.isCompletedExceptionally()) {
            throw new IllegalStateException("mock server not started");
        }
        try {
            return new URI("ws", null, s.getAddress().getAddress().getHostAddress(), s.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<MockCapture> clients() {
        return List.copyOf(clients);
    }

    /** Closes every client with 1001 and releases the port; safe to call more than once. */
    @Override
    public void close() {
        Server s;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            s = server;
        }
        serverTimers.forEach(f -> f.cancel(false));
        scheduler.shutdownNow();
        if (s == null) {
            return;
        }
        try {
            s.stop(3000, STOP_REASON);
            for (WebSocket client : s.getConnections()) {
                client.closeConnection(CloseFrame.GOING_AWAY, STOP_REASON);
            }
            Thread selector = s.selectorThread;
            if (selector != null && selector.isAlive()) {
                selector.interrupt();
                selector.join(FORCED_STOP_MILLIS);
            }
            s.guard.closeAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (s.watchdog != null) {
                s.watchdog.close();
            }
            s.lingeringClose.close();
            s.guard.close();
        }
    }

    private void startServerTimers() {
        List<MockProfile.Timer> timers = engine.profile().timers();
        for (int i = 0; i < timers.size(); i++) {
            if (!engine.perClient(i)) {
                int index = i;
                long every = timers.get(i).everyMs();
                serverTimers.add(scheduler.scheduleAtFixedRate(() -> tick(index, null), every, every,
                        TimeUnit.MILLISECONDS));
            }
        }
    }

    private void tick(int timer, Link link) {
        try {
            if (link == null) {
                Link any = open.values().stream().findFirst().orElse(null);
                if (any != null) {
                    carryOut(any, engine.onTimer(timer, 0));
                }
            } else {
                carryOut(link, engine.onTimer(timer, link.capture.client()));
            }
        } catch (RuntimeException e) {
            LOG.warn("mock server timer failed", e);
        }
    }

    // ---- carrying out actions ----

    private void carryOut(Link link, List<MockAction> actions) {
        for (MockAction a : actions) {
            if (a.delayMs() <= 0) {
                execute(link, a);
            } else if (!stopped) {
                try {
                    scheduler.schedule(() -> execute(link, a), a.delayMs(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    return; // stopping
                }
            }
        }
    }

    private void execute(Link link, MockAction action) {
        try {
            if (action instanceof MockAction.Send send) {
                for (Link target : targets(link, send.to())) {
                    send(target, send);
                }
            } else if (action instanceof MockAction.Close close) {
                link.conn.close(close.code(), close.reason());
            } else if (action instanceof MockAction.DropTcp) {
                link.gate.drop();
                // The selector no longer sees a closed channel: tell the library, which writes nothing now.
                link.conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "TCP connection dropped (fault)");
            } else if (action instanceof MockAction.StopReading stop) {
                link.gate.pause(stop.millis());
                scheduler.schedule(link.gate::resume, stop.millis(), TimeUnit.MILLISECONDS);
            } else if (action instanceof MockAction.Notice notice) {
                warn("client " + link.capture.client() + ": " + notice.message());
            }
        } catch (WebsocketNotConnectedException | java.util.concurrent.RejectedExecutionException e) {
            // the client closed (or the server stops) while the action waited
        } catch (RuntimeException e) {
            LOG.warn("mock server action failed", e);
        }
    }

    private List<Link> targets(Link from, MockReply.Target to) {
        return switch (to) {
            case SENDER -> List.of(from);
            case ALL -> new ArrayList<>(open.values());
            case OTHERS -> open.values().stream().filter(l -> l != from).toList();
        };
    }

    private void send(Link to, MockAction.Send send) {
        if (!to.conn.isOpen() || !server.guard.mayQueue(to.conn)) {
            return;
        }
        if (send.plain()) {
            if (!send.text()) {
                to.conn.send(send.payload());
                return;
            }
            String text = MockFrames.utf8(send.payload());
            if (text != null) {
                to.conn.send(text);
                return;
            }
        }
        to.conn.sendFrame(new CraftedWrite(MockFrames.crafted(send)));
    }

    private void warn(String message) {
        LOG.info("mock server: {}", message);
        try {
            listener.onWarning(message);
        } catch (RuntimeException e) {
            LOG.warn("mock server listener failed", e);
        }
    }

    /** One open client: its connection, gate, draft, capture and per-client timers. */
    private static final class Link {
        final WebSocketImpl conn;
        final MockGate gate;
        final MockServerDraft draft;
        final MockCapture capture;
        final List<ScheduledFuture<?>> timers = new ArrayList<>();

        Link(WebSocketImpl conn, MockGate gate, MockServerDraft draft, MockCapture capture) {
            this.conn = conn;
            this.gate = gate;
            this.draft = draft;
            this.capture = capture;
        }
    }

    /** The library's server, private so callers see only the mock's API. */
    private final class Server extends WebSocketServer {

        final CompletableFuture<Void> bound = new CompletableFuture<>();
        volatile Thread selectorThread;
        volatile EchoServerWriteWatchdog watchdog;
        final LingeringClose lingeringClose = new LingeringClose(LINGER);
        final EchoServerGuard guard = new EchoServerGuard(new EchoServerGuard.Limits(maxQueuedBytes,
                EchoServer.DEFAULT_HANDSHAKE_TIMEOUT, EchoServer.DEFAULT_MAX_HEADER_BYTES,
                EchoServer.DEFAULT_MAX_CONNECTIONS, LINGER), MockServer.this::warn);
        final Map<WebSocket, MockGate> gates = new ConcurrentHashMap<>();

        Server(InetSocketAddress address) {
            super(address, List.of(new MockServerDraft(engine, EchoServer.DEFAULT_MAX_MESSAGE_SIZE)));
            setReuseAddr(true);
            setTcpNoDelay(true);
            setDaemon(true);
            setConnectionLostTimeout(0);
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
                    MockGate gate = new MockGate(channel, key, lingeringClose.wrap(channel));
                    if (key.attachment() instanceof WebSocket conn) {
                        gates.put(conn, gate);
                    }
                    return guard.admit(channel, key, gate);
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
            if (stopped) {
                throw new InvalidDataException(CloseFrame.GOING_AWAY, STOP_REASON);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (Iterator<String> it = request.iterateHttpFields(); it.hasNext(); ) {
                String name = it.next();
                headers.put(name, request.getFieldValue(name));
            }
            List<String> offered = new ArrayList<>();
            String protocols = request.getFieldValue("Sec-WebSocket-Protocol");
            for (String p : protocols == null ? new String[0] : protocols.split(",")) {
                if (!p.isBlank()) {
                    offered.add(p.trim());
                }
            }
            MockEngine.Upgrade upgrade = engine.onUpgrade(headers, offered);
            if (upgrade.refused()) {
                MockGate gate = gates.remove(conn);
                if (gate != null) {
                    gate.refuse(upgrade.refuseStatus());
                    try {
                        scheduler.schedule(gate::drop, LINGER.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.RejectedExecutionException stopping) {
                        gate.drop();
                    }
                }
                String remote = String.valueOf(conn.getRemoteSocketAddress());
                try {
                    listener.onRefused(remote, upgrade.refuseStatus(), "upgrade refused by the profile");
                } catch (RuntimeException e) {
                    LOG.warn("mock server listener failed", e);
                }
                throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "upgrade refused with "
                        + upgrade.refuseStatus());
            }
            return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        }

        @Override
        public void onStart() {
            selectorThread = Thread.currentThread();
            watchdog = EchoServerWriteWatchdog.watch(this);
            bound.complete(null);
        }

        @Override
        public void onOpen(WebSocket ws, ClientHandshake handshake) {
            WebSocketImpl conn = (WebSocketImpl) ws;
            MockGate gate = gates.remove(ws);
            MockServerDraft draft = (MockServerDraft) conn.getDraft();
            int number = numbers.incrementAndGet();
            Session session = sessions.apply(number);
            MockCapture capture = new MockCapture(number, remote(ws), session);
            draft.attach(capture);
            Link link = new Link(conn, gate, draft, capture);
            conn.setAttachment(link);
            List<HttpHeader> request = new ArrayList<>();
            for (Iterator<String> it = handshake.iterateHttpFields(); it.hasNext(); ) {
                String name = it.next();
                request.add(new HttpHeader(name, handshake.getFieldValue(name)));
            }
            List<HttpHeader> response = new ArrayList<>();
            String chosen = draft.getProtocol() == null ? "" : draft.getProtocol().getProvidedProtocol();
            if (!chosen.isEmpty()) {
                response.add(new HttpHeader("Sec-WebSocket-Protocol", chosen));
            }
            long now = session.frames().clock().epochMicrosAt(session.frames().clock().nanoTime());
            session.onEvent(new ConnectionEvent.Opened(now, session.frames().size(),
                    "ws://" + host + ":" + server.getPort() + handshake.getResourceDescriptor(),
                    new Handshake("GET " + handshake.getResourceDescriptor() + " HTTP/1.1", request, 101,
                            "HTTP/1.1 101 Switching Protocols", response, new byte[0])));
            clients.add(capture);
            open.put(number, link);
            try {
                listener.onClient(capture);
            } catch (RuntimeException e) {
                LOG.warn("mock server listener failed", e);
            }
            carryOut(link, engine.onOpen(number));
            List<MockProfile.Timer> timers = engine.profile().timers();
            for (int i = 0; i < timers.size(); i++) {
                if (engine.perClient(i)) {
                    int index = i;
                    long every = timers.get(i).everyMs();
                    synchronized (link.timers) {
                        link.timers.add(scheduler.scheduleAtFixedRate(() -> tick(index, link), every, every,
                                TimeUnit.MILLISECONDS));
                    }
                }
            }
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            gates.remove(ws);
            if (!(ws.getAttachment() instanceof Link link)) {
                return;
            }
            synchronized (link.timers) {
                link.timers.forEach(f -> f.cancel(false));
            }
            open.remove(link.capture.client());
            engine.onClose(link.capture.client());
            Session session = link.capture.session();
            long now = session.frames().clock().epochMicrosAt(session.frames().clock().nanoTime());
            String why = reason == null ? "" : reason;
            session.onEvent(new ConnectionEvent.Closed(now, session.frames().size(), code, why, remote,
                    code != CloseFrame.ABNORMAL_CLOSE));
            try {
                listener.onClientClosed(link.capture, code, why);
            } catch (RuntimeException e) {
                LOG.warn("mock server listener failed", e);
            }
        }

        @Override
        public void onMessage(WebSocket ws, String message) {
            received(ws, false, message.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onMessage(WebSocket ws, ByteBuffer message) {
            byte[] payload = new byte[message.remaining()];
            message.duplicate().get(payload);
            received(ws, true, payload);
        }

        private void received(WebSocket ws, boolean binary, byte[] payload) {
            if (!(ws.getAttachment() instanceof Link link)) {
                return;
            }
            long first = link.draft.messageStart();
            MockEngine.Decision d;
            try {
                d = engine.onMessage(link.capture.client(), new Received(first, first, binary, payload, 0),
                        (filter, seq) -> seq >= 0 && filter.frames(link.capture.frames()).test(seq));
            } catch (RuntimeException e) {
                // A rule that cannot be evaluated must not take the connection (or the worker) down.
                link.capture.recordRule(first, 0);
                warn("client " + link.capture.client() + ": message not answered: " + e);
                return;
            }
            link.capture.recordRule(first, d.rule());
            carryOut(link, d.actions());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null && !bound.isDone()) {
                bound.completeExceptionally(ex);
                return;
            }
            String where = conn == null ? "server" : remote(conn);
            if (ex instanceof ClientViolationException broken) {
                warn("client " + where + " closed with " + broken.getCloseCode() + ": " + broken.violation().describe());
            } else if (ex instanceof InvalidDataException invalid) {
                warn("client " + where + " closed with " + invalid.getCloseCode() + ": " + invalid.getMessage());
            } else {
                warn(where + ": " + ex);
            }
        }

        private String remote(WebSocket ws) {
            InetSocketAddress a = ws.getRemoteSocketAddress();
            return a == null ? "?" : a.getAddress().getHostAddress() + ":" + a.getPort();
        }
    }

    /** Settings of a {@link MockServer}; only the engine is required. */
    public static final class Builder {
        private final MockEngine engine;
        private String host = EchoServer.DEFAULT_HOST;
        private int port = -1;
        private MockServers.Listener listener = MockServers.Listener.NONE;
        private IntFunction<Session> sessions = n -> new Session(new SegmentedFrameStore());
        private long maxQueuedBytes = EchoServer.DEFAULT_MAX_QUEUED_BYTES;

        private Builder(MockEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /** The interface to bind; default 127.0.0.1. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The port to bind, overriding the profile's; 0 picks a free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + value);
            }
            this.port = value;
            return this;
        }

        public Builder listener(MockServers.Listener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** Where client N's frames go (default an in-memory session; the GUI may journal them). */
        public Builder sessions(IntFunction<Session> value) {
            this.sessions = Objects.requireNonNull(value, "sessions");
            return this;
        }

        /** Bytes that may wait to be sent to one client (default 16 MiB), then it is closed with 1008. */
        public Builder maxQueuedBytes(long value) {
            this.maxQueuedBytes = value;
            return this;
        }

        public MockServer build() {
            return new MockServer(this);
        }
    }
}
