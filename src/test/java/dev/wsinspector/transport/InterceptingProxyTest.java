package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.ByteExactServer;
import dev.wsinspector.testutil.RawWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The proxy's wire against raw peers: every byte passed on as it was, in both directions, and both legs captured. */
@Timeout(30)
class InterceptingProxyTest {

    private InterceptingProxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop();
        }
    }

    static InterceptingProxy started(ProxySettings settings) throws IOException {
        InterceptingProxy p = new InterceptingProxy(settings, SessionRecorder.inMemory());
        p.start();
        return p;
    }

    static ProxySettings to(URI upstream) {
        return ProxySettings.of(ConnectionOptions.of(upstream).withConnectTimeout(Duration.ofSeconds(5)));
    }

    /** A raw client socket upgraded through {@code proxy} with {@code extra} header lines (each ending CRLF). */
    static Socket rawClient(URI proxy, String target, String extra, StringBuilder responseHead) throws IOException {
        Socket s = new Socket(proxy.getHost(), proxy.getPort());
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + proxy.getHost() + ":" + proxy.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII));
        responseHead.append(readHead(s.getInputStream()));
        return s;
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void forwardsEveryByteBothWaysAndCapturesBothLegsPaired() throws Exception {
        byte[] big = new byte[70_000];
        new Random(7).nextBytes(big);
        byte[] fromClient = concat(
                RawWebSocketServer.Peer.maskedFrame(0x81, 0x11223344, ascii("hello")),
                RawWebSocketServer.Peer.maskedFrame(0x01, 0x01020304, ascii("frag-")),
                RawWebSocketServer.Peer.maskedFrame(0x89, 0x0a0b0c0d, ascii("p1")),
                RawWebSocketServer.Peer.maskedFrame(0x80, 0x55667788, ascii("ment")),
                RawWebSocketServer.Peer.maskedFrame(0xC2, 0x7f7f7f7f, big), // binary with RSV1 set, passed as is
                RawWebSocketServer.Peer.maskedFrame(0x88, 0x01010101,
                        RawWebSocketServer.Peer.closePayload(4000, ascii("done"))));
        byte[] fromServer = concat(
                RawWebSocketServer.Peer.frame(0x81, ascii("world")),
                RawWebSocketServer.Peer.frame(0x02, java.util.Arrays.copyOf(big, 300)),
                RawWebSocketServer.Peer.frame(0x8A, ascii("")),
                RawWebSocketServer.Peer.frame(0x80, ascii("tail")),
                RawWebSocketServer.Peer.frame(0x88, RawWebSocketServer.Peer.closePayload(4001, ascii("bye"))));
        try (ByteExactServer upstream = new ByteExactServer(wire -> {
            wire.readFramesUntilClose();
            wire.write(fromServer);
            wire.readUntilClosed();
        })) {
            proxy = started(to(upstream.uri()));
            StringBuilder head = new StringBuilder();
            try (Socket client = rawClient(proxy.address().orElseThrow(), "/", "", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 101");
                client.getOutputStream().write(fromClient);
                byte[] got = client.getInputStream().readNBytes(fromServer.length);
                assertThat(got).isEqualTo(fromServer);
                await().atMost(Duration.ofSeconds(10)).until(() -> upstream.received().length >= fromClient.length);
                assertThat(upstream.received()).isEqualTo(fromClient);
            }
            ProxiedClient c = proxy.clients().get(0);
            await().atMost(Duration.ofSeconds(10)).until(() -> c.clientLeg().frames().size() == 11
                    && c.serverLeg().frames().size() == 11);
            FrameStore clientLeg = c.clientLeg().frames();
            FrameStore serverLeg = c.serverLeg().frames();
            int paired = 0;
            for (long seq = 0; seq < clientLeg.size(); seq++) {
                long other = c.pairs().other(Leg.CLIENT, seq);
                assertThat(other).as("frame %d has its copy", seq).isNotNegative();
                assertThat(c.pairs().other(Leg.SERVER, other)).isEqualTo(seq);
                Frame a = clientLeg.get(seq);
                Frame b = serverLeg.get(other);
                assertThat(b.direction()).isNotEqualTo(a.direction());
                assertThat(b.payloadBytes()).isEqualTo(a.payloadBytes());
                assertThat(b.header()).isEqualTo(a.header());
                paired++;
            }
            assertThat(paired).isEqualTo(11);
            assertThat(clientLeg.get(0).direction()).isEqualTo(Direction.IN);
            assertThat(new String(clientLeg.get(0).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
            await().atMost(Duration.ofSeconds(10)).until(() -> c.clientLeg().closed().isPresent());
            assertThat(c.clientLeg().closed().orElseThrow().code()).isEqualTo(4000);
            assertThat(c.serverLeg().closed().orElseThrow().code()).isEqualTo(4000);
        }
    }

    @Test
    void aServerThatDoesNotReadStopsTheProxyReadingTheClientAndNothingIsLost() throws Exception {
        int frameSize = 1 << 20;
        int frames = 200;
        long limit = 1 << 20;
        java.util.concurrent.CountDownLatch startReading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong serverGot = new java.util.concurrent.atomic.AtomicLong();
        try (RawWebSocketServer upstream = new RawWebSocketServer(peer -> {
            peer.upgrade();
            startReading.await();
            while (true) {
                RawWebSocketServer.ClientFrame f = peer.readFrame();
                serverGot.addAndGet(f.payload().length);
                if (serverGot.get() == (long) frameSize * frames) {
                    return;
                }
            }
        })) {
            proxy = started(to(upstream.uri("/")).withLimits(limit, 10));
            StringBuilder head = new StringBuilder();
            try (Socket client = rawClient(proxy.address().orElseThrow(), "/", "", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 101");
                byte[] frame = RawWebSocketServer.Peer.maskedFrame(0x82, 0x01020304, new byte[frameSize]);
                java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
                Thread writer = new Thread(() -> {
                    try {
                        for (int i = 0; i < frames; i++) {
                            client.getOutputStream().write(frame);
                            written.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the test ends
                    }
                });
                writer.setDaemon(true);
                writer.start();
                java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                        .until(() -> written.get() == last.getAndSet(written.get()) && written.get() > 0);
                // stalled: TCP buffers hold some, the proxy at most its limit plus the frame being put
                assertThat(written.get()).isLessThan(frames / 2);
                long queued = proxy.queuedBytes(1, dev.wsinspector.core.proxy.Flow.TO_SERVER);
                assertThat(queued).isLessThanOrEqualTo(limit + frame.length);
                assertThat(proxy.clients().get(0).clientLeg().frames().size()).isLessThan(frames / 2);

                startReading.countDown(); // the slow side catches up: everything arrives
                await().atMost(Duration.ofSeconds(30)).until(() -> serverGot.get() == (long) frameSize * frames);
                assertThat(written.get()).isEqualTo(frames);
            }
        }
    }
}
