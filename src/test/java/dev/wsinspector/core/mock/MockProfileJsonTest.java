package dev.wsinspector.core.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wsinspector.core.compose.MessageMode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MockProfileJsonTest {

    static final String FULL = """
            {
              "schemaVersion": 1,
              "name": "Orders API",
              "port": 0,
              "subprotocols": ["orders.v1"],
              "upgrade": {"requireHeader": "Authorization", "value": "Bearer s3cret", "status": 401},
              "onConnect": [{"json": {"type": "welcome", "client": "{{client}}"}}],
              "timers": [{"everyMs": 1000, "send": {"text": "tick {{counter}}", "to": "all"}}],
              "closeAfter": {"messages": 100, "seconds": 30, "code": 4000, "reason": "bye"},
              "echo": true,
              "faults": [{"kind": "delay", "probability": 0.25, "value": 50, "jitterMs": 10}],
              "rules": [
                {"name": "ping", "when": {"json": {"$.type": "ping"}},
                 "reply": {"json": {"type": "pong", "id": "{{$.id}}"}, "delayMs": 5}},
                {"when": {"regex": "^buy (?<item>\\\\w+)$"}, "reply": [{"text": "bought {{item}}", "to": "others"},
                  {"hex": "01 02"}], "close": {"code": 4001}},
                {"when": {"binaryPrefix": "cafe"}, "echo": true,
                 "faults": [{"kind": "split", "value": 3}, {"kind": "masked", "probability": 0.5}]},
                {"when": {"contains": "chat"}, "reply": {"format": "socket.io-event", "body": ["hi"], "params": {"event": "chat"}}}
              ],
              "variables": {"region": "eu"}
            }
            """;

    @Test
    void readsEveryPart() throws Exception {
        MockProfile p = MockProfileJson.read("orders.json", FULL.getBytes(StandardCharsets.UTF_8));
        assertThat(p.name()).isEqualTo("Orders API");
        assertThat(p.subprotocols()).containsExactly("orders.v1");
        assertThat(p.upgrade().refusal(java.util.Map.of("authorization", "Bearer s3cret"))).isNull();
        assertThat(p.upgrade().refusal(java.util.Map.of())).isEqualTo(401);
        assertThat(p.onConnect().get(0).mode()).isEqualTo(MessageMode.JSON);
        assertThat(p.timers().get(0).message().to()).isEqualTo(MockReply.Target.ALL);
        assertThat(p.closeAfter().millis()).isEqualTo(30_000);
        assertThat(p.closeAfter().close()).isEqualTo(new MockProfile.Close(4000, "bye"));
        assertThat(p.faults()).containsExactly(new Fault(Fault.Kind.DELAY, 0.25, 50, 10));
        assertThat(p.rules()).hasSize(4);
        assertThat(p.rules().get(0).when().json()).containsKey("$.type");
        assertThat(p.rules().get(0).replies().get(0).delayMs()).isEqualTo(5);
        assertThat(p.rules().get(1).replies()).extracting(MockReply::to)
                .containsExactly(MockReply.Target.OTHERS, MockReply.Target.SENDER);
        assertThat(p.rules().get(1).close().code()).isEqualTo(4001);
        assertThat(p.rules().get(2).binaryPrefix()).containsExactly(0xca, 0xfe);
        assertThat(p.rules().get(2).faults()).extracting(Fault::kind)
                .containsExactly(Fault.Kind.SPLIT, Fault.Kind.MASKED);
        assertThat(p.rules().get(3).replies().get(0).format()).isEqualTo("socket.io-event");
        assertThat(p.variables()).containsEntry("region", "eu");
    }

    @Test
    void writesWhatItReadsBackTheSame() throws Exception {
        MockProfile p = MockProfileJson.read("orders.json", FULL.getBytes(StandardCharsets.UTF_8));
        byte[] once = MockProfileJson.write(p);
        MockProfile again = MockProfileJson.read("orders.json", once);
        assertThat(new String(MockProfileJson.write(again), StandardCharsets.UTF_8))
                .isEqualTo(new String(once, StandardCharsets.UTF_8));
        assertThat(again.rules().get(1).when().regex().pattern()).isEqualTo("^buy (?<item>\\w+)$");
        assertThat(again.rules().get(0).replies().get(0).body()).isEqualTo("{\"type\":\"pong\",\"id\":\"{{$.id}}\"}");
        assertThat(again.faults()).isEqualTo(p.faults());
        assertThat(again.closeAfter()).isEqualTo(p.closeAfter());
        assertThat(again.upgrade()).isEqualTo(p.upgrade());
    }

    @Test
    void theReadmeExampleIsAValidProfile() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int marker = readme.indexOf("<!-- mock-example");
        int start = readme.indexOf("```json\n", marker) + "```json\n".length();
        String json = readme.substring(start, readme.indexOf("```", start));
        MockProfile p = MockProfileJson.read("README.md", json.getBytes(StandardCharsets.UTF_8));
        assertThat(p.rules()).hasSize(7);
        MockEngine e = new MockEngine(p, new java.util.Random(3), java.time.Clock.systemUTC(),
                java.util.UUID::randomUUID);
        e.onOpen(1);
        MockEngine.Decision d = e.onMessage(1, new dev.wsinspector.core.scenario.Received(0, 0, false,
                "order tea".getBytes(StandardCharsets.UTF_8), 0), MockEngine.FilterProbe.NONE);
        assertThat(d.rule()).isEqualTo(2);
        assertThat(new String(((MockAction.Send) d.actions().get(0)).payload(), StandardCharsets.UTF_8))
                .isEqualTo("ordered tea");
    }

    @Test
    void refuseEveryUpgrade() throws Exception {
        MockProfile p = MockProfileJson.read("f", "{\"upgrade\": {\"refuse\": 503}}".getBytes(StandardCharsets.UTF_8));
        assertThat(p.upgrade().refusal(java.util.Map.of("a", "b"))).isEqualTo(503);
        assertThat(p.echo()).isFalse();
    }

    @Test
    void badJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> MockProfileJson.read("bad.json", "{\n  \"name\": \"x\",\n  oops\n}".getBytes()))
                .isInstanceOf(MockFormatException.class).hasMessageStartingWith("bad.json:3:3: not valid JSON");
    }

    @Test
    void badValuesNameWhereTheyAre() {
        assertProblem("{\n\"rules\": [\n {\"when\": {\"regex\": \"(\"}}]}", "f:3:", "regex does not compile");
        assertProblem("{\"faults\": [\n{\"kind\": \"teleport\"}]}", "f:2:10", "unknown fault \"teleport\"");
        assertProblem("{\"rules\": [{\n\"reply\": {\"json\": \"{nope\"}}]}", "f:2:19", "");
        assertProblem("{\"port\": 70000}", "f:1:10", "\"port\" is a whole number from 0 to 65535");
        assertProblem("{\"colour\": 1}", "f:1:2", "unknown member \"colour\"");
        assertProblem("{\"rules\": [{\"faults\": [{\"kind\": \"refuseUpgrade\"}]}]}", "f:1:", "server's fault");
        assertProblem("{\"rules\": [{\"reply\": {\"text\": \"{{$..}}\"}}]}", "f:1:", "member name");
        assertProblem("{\"rules\": [{\"when\": {\"binaryPrefix\": \"zz\"}}]}", "f:1:", "hex");
        assertProblem("{\"upgrade\": {\"refuse\": 101}}", "f:1:", "but 101");
        assertProblem("{\"closeAfter\": {}}", "f:1:", "needs \"messages\" or \"seconds\"");
        assertProblem("{\"rules\": [{\"reply\": {\"text\": \"a\", \"to\": \"mars\"}}]}", "f:1:", "\"to\" is");
        assertProblem("{\"schemaVersion\": 9}", "f:1:", "newer WS Inspector");
        assertProblem("", "f:1:1", "empty");
    }

    private static void assertProblem(String json, String where, String what) {
        assertThatThrownBy(() -> MockProfileJson.read("f", json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MockFormatException.class).hasMessageStartingWith(where).hasMessageContaining(what);
    }
}
