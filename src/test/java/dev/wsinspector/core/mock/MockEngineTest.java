package dev.wsinspector.core.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.core.scenario.Received;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MockEngineTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000007");

    static MockEngine engine(String json) throws MockFormatException {
        return engine(json, 42);
    }

    static MockEngine engine(String json, long seed) throws MockFormatException {
        MockProfile p = MockProfileJson.read("t.json", json.getBytes(StandardCharsets.UTF_8));
        return new MockEngine(p, new Random(seed), CLOCK, () -> ID);
    }

    static Received text(String s) {
        return new Received(1, 1, false, s.getBytes(StandardCharsets.UTF_8), 0);
    }

    static Received binary(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new Received(1, 1, true, b, 0);
    }

    static String sent(MockAction a) {
        return new String(((MockAction.Send) a).payload(), StandardCharsets.UTF_8);
    }

    static MockEngine.Decision on(MockEngine e, Received m) {
        e.onOpen(1);
        return e.onMessage(1, m, MockEngine.FilterProbe.NONE);
    }

    @Test
    void everyKindOfConditionPicksItsRuleAndTheFirstMatchWins() throws Exception {
        MockEngine e = engine("""
                {"rules": [
                  {"when": {"text": "exactly"}, "reply": "r1"},
                  {"when": {"contains": "needle"}, "reply": "r2"},
                  {"when": {"regex": "^order (?<n>\\\\d+)$"}, "reply": "r3 {{n}}"},
                  {"when": {"json": {"$.type": "ping"}}, "reply": "r4"},
                  {"when": {"decoded": {"$.protocol": "json-rpc", "$.method": "sum"}}, "reply": "r5"},
                  {"when": {"binaryPrefix": "cafe"}, "reply": "r6"},
                  {"when": {"binary": true}, "reply": "r7"},
                  {"when": {"contains": "needle"}, "reply": "never: rule 2 comes first"}
                ]}""");
        e.onOpen(1);
        assertThat(rule(e, text("exactly"))).isEqualTo("1 r1");
        assertThat(rule(e, text("a needle here"))).isEqualTo("2 r2");
        assertThat(rule(e, text("order 42"))).isEqualTo("3 r3 42");
        assertThat(rule(e, text("{\"type\":\"ping\"}"))).isEqualTo("4 r4");
        assertThat(rule(e, text("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sum\",\"params\":[1,2]}")))
                .isEqualTo("5 r5");
        assertThat(rule(e, binary(0xca, 0xfe, 0x01))).isEqualTo("6 r6");
        assertThat(rule(e, binary(0x01))).isEqualTo("7 r7");
        assertThat(e.onMessage(1, text("nothing"), MockEngine.FilterProbe.NONE))
                .isEqualTo(new MockEngine.Decision(0, List.of()));
    }

    private static String rule(MockEngine e, Received m) {
        MockEngine.Decision d = e.onMessage(1, m, MockEngine.FilterProbe.NONE);
        return d.rule() + " " + sent(d.actions().get(0));
    }

    @Test
    void aFilterConditionAsksTheWireAboutTheFirstFrame() throws Exception {
        MockEngine e = engine("{\"rules\": [{\"when\": {\"filter\": \"text contains 'x'\"}, \"reply\": \"f\"}]}");
        e.onOpen(1);
        assertThat(e.onMessage(1, text("x"), (f, seq) -> seq == 1).rule()).isEqualTo(1);
        assertThat(e.onMessage(1, text("x"), (f, seq) -> false).rule()).isZero();
    }

    @Test
    void templatesTakeTheMessageTheClientAndTheBuiltIns() throws Exception {
        MockEngine e = engine("""
                {"variables": {"region": "eu"},
                 "rules": [{"when": {"json": {"$.type": "get"}}, "reply": [
                   {"json": {"id": "{{$.id}}", "name": "{{$.name}}", "who": "client {{client}} in {{region}}",
                             "n": "{{counter}}", "uuid": "{{uuid}}", "at": "{{now}}", "missing": "{{$.nope}}"}},
                   {"text": "second {{counter}} for {{$.name}} rule {{rule}}"}]}]}""");
        e.onOpen(3);
        MockEngine.Decision d = e.onMessage(3, text("{\"type\":\"get\",\"id\":7,\"name\":\"ann\"}"),
                MockEngine.FilterProbe.NONE);
        assertThat(sent(d.actions().get(0))).isEqualTo("{\"id\":7,\"name\":\"ann\",\"who\":\"client 3 in eu\","
                + "\"n\":\"1\",\"uuid\":\"00000000-0000-0000-0000-000000000007\",\"at\":\"2026-01-02T03:04:05.678Z\","
                + "\"missing\":null}");
        assertThat(sent(d.actions().get(1))).isEqualTo("second 2 for ann rule 1");
    }

    @Test
    void aReplyThatCannotBeMadeIsANoticeNotACrash() throws Exception {
        MockEngine e = engine("{\"rules\": [{\"reply\": {\"text\": \"{{unknown}}\"}}, {\"reply\": \"x\"}]}");
        MockEngine.Decision d = on(e, text("a"));
        assertThat(d.rule()).isEqualTo(1);
        assertThat(d.actions()).singleElement().isInstanceOf(MockAction.Notice.class);
        assertThat(((MockAction.Notice) d.actions().get(0)).message()).contains("unknown");
    }

    @Test
    void binaryAndFormatReplies() throws Exception {
        MockEngine e = engine("""
                {"rules": [{"reply": [{"hex": "de ad"}, {"base64": "AQI="},
                  {"format": "socket.io-event", "body": ["{{$.n}}"], "params": {"event": "ev{{$.n}}"}}]}]}""");
        MockEngine.Decision d = on(e, text("{\"n\":5}"));
        MockAction.Send hex = (MockAction.Send) d.actions().get(0);
        assertThat(hex.text()).isFalse();
        assertThat(hex.payload()).containsExactly(0xde, 0xad);
        assertThat(((MockAction.Send) d.actions().get(1)).payload()).containsExactly(1, 2);
        assertThat(sent(d.actions().get(2))).isEqualTo("42[\"ev5\",5]");
    }

    @Test
    void targetsDelaysEchoAndCloses() throws Exception {
        MockEngine e = engine("""
                {"echo": true, "rules": [
                  {"when": {"text": "all"}, "reply": [{"text": "to all", "to": "all", "delayMs": 20},
                     {"text": "to others", "to": "others"}], "echo": true, "close": {"code": 4000, "reason": "done"}}]}""");
        MockEngine.Decision d = on(e, text("all"));
        assertThat(d.actions()).hasSize(4);
        MockAction.Send all = (MockAction.Send) d.actions().get(0);
        assertThat(all.to()).isEqualTo(MockReply.Target.ALL);
        assertThat(all.delayMs()).isEqualTo(20);
        assertThat(((MockAction.Send) d.actions().get(1)).to()).isEqualTo(MockReply.Target.OTHERS);
        assertThat(sent(d.actions().get(2))).isEqualTo("all");
        assertThat(d.actions().get(3)).isEqualTo(new MockAction.Close(20, 4000, "done"));
        MockEngine.Decision echoed = e.onMessage(1, text("other"), MockEngine.FilterProbe.NONE);
        assertThat(echoed.rule()).isZero();
        assertThat(sent(echoed.actions().get(0))).isEqualTo("other");
    }

    @Test
    void onConnectAndCloseAfter() throws Exception {
        MockEngine e = engine("""
                {"onConnect": ["hello {{client}}"], "closeAfter": {"messages": 2, "seconds": 1.5, "code": 4001},
                 "echo": true}""");
        List<MockAction> open = e.onOpen(9);
        assertThat(sent(open.get(0))).isEqualTo("hello 9");
        assertThat(open.get(1)).isEqualTo(new MockAction.Close(1500, 4001, ""));
        assertThat(e.onMessage(9, text("1"), MockEngine.FilterProbe.NONE).actions()).hasSize(1);
        assertThat(e.onMessage(9, text("2"), MockEngine.FilterProbe.NONE).actions())
                .last().isEqualTo(new MockAction.Close(0, 4001, ""));
    }

    @Test
    void upgradeChecksAndSubprotocols() throws Exception {
        MockEngine e = engine("{\"subprotocols\": [\"b\", \"c\"],"
                + " \"upgrade\": {\"requireHeader\": \"X-Token\", \"value\": \"t\", \"status\": 403}}");
        assertThat(e.onUpgrade(Map.of(), List.of("b"))).isEqualTo(new MockEngine.Upgrade(403, null));
        assertThat(e.onUpgrade(Map.of("x-token", "wrong"), List.of())).isEqualTo(new MockEngine.Upgrade(403, null));
        assertThat(e.onUpgrade(Map.of("X-Token", "t"), List.of("a", "c", "b")))
                .isEqualTo(new MockEngine.Upgrade(null, "c"));
        assertThat(e.onUpgrade(Map.of("X-Token", "t"), List.of("a"))).isEqualTo(new MockEngine.Upgrade(null, null));
        assertThat(engine("{\"faults\": [{\"kind\": \"refuseUpgrade\", \"value\": 429}]}")
                .onUpgrade(Map.of(), List.of()).refuseStatus()).isEqualTo(429);
    }

    @Test
    void everyFaultShapesTheReply() throws Exception {
        MockAction.Send s = (MockAction.Send) only("""
                [{"kind": "split", "value": 3}, {"kind": "pings", "value": 2}, {"kind": "masked"},
                 {"kind": "delay", "value": 100}, {"kind": "oversized", "value": 70000}]""");
        assertThat(s.fragments()).isEqualTo(3);
        assertThat(s.pings()).isEqualTo(2);
        assertThat(s.masked()).isTrue();
        assertThat(s.delayMs()).isEqualTo(100);
        assertThat(s.oversizeTo()).isEqualTo(70000);
        assertThat(s.plain()).isFalse();
        MockAction.Send bad = (MockAction.Send) only("[{\"kind\": \"invalidUtf8\"}]");
        assertThat(bad.text()).isTrue();
        assertThat(bad.payload()).endsWith((byte) 0xC3, (byte) 0x28, (byte) 0xFF).startsWith('r');
        assertThat(actions("[{\"kind\": \"drop\"}]")).isEmpty();
        assertThat(only("[{\"kind\": \"tcpDrop\"}]")).isEqualTo(new MockAction.DropTcp(0));
        assertThat(only("[{\"kind\": \"close\", \"value\": 1013}]")).isEqualTo(new MockAction.Close(0, 1013, "fault"));
        List<MockAction> stop = actions("[{\"kind\": \"stopReading\", \"value\": 300}]");
        assertThat(stop.get(0)).isEqualTo(new MockAction.StopReading(0, 300));
        assertThat(stop.get(1)).isInstanceOf(MockAction.Send.class);
    }

    private static MockAction only(String ruleFaults) throws MockFormatException {
        List<MockAction> a = actions(ruleFaults);
        assertThat(a).hasSize(1);
        return a.get(0);
    }

    private static List<MockAction> actions(String ruleFaults) throws MockFormatException {
        return on(engine("{\"rules\": [{\"reply\": \"r\", \"faults\": " + ruleFaults + "}]}"), text("x")).actions();
    }

    @Test
    void serverFaultsApplyToEchoesToo() throws Exception {
        MockEngine e = engine("{\"echo\": true, \"faults\": [{\"kind\": \"split\", \"value\": 2}]}");
        assertThat(((MockAction.Send) on(e, text("abc")).actions().get(0)).fragments()).isEqualTo(2);
    }

    @Test
    void probabilitiesDrawFromTheSeededRandom() throws Exception {
        String json = "{\"echo\": true, \"faults\": [{\"kind\": \"drop\", \"probability\": 0.3},"
                + " {\"kind\": \"delay\", \"value\": 10, \"jitterMs\": 5}]}";
        MockEngine a = engine(json, 7);
        MockEngine b = engine(json, 7);
        a.onOpen(1);
        b.onOpen(1);
        int dropped = 0;
        StringBuilder ra = new StringBuilder();
        StringBuilder rb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            List<MockAction> x = a.onMessage(1, text("m"), MockEngine.FilterProbe.NONE).actions();
            List<MockAction> y = b.onMessage(1, text("m"), MockEngine.FilterProbe.NONE).actions();
            ra.append(x.isEmpty() ? "-" : x.get(0).delayMs());
            rb.append(y.isEmpty() ? "-" : y.get(0).delayMs());
            dropped += x.isEmpty() ? 1 : 0;
            x.forEach(s -> assertThat(s.delayMs()).isBetween(10L, 15L));
        }
        assertThat(ra.toString()).isEqualTo(rb.toString());
        assertThat(dropped).isBetween(240, 360);
    }

    @Test
    void timersTickPerClientOrForAll() throws Exception {
        MockEngine e = engine("{\"timers\": [{\"everyMs\": 10, \"send\": \"you {{client}} #{{counter}}\"},"
                + " {\"everyMs\": 20, \"send\": {\"text\": \"all #{{counter}}\", \"to\": \"all\"}}]}");
        e.onOpen(2);
        assertThat(e.perClient(0)).isTrue();
        assertThat(e.perClient(1)).isFalse();
        assertThat(sent(e.onTimer(0, 2).get(0))).isEqualTo("you 2 #1");
        assertThat(sent(e.onTimer(0, 2).get(0))).isEqualTo("you 2 #2");
        assertThat(sent(e.onTimer(1, 0).get(0))).isEqualTo("all #1");
        e.onClose(2);
        assertThat(e.onTimer(0, 2)).isEmpty();
    }
}
