package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.proxy.Breakpoints;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.LegPairs;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.transport.deflate.ObservedDeflate;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One client connection through an {@link InterceptingProxy}: the upgrade passed on (through
 * {@link ProxyHandshake}), then one reader thread per direction (the accepting thread reads the client) that
 * captures each frame on its source leg and puts it in the direction's {@link ProxyOutbox}, whose writer thread
 * writes the exact bytes to the other side and captures them there. Frames are passed through as they are,
 * fragments, control frames, RSV bits and compressed payloads included: the proxy validates nothing, so a
 * peer's mistakes reach the other peer as made.
 */
final class ProxiedConnection {

    /** How long a connection with one direction finished waits for the other before it is closed. */
    static final long LINGER_MILLIS = 5_000;

    private final InterceptingProxy proxy;
    private final Socket clientSocket;
    private final ProxiedClient client;
    private final SessionRecorder.Recorded clientRecording;
    private final SessionRecorder.Recorded serverRecording;
    private final Map<Flow, ProxyOutbox> outboxes = new EnumMap<>(Flow.class);
    /** The hold each direction's reader is still filling (a fragmented message), by {@link Flow#ordinal()}. */
    private final AtomicReferenceArray<ProxyHold> filling = new AtomicReferenceArray<>(Flow.values().length);
    private final Map<Leg, int[]> closeCodes = new EnumMap<>(Leg.class);
    private final Map<Leg, String> closeReasons = new EnumMap<>(Leg.class);
    private final Map<Leg, Integer> closesSeen = new EnumMap<>(Leg.class);
    private final AtomicBoolean finishedOne = new AtomicBoolean();
    private final AtomicBoolean tornDown = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean open;
    /** The permessage-deflate the client was told of (the 101's extensions as passed on), null before. */
    private volatile String acceptedExtensions;

    ProxiedConnection(InterceptingProxy proxy, int id, Socket clientSocket, SessionRecorder recorder) {
        this.proxy = proxy;
        this.clientSocket = clientSocket;
        String remote = String.valueOf(clientSocket.getRemoteSocketAddress()).replaceFirst("^/", "");
        String url = proxy.settings().upstream().uri().toString();
        this.clientRecording = recorder.start("proxy client " + id, proxy.addressText());
        this.serverRecording = recorder.start("proxy client " + id + " upstream", url);
        this.client = new ProxiedClient(id, remote, clientRecording.session(), serverRecording.session(), new LegPairs());
    }

    ProxiedClient client() {
        return client;
    }

