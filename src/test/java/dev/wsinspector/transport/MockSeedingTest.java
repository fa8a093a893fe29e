package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileJson;
import dev.wsinspector.core.mock.RuleSeeder;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.EventRecorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Rules seeded from a recorded session reproduce its replies, against a real client and server. */
@Timeout(30)
class MockSeedingTest {

    @Test
    void aSeededProfileAnswersAsTheRecordedServerDid() throws Exception {
        MockProfile source = MockProfileJson.read("src.json", """
                {"onConnect": ["welcome"], "rules": [
                  {"when": {"json": {"$.op": "get"}}, "reply": [{"json": {"id": "{{$.id}}", "v": "same"}},
                     {"text": "literal \\\\{{braces}}"}]},
                  {"when": {"binaryPrefix": "01"}, "reply": [{"hex": "ff fe"}]},
                  {"when": {"text": "quiet"}}]}""".getBytes(StandardCharsets.UTF_8));
        List<String> recorded;
        FrameStore capture;
        try (MockServer server = MockServer.builder(MockEngine.of(source)).port(0).build()) {
            capture = new ColumnarFrameStore();
            recorded = converse(server.start(), capture);
        }
        assertThat(recorded).containsExactly("welcome", "{\"id\":1,\"v\":\"same\"}", "literal {{braces}}", "fffe",
                "{\"id\":2,\"v\":\"same\"}", "literal {{braces}}", "{\"id\":1,\"v\":\"same\"}", "literal {{braces}}");

        MockProfile seeded = RuleSeeder.profile("seeded", capture);
        assertThat(seeded.rules()).hasSize(3); // get (its id loosened: get 2 is the same rule, its id echoed), binary, quiet
        MockProfile reread = MockProfileJson.read("seeded.json", MockProfileJson.write(seeded));
        try (MockServer replay = MockServer.builder(MockEngine.of(reread)).port(0).build()) {
            assertThat(converse(replay.start(), new ColumnarFrameStore())).isEqualTo(recorded);
        }
    }

    /** Sends the same messages in order, each once the previous one's replies are in; the server's messages. */
    private static List<String> converse(URI uri, FrameStore store) {
        EventRecorder events = new EventRecorder();
        try (Connection c = new JwsConnectionService().connect(ConnectionOptions.of(uri)
                .withPingInterval(Duration.ZERO), store, events)) {
            events.await(ConnectionEvent.Opened.class);
            awaitIn(store, 1);
            c.sendText("{\"op\":\"get\",\"id\":1}");
            awaitIn(store, 3);
            c.sendBinary(new byte[] {1, 2});
            awaitIn(store, 4);
            c.sendText("quiet");
            c.sendText("{\"op\":\"get\",\"id\":2}");
            awaitIn(store, 6);
            c.sendText("{\"op\":\"get\",\"id\":1}");
            awaitIn(store, 8);
            List<String> in = EventRecorder.frames(store).stream().filter(f -> f.direction() == Direction.IN)
                    .map(MockSeedingTest::shown).toList();
            return in;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitIn(FrameStore store, int n) {
        Awaitility.await().atMost(EventRecorder.WAIT).until(() -> EventRecorder.frames(store).stream()
                .filter(f -> f.direction() == Direction.IN).count() >= n);
    }

    private static String shown(Frame f) {
        return f.opcode() == dev.wsinspector.core.frame.Opcode.BINARY ? HexFormat.of().formatHex(f.payloadBytes())
                : new String(f.payloadBytes(), StandardCharsets.UTF_8);
    }
}
