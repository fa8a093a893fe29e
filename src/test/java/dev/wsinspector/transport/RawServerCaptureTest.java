package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.RawWebSocketServer.ClientFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Frame capture against a server that writes every byte by hand, asserted field by field. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RawServerCaptureTest {

    private final JwsConnectionService service = new JwsConnectionService();
    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private final List<ClientFrame> serverSaw = new CopyOnWriteArrayList<>();
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

    private Connection connect(URI uri) {
        connection = service.connect(ConnectionOptions.of(uri).withPingInterval(Duration.ZERO)
                .withConnectTimeout(Duration.ofSeconds(5)), store, events);
        return connection;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertFrame(Frame f, Direction dir, Opcode opcode, boolean fin, String payload) {
        assertThat(f.direction()).as("direction of %s", f).isEqualTo(dir);
        assertThat(f.opcode()).as("opcode of %s", f).isEqualTo(opcode);
        assertThat(f.fin()).as("fin of %s", f).isEqualTo(fin);
        assertThat(f.header().rsv1() || f.header().rsv2() || f.header().rsv3()).as("rsv of %s", f).isFalse();
        assertThat(f.masked()).as("mask bit of %s", f).isEqualTo(dir == Direction.OUT);
        assertThat(f.header().headerLength()).isEqualTo(dir == Direction.OUT ? 6 : 2);
        assertThat(f.header().payloadLength()).isEqualTo(utf8(payload).length);
        assertThat(f.inflated()).isFalse();
        assertThat(new String(f.payloadBytes(), StandardCharsets.UTF_8)).isEqualTo(payload);
        if (dir == Direction.IN) {
            assertThat(f.header().maskKey()).isZero();
        }
    }

    @Test
    void textInThreeFragmentsWithPingBetweenThenServerCloses4000() throws Exception {
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(false, 0x1, "Hel");
            peer.sendFrame(0x89, utf8("p1"));
            serverSaw.add(peer.readFrame()); // the auto-pong, before the rest, so the capture order is fixed
            peer.sendText(false, 0x0, "lo, ");
            peer.sendText(true, 0x0, "world");
            peer.sendClose(4000, "going away now");
            serverSaw.add(peer.readFrame()); // the close echo
            peer.clientClosed(3000);
        });
        connect(server.uri("/frag"));

        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(closed.code()).as("%s %s", events.events(), frames(store)).isEqualTo(4000);
        assertThat(closed.reason()).isEqualTo("going away now");
        assertThat(closed.remote()).isTrue();
        assertThat(closed.clean()).isTrue();
        assertThat(events.kinds()).containsExactly("Connecting", "Opened", "Closed");
        assertThat(server.errors()).isEmpty();

        List<Frame> f = frames(store);
        assertThat(f).hasSize(7);
        assertFrame(f.get(0), Direction.IN, Opcode.TEXT, false, "Hel");
        assertFrame(f.get(1), Direction.IN, Opcode.PING, true, "p1");
        assertFrame(f.get(2), Direction.OUT, Opcode.PONG, true, "p1");
        assertFrame(f.get(3), Direction.IN, Opcode.CONTINUATION, false, "lo, ");
        assertFrame(f.get(4), Direction.IN, Opcode.CONTINUATION, true, "world");
        assertThat(f.get(5).direction()).isEqualTo(Direction.IN);
        assertThat(f.get(5).opcode()).isEqualTo(Opcode.CLOSE);
        assertThat(f.get(5).payloadBytes()).startsWith(0x0F, 0xA0).endsWith(utf8("going away now"));
        assertThat(f.get(6).direction()).isEqualTo(Direction.OUT);
        assertThat(f.get(6).opcode()).isEqualTo(Opcode.CLOSE);
        assertThat(f.get(6).masked()).isTrue();
        assertThat(f.get(6).payloadBytes()).isEqualTo(f.get(5).payloadBytes());

        // The keys the library made for its own PONG and CLOSE are the ones on the wire.
        assertThat(serverSaw.get(0).masked()).isTrue();
        assertThat(f.get(2).header().maskKey()).isEqualTo(serverSaw.get(0).maskKey());
        assertThat(serverSaw.get(1).opcode()).isEqualTo(0x8);
        assertThat(serverSaw.get(1).closeCode()).isEqualTo(4000);
        assertThat(f.get(6).header().maskKey()).isEqualTo(serverSaw.get(1).maskKey());

        // Sequence numbers and clocks run in capture order.
        for (int i = 0; i < f.size(); i++) {
            assertThat(f.get(i).seq()).isEqualTo(i);
            if (i > 0) {
                assertThat(f.get(i).monoNanos()).isGreaterThanOrEqualTo(f.get(i - 1).monoNanos());
            }
        }
    }

    @Test
    void binaryWithAllByteValuesUsesTheSixteenBitLength() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendFrame(0x82, all);
            peer.sendClose(1000, "");
            peer.echoCloseWhenItComes();
        });
        connect(server.uri("/bin"));

        events.await(ConnectionEvent.Closed.class);
        Frame binary = frames(store).get(0);
        assertThat(binary.direction()).isEqualTo(Direction.IN);
        assertThat(binary.opcode()).isEqualTo(Opcode.BINARY);
        assertThat(binary.fin()).isTrue();
        assertThat(binary.masked()).isFalse();
        assertThat(binary.header().payloadLength()).isEqualTo(256);
        assertThat(binary.header().headerLength()).isEqualTo(4);
        assertThat(binary.payloadBytes()).isEqualTo(all);
        assertThat(binary.truncated()).isFalse();
        assertThat(binary.compressedLength()).isEqualTo(-1);
    }

    @Test
    void handshakeKeepsHeadersInOrderWithDuplicatesAndTheChosenSubprotocol() throws Exception {
        List<String> requestSeen = new CopyOnWriteArrayList<>();
        server = new RawWebSocketServer(peer -> {
            peer.upgrade("Sec-WebSocket-Protocol: chat", "X-Server: one", "X-Server: two");
            requestSeen.add(peer.requestLine());
            requestSeen.addAll(peer.requestHeaderLines());
            peer.stayQuiet();
        });
        List<HttpHeader> headers = List.of(new HttpHeader("X-Trace", "1"), new HttpHeader("Cookie", "a=b"),
                new HttpHeader("X-Trace", "2"), new HttpHeader("Origin", "http://example.test"));
        connection = service.connect(ConnectionOptions.of(server.uri("/chat?room=1")).withHeaders(headers)
                .withSubprotocols(List.of("v2.chat", "chat")).withPingInterval(Duration.ZERO), store, events);

        ConnectionEvent.Opened opened = events.await(ConnectionEvent.Opened.class);
        Handshake h = opened.handshake();
        assertThat(h.requestLine()).isEqualTo("GET /chat?room=1 HTTP/1.1");
        // What the event reports is exactly what the server read, line by line.
        assertThat(requestSeen.get(0)).isEqualTo(h.requestLine());
        assertThat(requestSeen.subList(1, requestSeen.size()))
                .containsExactlyElementsOf(h.requestHeaders().stream().map(HttpHeader::toString).toList());
        assertThat(h.requestHeaders().get(0)).isEqualTo(new HttpHeader("Host", "127.0.0.1:" + server.port()));
        assertThat(h.requestHeaders()).containsSubsequence(headers);
        assertThat(h.requestHeaders()).contains(new HttpHeader("Sec-WebSocket-Protocol", "v2.chat, chat"));
        assertThat(h.statusCode()).isEqualTo(101);
        assertThat(h.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
        assertThat(h.subprotocol()).contains("chat");
        assertThat(h.responseHeaders()).containsSubsequence(new HttpHeader("X-Server", "one"),
                new HttpHeader("X-Server", "two"));
        assertThat(h.responseBody()).isEmpty();
        assertThat(connection.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void sendsAreMaskedFragmentedAndTheCloseReplyIsCaptured() throws Exception {
        server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            for (int i = 0; i < 5; i++) {
                ClientFrame frame = peer.readFrame();
                serverSaw.add(frame);
                if (frame.opcode() == 0x9) {
                    peer.sendFrame(0x8A, frame.payload());
                }
            }
            serverSaw.add(peer.echoCloseWhenItComes());
            peer.clientClosed(3000);
        });
        connect(server.uri("/send"));
        events.await(ConnectionEvent.Opened.class);

        connection.sendText("hello").get(5, TimeUnit.SECONDS);
        connection.sendFragmented(true, utf8("abcdefghi"), 3).get(5, TimeUnit.SECONDS);
        connection.sendPing(utf8("rtt")).get(5, TimeUnit.SECONDS);
        await().atMost(EventRecorder.WAIT).until(() -> connection.lastPingRoundTripNanos() > 0);
        connection.close(1000, "done").get(5, TimeUnit.SECONDS);

        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(closed.code()).isEqualTo(1000);
        assertThat(closed.reason()).isEqualTo("done");
        assertThat(closed.remote()).isFalse();
        assertThat(closed.clean()).isTrue();
        assertThat(events.kinds()).containsExactly("Connecting", "Opened", "Closed");
        assertThat(server.errors()).isEmpty();

        List<Frame> f = frames(store);
        assertThat(f).extracting(Frame::direction, Frame::opcode, Frame::fin).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.TEXT, true),
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.TEXT, false),
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.CONTINUATION, false),
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.CONTINUATION, true),
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.PING, true),
                org.assertj.core.groups.Tuple.tuple(Direction.IN, Opcode.PONG, true),
                org.assertj.core.groups.Tuple.tuple(Direction.OUT, Opcode.CLOSE, true),
                org.assertj.core.groups.Tuple.tuple(Direction.IN, Opcode.CLOSE, true));
        assertFrame(f.get(0), Direction.OUT, Opcode.TEXT, true, "hello");
        assertFrame(f.get(1), Direction.OUT, Opcode.TEXT, false, "abc");
        assertFrame(f.get(2), Direction.OUT, Opcode.CONTINUATION, false, "def");
        assertFrame(f.get(3), Direction.OUT, Opcode.CONTINUATION, true, "ghi");
        assertFrame(f.get(4), Direction.OUT, Opcode.PING, true, "rtt");
        assertFrame(f.get(5), Direction.IN, Opcode.PONG, true, "rtt");
        // Each captured client frame carries the key the server used to unmask it.
        List<Frame> out = f.stream().filter(x -> x.direction() == Direction.OUT).toList();
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).header().maskKey()).isEqualTo(serverSaw.get(i).maskKey());
            assertThat(out.get(i).payloadBytes()).isEqualTo(serverSaw.get(i).payload());
        }
        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(connection.sendText("late")).failsWithin(Duration.ofSeconds(5));
    }
}
