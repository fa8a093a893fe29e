package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileJson;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.testutil.EventRecorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mock server against the app's own client ({@link JwsConnectionService}): rules, and faults as it captures them. */
@Timeout(30)
class MockServerClientTest {

    private static final String PROFILE = """
            {"subprotocols": ["v2"], "upgrade": {"requireHeader": "X-Token", "status": 403},
             "rules": [
               {"when": {"json": {"$.op": "add"}}, "reply": {"json": {"sum": "{{$.a}}", "op": "{{$.op}}"}}},
               {"when": {"binaryPrefix": "00ff"}, "reply": {"base64": "AAE="}},
               {"when": {"text": "split"}, "reply": "abcdef", "faults": [{"kind": "split", "value": 3}, {"kind": "pings"}]},
               {"when": {"text": "masked"}, "reply": "m", "faults": [{"kind": "masked"}]},
               {"when": {"text": "utf8"}, "reply": "u", "faults": [{"kind": "invalidUtf8"}]},
               {"when": {"text": "big"}, "reply": "b", "faults": [{"kind": "oversized", "value": 70000}]},
               {"when": {"text": "drop"}, "reply": "d", "faults": [{"kind": "tcpDrop"}]},
               {"when": {"text": "close"}, "reply": "c", "faults": [{"kind": "close", "value": 1013}]}
             ]}""";

    private final JwsConnectionService service = new JwsConnectionService();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private URI start() throws Exception {
        MockProfile p = MockProfileJson.read("t.json", PROFILE.getBytes(StandardCharsets.UTF_8));
        MockServer server = MockServer.builder(MockEngine.of(p)).port(0).build();
        open.add(server);
        return server.start();
    }

    private record Client(Connection connection, FrameStore store, EventRecorder events) {
    }

    private Client connect(URI uri, boolean token, int maxFrame) {
        FrameStore store = new ColumnarFrameStore();
        EventRecorder events = new EventRecorder();
        ConnectionOptions o = ConnectionOptions.of(uri).withPingInterval(Duration.ZERO)
                .withConnectTimeout(Duration.ofSeconds(5)).withSubprotocols(List.of("v1", "v2"))
                .withMaxFrameSize(maxFrame);
        if (token) {
            o = o.withHeaders(List.of(new HttpHeader("X-Token", "yes")));
        }
        Connection c = service.connect(o, store, events);
        open.add(c);
        return new Client(c, store, events);
    }

    @Test
    void rulesAnswerTheAppsClient() throws Exception {
        Client c = connect(start(), true, 1 << 20);
        ConnectionEvent.Opened opened = c.events().await(ConnectionEvent.Opened.class);
        assertThat(opened.handshake().subprotocol()).contains("v2");
        c.connection().sendText("{\"op\":\"add\",\"a\":2}");
        c.connection().sendBinary(new byte[] {0, (byte) 0xff, 3});
        List<Frame> frames = EventRecorder.awaitFrames(c.store(), 4).stream()
                .filter(f -> f.direction() == Direction.IN).toList();
        assertThat(new String(frames.get(0).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"sum\":2,\"op\":\"add\"}");
        assertThat(frames.get(1).opcode()).isEqualTo(Opcode.BINARY);
        assertThat(frames.get(1).payloadBytes()).containsExactly(0, 1);
    }

    @Test
    void theUiFacingApiReportsEachClientItsCaptureAndTheRules() throws Exception {
        MockProfile p = MockProfileJson.read("t.json", PROFILE.getBytes(StandardCharsets.UTF_8));
        List<dev.wsinspector.core.mock.MockCapture> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Integer> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
        dev.wsinspector.core.mock.MockServers servers = new JwsMockServers();
        dev.wsinspector.core.mock.MockCapture capture;
        try (dev.wsinspector.core.mock.MockServers.Running running = servers.start(p.withPort(0), "127.0.0.1",
                new dev.wsinspector.core.mock.MockServers.Listener() {
                    @Override
                    public void onClient(dev.wsinspector.core.mock.MockCapture c) {
                        seen.add(c);
                    }

                    @Override
                    public void onClientClosed(dev.wsinspector.core.mock.MockCapture c, int code, String reason) {
                        closed.add(code);
                    }
                })) {
            Client c = connect(running.uri(), true, 1 << 20);
            c.events().await(ConnectionEvent.Opened.class);
            c.connection().sendText("{\"op\":\"add\",\"a\":1}");
            EventRecorder.awaitFrames(c.store(), 2);
            assertThat(seen).hasSize(1);
            capture = seen.get(0);
            org.awaitility.Awaitility.await().atMost(EventRecorder.WAIT).until(() -> capture.frames().size() >= 2);
            assertThat(capture.client()).isEqualTo(1);
            assertThat(capture.ruleFor(0)).isEqualTo(1);
            assertThat(capture.session().opened().orElseThrow().handshake().subprotocol()).contains("v2");
            assertThat(running.clients()).containsExactly(capture);
        }
        org.awaitility.Awaitility.await().atMost(EventRecorder.WAIT).until(() -> !closed.isEmpty());
        assertThat(closed).containsExactly(1001);
        assertThat(capture.session().closed().orElseThrow().code()).isEqualTo(1001);
    }

    @Test
    void refusedWithoutTheToken() throws Exception {
        Client c = connect(start(), false, 1 << 20);
        ConnectionEvent.Failed failed = c.events().await(ConnectionEvent.Failed.class);
        assertThat(failed.handshake().statusCode()).isEqualTo(403);
    }

    @Test
    void fragmentsAndPingsAreCapturedAsSent() throws Exception {
        Client c = connect(start(), true, 1 << 20);
        c.events().await(ConnectionEvent.Opened.class);
        c.connection().sendText("split");
        List<Frame> frames = EventRecorder.awaitFrames(c.store(), 7); // out, 3 fragments, 2 pings, and a pong
        List<String> in = frames.stream().filter(f -> f.direction() == Direction.IN)
                .map(f -> f.opcode() + (f.fin() ? "" : "…")).toList();
        assertThat(in).containsExactly("TEXT…", "PING", "CONTINUATION…", "PING", "CONTINUATION");
    }

    @Test
    void protocolFaultsFailTheConnectionWithTheirCodes() throws Exception {
        URI uri = start();
        assertThat(failing(uri, "masked", 1 << 20)).isEqualTo(1002);
        assertThat(failing(uri, "utf8", 1 << 20)).isEqualTo(1007);
        assertThat(failing(uri, "big", 65536)).isEqualTo(1009);
        assertThat(failing(uri, "close", 1 << 20)).isEqualTo(1013);
        assertThat(failing(uri, "drop", 1 << 20)).isEqualTo(1006);
    }

    private int failing(URI uri, String trigger, int maxFrame) {
        Client c = connect(uri, true, maxFrame);
        c.events().await(ConnectionEvent.Opened.class);
        c.connection().sendText(trigger);
        return c.events().await(ConnectionEvent.Closed.class).code();
    }
}
