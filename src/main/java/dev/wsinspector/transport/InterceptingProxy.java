package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.proxy.Breakpoints;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.proxy.ProxySettings;

import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The intercepting WebSocket proxy ({@link Interceptor}): a reverse proxy on a local port that opens, for each
 * client, its own connection to the upstream URL and moves frames between them as they are
 * ({@link ProxiedConnection}), both legs captured in {@code Session}s from the given {@link SessionRecorder}.
 * Breakpoints hold whole messages ({@link ProxyHold}) until the user forwards, edits or drops them.
 *
 * <p>permessage-deflate is negotiated end to end: the offer and the answer pass through (or are rewritten by
 * the header rules) and compressed frames are forwarded as they are, RSV1 set; for the capture (and the
 * breakpoints, and a held message's payload) they are inflated on the side ({@code ObservedDeflate}), following
 * each sender's context takeover. An edited or injected message goes uncompressed (RSV1 clear), which
 * permessage-deflate allows.
 */
public final class InterceptingProxy implements Interceptor {

    private final ProxySettings settings;
    private final SessionRecorder recorder;
    private final SSLContext tls;
    private final String tlsProblem;
    private final Breakpoints breakpoints = new Breakpoints();
    private final List<InterceptListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, ProxiedConnection> connections = new ConcurrentSkipListMap<>();
    private final Map<Long, ProxyHold> holds = new ConcurrentSkipListMap<>();
    private final AtomicInteger nextClient = new AtomicInteger(1);
    private final AtomicLong nextHold = new AtomicLong(1);
    /** Shared by every proxy: lingering closes only, so one daemon thread is plenty. */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wsi-proxy-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket server;
    private volatile URI address;

    public InterceptingProxy(ProxySettings settings, SessionRecorder recorder) {
        this.settings = settings;
        this.recorder = recorder;
        SSLContext context;
        String problem = null;
        if (TlsContexts.custom(settings.upstream())) {
            try {
                context = TlsContexts.create(settings.upstream());
            } catch (TlsContexts.SetupException e) {
                context = null;
                problem = e.getMessage();
            }
        } else {
            context = settings.upstream().insecure() ? Tls.trustAll() : Tls.verifiedDefault();
        }
        this.tls = context;
        this.tlsProblem = problem;
    }

    @Override
    public synchronized URI start() throws IOException {
        if (server != null) {
            return address;
        }
        if (tlsProblem != null) {
            throw new IOException(tlsProblem);
        }
        Failures.Failure bad = Failures.checkUrl(settings.upstream().uri());
        if (bad != null) {
            throw new IOException(bad.message());
        }
        ServerSocket s = new ServerSocket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 128);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        server = s;
        String h = settings.host().indexOf(':') >= 0 && !settings.host().startsWith("[")
                ? "[" + settings.host() + "]" : settings.host();
        address = URI.create("ws://" + h + ":" + s.getLocalPort() + "/");
        Thread acceptor = new Thread(() -> accept(s), "wsi-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return address;
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket socket;
            try {
                socket = s.accept();
            } catch (IOException e) {
                return; // closed by stop()
            }
            int id = nextClient.getAndIncrement();
            ProxiedConnection c;
            try {
                c = new ProxiedConnection(this, id, socket, recorder);
            } catch (RuntimeException e) {
                ProxyHandshake.closeQuietly(socket);
                fire(l -> l.warning("cannot record client " + id + ": " + Failures.oneLine(e)));
                continue;
            }
            connections.put(id, c);
            Thread t = new Thread(c::run, "wsi-proxy-" + id + "-from-client");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void stop() {
        ServerSocket s;
        synchronized (this) {
            s = server;
            server = null;
            address = null;
        }
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Long id : holds.keySet()) {
            drop(id); // so that the close frames behind them go out
        }
        List<ProxiedConnection> open = new ArrayList<>(connections.values());
        for (ProxiedConnection c : open) {
            if (c.isOpen()) {
                c.closeBoth(1001, "Proxy stopped");
            } else {
                c.teardown();
            }
        }
        for (ProxiedConnection c : open) {
            try {
                if (!c.await(2_000)) {
                    c.teardown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.teardown();
            }
        }
    }

    @Override
    public Optional<URI> address() {
        return Optional.ofNullable(address);
    }

    @Override
    public ProxySettings settings() {
        return settings;
    }

    @Override
    public void addListener(InterceptListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(InterceptListener listener) {
        listeners.remove(listener);
    }

    @Override
    public List<ProxiedClient> clients() {
        return connections.values().stream().map(ProxiedConnection::client).toList();
    }

    @Override
    public void forget(int client) {
        ProxiedConnection c = connections.get(client);
        if (c != null && c.isDone()) {
            connections.remove(client);
        }
    }

    @Override
    public void setBreakpoint(Flow flow, String expression) {
        breakpoints.set(flow, expression);
        if (expression == null || expression.isBlank()) {
            for (ProxyHold h : holds.values()) {
                if (h.flow == flow) {
                    forward(h.id);
                }
            }
        }
    }

    @Override
    public Optional<String> breakpoint(Flow flow) {
        return breakpoints.expression(flow);
    }

    @Override
    public List<HeldMessage> held() {
        return holds.values().stream().map(h -> h.message).toList();
    }

    @Override
    public boolean forward(long id) {
        return decide(id, ProxyHold.Decision.FORWARD, null);
    }

    @Override
    public boolean forwardEdited(long id, byte[] payload) {
        ProxyHold h = holds.get(id);
        if (h == null) {
            return false;
        }
        HeldMessage m = h.message;
        if (m.text() && !Utf8Validator.isValid(payload, 0, payload.length)) {
            throw new IllegalArgumentException("An edited text message must be UTF-8");
        }
        ProxyFrame edited = ProxyFrame.of(m.text() ? Opcode.TEXT : Opcode.BINARY, payload, h.flow == Flow.TO_SERVER, true);
        return decide(id, ProxyHold.Decision.EDIT, edited);
    }

    @Override
    public boolean drop(long id) {
        return decide(id, ProxyHold.Decision.DROP, null);
    }

    @Override
    public void forwardAll() {
        for (Long id : holds.keySet()) {
            forward(id);
        }
    }

    @Override
    public boolean inject(int client, Flow flow, boolean text, byte[] payload) {
        ProxiedConnection c = connections.get(client);
        if (c == null || !c.isOpen() || c.outbox(flow) == null) {
            return false;
        }
        if (text && !Utf8Validator.isValid(payload, 0, payload.length)) {
            throw new IllegalArgumentException("A text message must be UTF-8");
        }
        return c.outbox(flow).inject(ProxyFrame.of(text ? Opcode.TEXT : Opcode.BINARY, payload,
                flow == Flow.TO_SERVER, true));
    }

    private boolean decide(long id, ProxyHold.Decision decision, ProxyFrame edited) {
        ProxyHold h = holds.remove(id);
        if (h == null) {
            return false;
        }
        if (!h.connection.outbox(h.flow).decide(h, decision, edited)) {
            return false;
        }
        HeldMessage m = h.message;
        if (decision == ProxyHold.Decision.DROP) {
            fire(l -> l.dropped(m));
        } else {
            fire(l -> l.released(m, decision == ProxyHold.Decision.EDIT));
        }
        return true;
    }

    // ---- for ProxiedConnection ----

    SSLContext tls() {
        return tls;
    }

    Breakpoints breakpoints() {
        return breakpoints;
    }

    ScheduledExecutorService timers() {
        return TIMERS;
    }

    String addressText() {
        URI a = address;
        return a == null ? "ws://" + settings.host() + ":" + settings.port() + "/" : a.toString();
    }

    /** True when one more message may be held; else a warning says the match is forwarded. */
    boolean admitHold() {
        if (holds.size() < settings.maxHeld()) {
            return true;
        }
        fire(l -> l.warning("a message matched a breakpoint but " + settings.maxHeld()
                + " messages are held already: forwarded without waiting"));
        return false;
    }

    ProxyHold newHold(ProxiedConnection connection, Flow flow, ProxyFrame first) {
        return new ProxyHold(nextHold.getAndIncrement(), connection, flow, first);
    }

    /** The hold's last fragment is in: it is listed and reported, or forwarded when its breakpoint is gone. */
    void holdComplete(ProxyHold h) {
        ProxyOutbox box = h.connection.outbox(h.flow);
        box.completed(h);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        for (ProxyFrame f : h.frames) {
            ByteBuffer p = f.captured().duplicate();
            byte[] b = new byte[p.remaining()];
            p.get(b);
            payload.writeBytes(b);
        }
        ProxyFrame first = h.frames.get(0);
        var clock = h.connection.client().leg(h.flow.source()).frames().clock();
        h.message = new HeldMessage(h.id, h.connection.client().id(), h.flow, first.opcode() == Opcode.TEXT,
                payload.toByteArray(), first.sourceSeq(), h.frames.size(), clock.epochMicrosAt(clock.nanoTime()));
        if (!box.isWaiting(h)) {
            return; // forwarded unheld while it was still arriving (the queue limit)
        }
        if (breakpoints.expression(h.flow).isEmpty()) {
            box.decide(h, ProxyHold.Decision.FORWARD, null);
            return;
        }
        holds.put(h.id, h);
        if (box.isAborted()) {
            holdGone(h);
            return;
        }
        HeldMessage m = h.message;
        fire(l -> l.held(m));
    }

    /** A hold still filling forwarded because its outbox is full; false when it was decided already. */
    boolean forwardUnheld(ProxyHold h) {
        return h.connection.outbox(h.flow).decide(h, ProxyHold.Decision.FORWARD, null);
    }

    /** The connection ended with the hold still waiting: it is reported dropped. */
    void holdGone(ProxyHold h) {
        if (holds.remove(h.id) != null && h.message != null) {
            HeldMessage m = h.message;
            fire(l -> l.dropped(m));
        }
    }

    /** Bytes waiting in one direction of a client's connection (0 when unknown), for tests and a UI's gauge. */
    long queuedBytes(int client, Flow flow) {
        ProxiedConnection c = connections.get(client);
        ProxyOutbox box = c == null ? null : c.outbox(flow);
        return box == null ? 0 : box.queuedBytes();
    }

    void connectionDone(ProxiedConnection c) {
        // kept listed (with its captures) until forget()
    }

    void fire(Consumer<InterceptListener> event) {
        for (InterceptListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException ignored) {
                // a listener's failure is its own
            }
        }
    }
}
