package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.protocol.ProtocolClient;
import dev.wsinspector.core.protocol.ProtocolDriver;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProtocolDriver} over a real connection to scripted raw servers that speak as a SignalR hub (HubProtocol.md),
 * a STOMP 1.2 broker ("Connecting", "Heart-beating") and an MQTT 3.1.1 broker (§3.1, §3.2, §3.12, §3.13): the
 * handshake goes out, the user's message waits for it, heartbeats are answered or sent, and all of it is captured.
 */
@Timeout(30)
class ProtocolDriverTest {

    private final FrameStore store = new ColumnarFrameStore();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<RawWebSocketServer.ClientFrame> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<ProtocolClient> ready = new CompletableFuture<>();
    private final List<String> problems = new ArrayList<>();
    private RawWebSocketServer server;
    private Connection connection;

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdownNow();
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** A server that answers each client frame with the frames {@code answer} gives (null: none). */
    private ProtocolDriver connect(ClientProtocol protocol, ClientProtocol.Settings settings, String subprotocol,
                                   Function<RawWebSocketServer.ClientFrame, List<byte[]>> answer) throws Exception {
        server = new RawWebSocketServer(peer -> {
            if (subprotocol == null) {
                peer.upgrade();
            } else {
                peer.upgrade("Sec-WebSocket-Protocol: " + subprotocol);
            }
            while (true) {
                RawWebSocketServer.ClientFrame f = peer.readFrame();
                received.add(f);
                if (f.opcode() == 8) {
                    peer.sendClose(1000, "");
                    return;
                }
                for (byte[] frame : answer.apply(f)) {
                    peer.write(frame);
                }
            }
        });
        ProtocolDriver driver = new ProtocolDriver(() -> protocol.create(settings).orElseThrow(), store, scheduler,
                () -> System.nanoTime() / 1_000_000, new ProtocolDriver.Listener() {
                    @Override
                    public void ready(ProtocolClient client) {
                        ready.complete(client);
                    }

                    @Override
                    public void problem(String message) {
                        problems.add(message);
                    }
                });
        EventRecorder events = new EventRecorder();
        ConnectionOptions options = ConnectionOptions.of(server.uri("/"))
                .withPingInterval(Duration.ZERO).withConnectTimeout(Duration.ofSeconds(5));
        if (subprotocol != null) {
            options = options.withSubprotocols(List.of(subprotocol));
        }
        connection = new JwsConnectionService().connect(options, store, events);
        ConnectionEvent.Opened opened = events.await(ConnectionEvent.Opened.class);
        driver.opened(connection, opened.frameIndex());
        return driver;
    }

    private static byte[] text(String s) {
        return RawWebSocketServer.Peer.frame(0x81, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] binary(String hex) {
        return RawWebSocketServer.Peer.frame(0x82, HexFormat.of().parseHex(hex));
    }

    private RawWebSocketServer.ClientFrame next() throws InterruptedException {
        RawWebSocketServer.ClientFrame f = received.poll(10, TimeUnit.SECONDS);
        assertThat(f).as("a frame from the client within 10 s").isNotNull();
        return f;
    }

    private List<String> capturedOut() {
        List<String> out = new ArrayList<>();
        for (long seq = 0; seq < store.size(); seq++) {
            if (store.direction(seq) == Direction.OUT) {
                out.add(new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Test
    void signalRHandshakeThenInvocationAndPingAnswers() throws Exception {
        ProtocolDriver driver = connect(ClientProtocol.SIGNALR, ClientProtocol.Settings.defaults(), null, f -> {
            String t = f.text();
            if (t.startsWith("{\"protocol\"")) {
                return List.of(text("{}\u001e"), text("{\"type\":6}\u001e"), text("{\"type\":6}\u001e"));
            }
            return List.of();
        });
        assertThat(next().text()).isEqualTo("{\"protocol\":\"json\",\"version\":1}\u001e");
        ProtocolClient client = ready.get(10, TimeUnit.SECONDS);
        driver.send(client.call("Add", "[1,2]"));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            texts.add(next().text());
        }
        assertThat(texts).containsExactlyInAnyOrder("{\"type\":6}\u001e", "{\"type\":6}\u001e",
                "{\"type\":1,\"target\":\"Add\",\"arguments\":[1,2],\"invocationId\":\"1\"}\u001e");
        assertThat(problems).isEmpty();
    }

    @Test
    void stompConnectAndHeartBeatsAtTheNegotiatedInterval() throws Exception {
        ProtocolDriver driver = connect(ClientProtocol.STOMP, ClientProtocol.Settings.defaults().withHost("127.0.0.1")
                .withKeepAliveMillis(50), "v12.stomp", f -> f.text().startsWith("CONNECT\n")
                ? List.of(text("CONNECTED\nversion:1.2\nheart-beat:100,100\n\n\0")) : List.of());
        assertThat(next().text()).isEqualTo(
                "CONNECT\naccept-version:1.2,1.1,1.0\nhost:127.0.0.1\nheart-beat:50,50\n\n\0");
        ProtocolClient client = ready.get(10, TimeUnit.SECONDS);
        driver.send(client.emit("/queue/a", "hello"));
        assertThat(next().text()).isEqualTo("SEND\ndestination:/queue/a\ncontent-length:5\n\nhello\0");
        // max(cx=50, sy=100): an EOL every 100 ms of quiet
        long start = System.nanoTime();
        assertThat(next().text()).isEqualTo("\n");
        assertThat(next().text()).isEqualTo("\n");
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
        assertThat(capturedOut()).contains("\n");
    }

    @Test
    void mqttConnectConnackAndPingreqEveryKeepAlive() throws Exception {
        connect(ClientProtocol.MQTT, new ClientProtocol.Settings("", "/", "", 1000, "probe-1"), "mqtt", f -> {
            int type = (f.payload()[0] & 0xF0) >> 4;
            return switch (type) {
                case 1 -> List.of(binary("20020000")); // CONNECT → CONNACK accepted
                case 12 -> List.of(binary("d000")); // PINGREQ → PINGRESP
                default -> List.of();
            };
        });
        RawWebSocketServer.ClientFrame connect = next();
        assertThat(connect.opcode()).isEqualTo(2);
        assertThat(HexFormat.of().formatHex(connect.payload())).isEqualTo("101300044d5154540402000100077072" + "6f62652d31");
        ready.get(10, TimeUnit.SECONDS);
        assertThat(HexFormat.of().formatHex(next().payload())).isEqualTo("c000");
        assertThat(HexFormat.of().formatHex(next().payload())).isEqualTo("c000");
        assertThat(problems).isEmpty();
    }
}