    boolean isOpen() {
        return open;
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Runs the connection on the calling thread until the client stops sending. */
    void run() {
        try {
            clientIn = new BufferedInputStream(clientSocket.getInputStream(), 64 * 1024);
            upgrade = new ProxyUpgrade(proxy, clientSocket, clientIn, client);
            ProxyUpgrade.Upgraded up = upgrade.run();
            if (up == null) {
                teardown();
                return;
            }
            relay(up);
            pump(Flow.TO_SERVER, clientIn);
        } catch (IOException e) {
            // the client went away during the upgrade: nothing to pass on
            teardown();
        } catch (RuntimeException e) {
            proxy.fire(l -> l.warning("client " + client.id() + ": " + Failures.oneLine(e)));
            teardown();
        }
    }

    private InputStream clientIn;
    private volatile ProxyUpgrade upgrade;

    // ---- after the upgrade ----

    /** Both legs are open: the outboxes and the server's reader start (the client's is the calling thread). */
    private void relay(ProxyUpgrade.Upgraded up) throws IOException {
        acceptedExtensions = up.acceptedExtensions();
        for (Flow flow : Flow.values()) {
            Socket to = flow == Flow.TO_SERVER ? up.upstream() : clientSocket;
            ProxyOutbox box = new ProxyOutbox(new Writer(flow, to), proxy.settings().maxQueuedBytes(),
                    () -> releaseFilling(flow));
            outboxes.put(flow, box);
        }
        open = true;
        proxy.fire(l -> l.legOpened(client, Leg.SERVER));
        proxy.fire(l -> l.legOpened(client, Leg.CLIENT));
        int id = client.id();
        outboxes.get(Flow.TO_SERVER).start("wsi-proxy-" + id + "-to-server");
        outboxes.get(Flow.TO_CLIENT).start("wsi-proxy-" + id + "-to-client");
        Thread serverReader = new Thread(() -> pump(Flow.TO_CLIENT, up.upstreamIn()), "wsi-proxy-" + id + "-from-server");
        serverReader.setDaemon(true);
        serverReader.start();
    }

    // ---- frames ----

    private void pump(Flow flow, InputStream in) {
        ProxyOutbox out = outboxes.get(flow);
        ObservedDeflate deflate = ObservedDeflate.of(acceptedExtensions, flow == Flow.TO_SERVER,
                proxy.settings().upstream().maxFrameSize());
        boolean compressedMessage = false;
        FrameStore source = client.leg(flow.source()).frames();
        Breakpoints.Matcher matcher = proxy.breakpoints().matcher(flow, source);
        long maxFrame = proxy.settings().upstream().maxFrameSize();
        try {
            while (out.awaitRoom()) {
                ProxyFrame read = ProxyFrame.read(in, maxFrame);
                if (read == null) {
                    break;
                }
                if (!read.opcode().isControl()) {
                    if (read.opcode() != Opcode.CONTINUATION) {
                        compressedMessage = deflate != null && read.header().rsv1();
                    }
                    ByteBuffer plain = compressedMessage ? deflate.inflate(read.payload(), read.header().fin()) : null;
                    if (plain != null) {
                        read = read.withInflated(plain);
                    }
                }
                long seq = source.append(Direction.IN, read.header(), read.inflated(), source.clock().nanoTime(),
                        read.captured());
                ProxyFrame f = read.withSourceSeq(seq);
                if (f.opcode() == Opcode.CLOSE) {
                    noteClose(flow.source(), f);
                }
                ProxyHold hold = filling.get(flow.ordinal());
                if (f.opcode().isControl()) {
                    out.put(f);
                } else if (hold != null) {
                    out.addToHold(hold, f);
                    if (f.header().fin()) {
                        filling.set(flow.ordinal(), null);
                        proxy.holdComplete(hold);
                    }
                } else if (f.opcode() != Opcode.CONTINUATION && matcher.holds(seq) && proxy.admitHold()) {
                    hold = proxy.newHold(this, flow, f);
                    out.putHold(hold, f);
                    if (f.header().fin()) {
                        proxy.holdComplete(hold);
                    } else {
                        filling.set(flow.ordinal(), hold);
                    }
                } else {
                    out.put(f);
                }
            }
        } catch (ProxyFrame.TooBig e) {
            proxy.fire(l -> l.warning("client " + client.id() + ": the " + flow.source().jsonName() + " sent a frame of "
                    + e.length + " bytes, over the limit of " + maxFrame + "; closing both sides with 1009"));
            closeBoth(1009, "Message too big");
        } catch (IOException e) {
            // the peer went away: treated as the end of its stream
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.end();
        }
    }

    /** The outbox of {@code flow} is full while a hold is still filling: it is forwarded unheld. */
    private void releaseFilling(Flow flow) {
        ProxyHold hold = filling.get(flow.ordinal());
        if (hold != null && proxy.forwardUnheld(hold)) {
            proxy.fire(l -> l.warning("client " + client.id() + ": a held message over "
                    + proxy.settings().maxQueuedBytes() + " bytes was forwarded without waiting"));
        }
    }

    ProxyOutbox outbox(Flow flow) {
        return outboxes.get(flow);
    }

    /** Sends a close frame with {@code code} to both sides (after what waits), then ends. */
    void closeBoth(int code, String reason) {
        for (Flow flow : Flow.values()) {
            ProxyOutbox box = outboxes.get(flow);
            if (box != null) {
                box.inject(ProxyFrame.close(code, reason, flow == Flow.TO_SERVER));
                box.end();
            }
        }
        proxy.timers().schedule(this::teardown, 1_000, TimeUnit.MILLISECONDS);
    }

    /** Waits up to {@code millis} for the connection to end. */
    boolean await(long millis) throws InterruptedException {
        return done.await(millis, TimeUnit.MILLISECONDS);
    }

    private void noteClose(Leg leg, ProxyFrame f) {
        synchronized (closesSeen) {
            closesSeen.merge(leg, 1, Integer::sum);
            if (!closeCodes.containsKey(leg)) {
                ByteBuffer p = f.payload().duplicate();
                int code = p.remaining() >= 2 ? (p.get() & 0xff) << 8 | (p.get() & 0xff) : 1005;
                byte[] r = new byte[p.remaining()];
                p.get(r);
                closeCodes.put(leg, new int[]{code});
                closeReasons.put(leg, new String(r, StandardCharsets.UTF_8));
            }
        }
    }

    private final class Writer implements ProxyOutbox.Sink {
        private final Flow flow;
        private final Socket target;
        private final OutputStream out;

        Writer(Flow flow, Socket target) throws IOException {
            this.flow = flow;
            this.target = target;
            this.out = target.getOutputStream();
        }

        @Override
        public void write(ProxyFrame frame, ProxyHold from) throws IOException {
            FrameStore store = client.leg(flow.target()).frames();
            long now = store.clock().nanoTime();
            long seq = frame.made()
                    ? store.appendCrafted(Direction.OUT, frame.header(), now, frame.payload())
                    : store.append(Direction.OUT, frame.header(), frame.inflated(), now, frame.captured());
            long sourceSeq = frame.sourceSeq() >= 0 ? frame.sourceSeq()
                    : from != null && from.edited == frame ? from.frames.get(0).sourceSeq() : -1;
            if (sourceSeq >= 0) {
                client.pairs().pair(flow, sourceSeq, seq);
            }
            if (frame.opcode() == Opcode.CLOSE) {
                noteClose(flow.target(), frame);
            }
            out.write(frame.wire());
            if (frame.made() && from == null) {
                proxy.fire(l -> l.injected(client, flow, seq));
            }
        }

        @Override
        public void finished() {
            try {
                if (!(target instanceof SSLSocket) && !target.isClosed()) {
                    target.shutdownOutput();
                }
            } catch (IOException ignored) {
                // the peer is gone already
            }
            if (!finishedOne.compareAndSet(false, true)) {
                teardown();
            } else {
                proxy.timers().schedule(ProxiedConnection.this::teardown, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void failed(IOException error) {
            teardown();
        }
    }

    // ---- the end ----

    void teardown() {
        if (!tornDown.compareAndSet(false, true)) {
            return;
        }
        for (ProxyOutbox box : outboxes.values()) {
            box.abort();
        }
        ProxyHandshake.closeQuietly(clientSocket);
        ProxyUpgrade u = upgrade;
        ProxyHandshake.closeQuietly(u == null ? null : u.upstreamSocket());
        for (ProxyOutbox box : outboxes.values()) {
            for (ProxyHold h : box.holds()) {
                proxy.holdGone(h);
            }
        }
        if (open) {
            open = false;
            for (Leg leg : new Leg[]{Leg.SERVER, Leg.CLIENT}) {
                int code;
                String reason;
                boolean clean;
                synchronized (closesSeen) {
                    int[] c = closeCodes.get(leg);
                    code = c == null ? 1006 : c[0];
                    reason = closeReasons.getOrDefault(leg, "");
                    clean = closesSeen.getOrDefault(leg, 0) >= 2;
                }
                Session s = client.leg(leg);
                s.onEvent(new ConnectionEvent.Closed(micros(s), s.frames().size(), code, reason, true, clean));
                proxy.fire(l -> l.legClosed(client, leg, code, reason));
            }
        }
        clientRecording.close();
        serverRecording.close();
        done.countDown();
        proxy.connectionDone(this);
    }

    private static long micros(Session s) {
        return ProxyUpgrade.micros(s);
    }
}
