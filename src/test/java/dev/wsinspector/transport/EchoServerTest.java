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
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.awaitFrames;
import static dev.wsinspector.testutil.EventRecorder.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The engine against a stock Java-WebSocket server: subprotocols, deflate, pings, the user's drop. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoServerTest {

    private final JwsConnectionService service = new JwsConnectionService();
    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private TestEchoServer server;
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

    @Test
    void negotiatesTheSubprotocolTheServerSupports() throws Exception {
        server = TestEchoServer.launch(false, List.of("chat"), null);
        connection = service.connect(ConnectionOptions.of(server.uri()).withSubprotocols(List.of("v2.chat", "chat")),
                store, events);
        ConnectionEvent.Opened opened = events.await(ConnectionEvent.Opened.class);
        assertThat(opened.handshake().subprotocol()).contains("chat");
        assertThat(opened.handshake().extensions()).isEmpty();
    }

    @Test
    void permessageDeflateCompressesSeveralMessagesInARow() throws Exception {
        server = TestEchoServer.launch(true, List.of(), null);
        connection = service.connect(ConnectionOptions.of(server.uri()).withDeflate(true), store, events);
        ConnectionEvent.Opened opened = events.await(ConnectionEvent.Opened.class);
        assertThat(opened.handshake().extensions()).hasValueSatisfying(v -> assertThat(v).contains("permessage-deflate"));

        List<String> messages = List.of("alpha ".repeat(700), "beta ".repeat(900), "alpha ".repeat(700));
        for (String m : messages) {
            connection.sendText(m).get(5, TimeUnit.SECONDS);
        }
        List<Frame> f = awaitFrames(store, 6);
        for (String m : messages) {
            byte[] expected = m.getBytes(StandardCharsets.UTF_8);
            for (Direction dir : Direction.values()) {
                Frame frame = f.stream().filter(x -> x.direction() == dir && x.opcode() == Opcode.TEXT
                        && x.payloadLength() == expected.length).findFirst().orElseThrow();
                assertThat(frame.header().rsv1()).as("%s RSV1", dir).isTrue();
                assertThat(frame.inflated()).isTrue();
                assertThat(frame.compressedLength()).isPositive().isLessThan(expected.length);
                assertThat(frame.header().payloadLength()).isEqualTo(frame.compressedLength());
                assertThat(frame.payloadBytes()).isEqualTo(expected);
                assertThat(frame.masked()).isEqualTo(dir == Direction.OUT);
            }
        }
    }

    @Test
    void pingIntervalSendsVisiblePingsAndMeasuresTheRoundTrip() throws Exception {
        server = TestEchoServer.launch();
        connection = service.connect(ConnectionOptions.of(server.uri()).withPingInterval(Duration.ofSeconds(1)),
                store, events);
        events.await(ConnectionEvent.Opened.class);
        await().atMost(EventRecorder.WAIT).until(() -> connection.lastPingRoundTripNanos() > 0);
        List<Frame> f = frames(store);
        Frame ping = f.stream().filter(x -> x.opcode() == Opcode.PING).findFirst().orElseThrow();
        assertThat(ping.direction()).isEqualTo(Direction.OUT);
        assertThat(ping.masked()).isTrue();
        assertThat(f.stream().filter(x -> x.opcode() == Opcode.PONG && x.direction() == Direction.IN)).isNotEmpty();
    }

    @Test
    void noPingsWhenTheIntervalIsZero() throws Exception {
        server = TestEchoServer.launch();
        connection = service.connect(ConnectionOptions.of(server.uri()).withPingInterval(Duration.ZERO), store, events);
        events.await(ConnectionEvent.Opened.class);
        connection.sendText("one").get(5, TimeUnit.SECONDS);
        awaitFrames(store, 2);
        // With an interval a ping goes out after it (1 s in the test above): none may come for longer than that.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                .until(() -> frames(store).stream().allMatch(f -> f.opcode() == Opcode.TEXT));
        assertThat(connection.lastPingRoundTripNanos()).isEqualTo(-1);
    }

    @Test
    void echoesAndThenTheUserDropsTheConnection() throws Exception {
        server = TestEchoServer.launch();
        connection = service.connect(ConnectionOptions.of(server.uri()), store, events);
        events.await(ConnectionEvent.Opened.class);
        connection.sendBinary(new byte[]{1, 2, 3}).get(5, TimeUnit.SECONDS);
        List<Frame> f = awaitFrames(store, 2);
        assertThat(f.get(1).direction()).isEqualTo(Direction.IN);
        assertThat(f.get(1).payloadBytes()).containsExactly(1, 2, 3);
        await().atMost(EventRecorder.WAIT).until(() -> connection.bufferedBytes() == 0);

        connection.close();
        ConnectionEvent.Closed closed = events.await(ConnectionEvent.Closed.class);
        assertThat(closed.code()).isEqualTo(1006);
        assertThat(closed.remote()).isFalse();
        assertThat(events.kinds()).containsExactly("Connecting", "Opened", "Closed");
        assertThat(connection.state()).isEqualTo(ConnectionState.CLOSED);
        assertThat(connection.sendText("late")).failsWithin(Duration.ofSeconds(5));
    }
}
