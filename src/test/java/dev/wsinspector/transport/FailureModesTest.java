package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.testutil.BlackholeServer;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.RawWebSocketServer.ClientFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/** Each way a connection can fail gives one readable line, the right kind and the right close code. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FailureModesTest {

    private final JwsConnectionService service = new JwsConnectionService();
    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private final List<ClientFrame> serverSaw = new CopyOnWriteArrayList<>();

    /**
     * The first frame the test server read. It records it on its own thread, which may still be on it when the
     * client has already reported the close: wait for it (bounded) instead of racing it.
     */
    private ClientFrame serverSawFirst() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> !serverSaw.isEmpty());
        return serverSaw.get(0);
    }
    private RawWebSocketServer server;
    private Connection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ConnectionOptions options(URI uri) {
        return ConnectionOptions.of(uri).withPingInterval(Duration.ZERO).withConnectTimeout(Duration.ofSeconds(5));
    }

    /** Waits for the end and checks the common shape: Connecting, [Opened,] Failed, Closed; one readable line. */
    private ConnectionEvent.Failed failedThenClosed(FailureKind kind, boolean opened) {
        events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).containsExactlyElementsOf(opened
                ? List.of("Connecting", "Opened", "Failed", "Closed")
                : List.of("Connecting", "Failed", "Closed"));
        ConnectionEvent.Failed failed = events.first(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).as(failed.message()).isEqualTo(kind);
        assertThat(failed.message()).doesNotContain("\n", "Exception", "java.", "org.java_websocket");
        return failed;
    }

    private ConnectionEvent.Closed closed() {
        return events.first(ConnectionEvent.Closed.class);
    }

    @Test
    void malformedUrlsAreEventsNotExceptions() {
        for (String url : List.of("http://127.0.0.1/", "ws:///no-host", "mailto:someone@example.test")) {
            EventRecorder recorder = new EventRecorder();
            assertThatCode(() -> service.connect(options(URI.create(url)), new ColumnarFrameStore(), recorder))
                    .doesNotThrowAnyException();
            assertThat(recorder.kinds()).as(url).containsExactly("Connecting", "Failed", "Closed");
            ConnectionEvent.Failed failed = recorder.first(ConnectionEvent.Failed.class);
            assertThat(failed.kind()).isEqualTo(FailureKind.MALFORMED_URL);
            assertThat(failed.message()).startsWith("Malformed URL '" + url + "'");
            assertThat(recorder.first(ConnectionEvent.Closed.class).code()).isEqualTo(1006);
        }
    }

    @Test
    void unknownHost() {
        connection = service.connect(options(URI.create("ws://no-such-host.invalid/")), store, events);
        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.UNKNOWN_HOST, false);
        assertThat(failed.message()).isEqualTo("Unknown host 'no-such-host.invalid' (DNS lookup failed)");
        assertThat(closed().code()).isEqualTo(1006);
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        connection = service.connect(options(URI.create("ws://127.0.0.1:" + port + "/")), store, events);
        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.CONNECTION_REFUSED, false);
        assertThat(failed.message()).isEqualTo(
                "Connection refused by 127.0.0.1:" + port + " (nothing is listening on that port)");
        assertThat(closed().code()).isEqualTo(1006);
    }

    @Test
    void connectTimeout() throws Exception {
        try (BlackholeServer blackhole = new BlackholeServer()) {
            long start = System.nanoTime();
            connection = service.connect(options(URI.create("ws://127.0.0.1:" + blackhole.port() + "/"))
                    .withConnectTimeout(Duration.ofSeconds(1)), store, events);
            ConnectionEvent.Failed failed = failedThenClosed(FailureKind.CONNECT_TIMEOUT, false);
            assertThat(failed.message()).contains("127.0.0.1:" + blackhole.port()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
            assertThat(closed().code()).isEqualTo(1006);
        }
    }

    @Test
    void upgradeNeverAnsweredTimesOut() throws Exception {
        server = new RawWebSocketServer(peer -> {
            peer.readRequest();
            peer.stayQuiet();
        });
        long start = System.nanoTime();
        connection = service.connect(options(server.uri("/")).withConnectTimeout(Duration.ofSeconds(1)), store, events);
        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.HANDSHAKE_TIMEOUT, false);
        assertThat(failed.message()).isEqualTo("Server 127.0.0.1:" + server.port()
                + " accepted the connection but did not answer the WebSocket upgrade within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(closed().code()).isEqualTo(1006);
        assertThat(store.size()).isZero();
    }

    @Test
    void refusedUpgradeKeepsStatusHeadersAndBodyArrivingInPieces() throws Exception {
        String body = "token missing or wrong\n";
        server = new RawWebSocketServer(peer -> {
            peer.readRequest();
            // Head and body in separate writes: the answer must be read in full before it is reported.
            peer.writeAscii("HTTP/1.1 401 Unauthorized\r\n");
            Thread.sleep(100);
            peer.writeAscii("WWW-Authenticate: Bearer realm=\"inspector\"\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            Thread.sleep(100);
            peer.writeAscii(body);
            peer.stayQuiet();
        });
        connection = service.connect(options(server.uri("/private")), store, events);

        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.HANDSHAKE_REJECTED, false);
        assertThat(failed.message()).isEqualTo("Server refused the upgrade: HTTP 401 Unauthorized");
        assertThat(failed.handshake().statusCode()).isEqualTo(401);
        assertThat(failed.handshake().statusLine()).isEqualTo("HTTP/1.1 401 Unauthorized");
        assertThat(failed.handshake().responseHeaders()).containsExactly(
                new HttpHeader("WWW-Authenticate", "Bearer realm=\"inspector\""),
                new HttpHeader("Content-Type", "text/plain"),
                new HttpHeader("Content-Length", String.valueOf(body.length())));
        assertThat(new String(failed.handshake().responseBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(failed.handshake().requestLine()).isEqualTo("GET /private HTTP/1.1");
        assertThat(closed().code()).isEqualTo(1006);
        assertThat(closed().clean()).isFalse();
    }

    @Test
    void invalidUtf8InTextClosesWith1007AndTheFrameIsStillCaptured() throws Exception {
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendFrame(0x81, new byte[]{(byte) 0xC3, 0x28});
            serverSaw.add(peer.readFrame());
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/")), store, events);

        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.PROTOCOL, true);
        assertThat(failed.message()).isEqualTo("Server sent a text message that is not valid UTF-8 (closed with 1007)");
        assertThat(closed().code()).isEqualTo(1007);
        assertThat(closed().remote()).isFalse();
        List<Frame> f = frames(store);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).direction()).isEqualTo(Direction.IN);
        assertThat(f.get(0).opcode()).isEqualTo(Opcode.TEXT);
        assertThat(f.get(0).payloadBytes()).containsExactly(0xC3, 0x28);
        assertThat(f.get(1).direction()).isEqualTo(Direction.OUT);
        assertThat(f.get(1).opcode()).isEqualTo(Opcode.CLOSE);
        assertThat(f.get(1).masked()).isTrue();
        assertThat(f.get(1).payloadBytes()).startsWith(0x03, 0xEF);
        assertThat(serverSawFirst().closeCode()).isEqualTo(1007);
        assertThat(f.get(1).header().maskKey()).isEqualTo(serverSawFirst().maskKey());
    }

    @Test
    void frameOverTheMaximumClosesWith1009() throws Exception {
        byte[] big = new byte[2000];
        Arrays.fill(big, (byte) 'x');
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendFrame(0x82, big);
            serverSaw.add(peer.readFrame());
            peer.clientClosed(3000);
        });
        connection = service.connect(options(server.uri("/")).withMaxFrameSize(1000), store, events);

        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.PROTOCOL, true);
        assertThat(failed.message()).isEqualTo("Server sent a 2000-byte frame, over the 1000-byte limit (closed with 1009)");
        assertThat(closed().code()).isEqualTo(1009);
        assertThat(serverSawFirst().closeCode()).isEqualTo(1009);
        List<Frame> f = frames(store);
        assertThat(f.get(0).direction()).isEqualTo(Direction.IN);
        assertThat(f.get(0).opcode()).isEqualTo(Opcode.BINARY);
        assertThat(f.get(0).header().payloadLength()).isEqualTo(2000);
        // Whatever part of the payload had arrived is kept.
        assertThat(f.get(0).payloadLength()).isBetween(0, 2000);
        assertThat(big).startsWith(f.get(0).payloadBytes());
        assertThat(f.get(1).opcode()).isEqualTo(Opcode.CLOSE);
        assertThat(f.get(1).direction()).isEqualTo(Direction.OUT);
    }

    @Test
    void abruptDropIs1006() throws Exception {
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(true, 0x1, "last words");
            // Dropped once the client has the frame (a reset could otherwise discard it unread).
            await().atMost(Duration.ofSeconds(10)).until(() -> store.size() == 1);
            peer.drop();
        });
        connection = service.connect(options(server.uri("/")), store, events);

        ConnectionEvent.Failed failed = failedThenClosed(FailureKind.CONNECTION_LOST, true);
        assertThat(failed.message()).isEqualTo("Connection lost: the TCP connection dropped without a close frame (1006)");
        assertThat(closed().code()).isEqualTo(1006);
        assertThat(closed().remote()).isTrue();
        assertThat(closed().clean()).isFalse();
        assertThat(frames(store)).singleElement().satisfies(frame -> {
            assertThat(frame.opcode()).isEqualTo(Opcode.TEXT);
            assertThat(new String(frame.payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("last words");
        });
    }
}
