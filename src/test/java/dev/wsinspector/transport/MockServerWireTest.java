package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileJson;
import dev.wsinspector.testutil.RawWebSocketClient;
import dev.wsinspector.testutil.RawWebSocketClient.WireRead;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The mock server's decisions as a raw client sees them on the wire: every rule kind's reply and every fault. */
@Timeout(20)
class MockServerWireTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private MockServer start(String json) throws Exception {
        MockProfile p = MockProfileJson.read("t.json", json.getBytes(StandardCharsets.UTF_8));
        MockServer server = MockServer.builder(new MockEngine(p, new Random(1), java.time.Clock.systemUTC(),
                java.util.UUID::randomUUID)).port(0).build();
        server.start();
        open.add(server);
        return server;
    }

    private RawWebSocketClient client(MockServer server) throws Exception {
        RawWebSocketClient c = RawWebSocketClient.upgraded(server.uri(), 5000);
        open.add(c);
        return c;
    }

    private static String text(WireRead f) {
        return new String(f.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void aRuleAnswersWithItsTemplateAndTheCaptureNamesTheRule() throws Exception {
        MockServer server = start("""
                {"rules": [{"when": {"json": {"$.type": "nope"}}, "reply": "never"},
                  {"when": {"json": {"$.type": "ping"}}, "reply": {"json": {"type": "pong", "id": "{{$.id}}"}}}]}""");
        RawWebSocketClient c = client(server);
        c.sendText("{\"type\":\"ping\",\"id\":7}", true);
        WireRead reply = c.readWireFrame();
        assertThat(reply.masked()).isFalse();
        assertThat(text(reply)).isEqualTo("{\"type\":\"pong\",\"id\":7}");
        MockCapture capture = server.clients().get(0);
        assertThat(capture.client()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> capture.frames().size() == 2);
        assertThat(capture.frames().direction(0)).isEqualTo(Direction.IN);
        assertThat(capture.frames().masked(0)).isTrue();
        assertThat(capture.frames().direction(1)).isEqualTo(Direction.OUT);
        assertThat(capture.ruleFor(0)).isEqualTo(2);
        assertThat(capture.session().opened()).isPresent();
    }

    @Test
    void binaryPrefixRegexCapturesAndEcho() throws Exception {
        MockServer server = start("""
                {"echo": true, "rules": [{"when": {"binaryPrefix": "cafe"}, "reply": {"hex": "01 02 03"}},
                  {"when": {"regex": "^buy (?<item>\\\\w+)"}, "reply": "bought {{item}}"}]}""");
        RawWebSocketClient c = client(server);
        c.write(RawWebSocketClient.frame(0x2, new byte[] {(byte) 0xca, (byte) 0xfe, 9}, true));
        WireRead bin = c.readWireFrame();
        assertThat(bin.opcode()).isEqualTo(2);
        assertThat(bin.payload()).containsExactly(1, 2, 3);
        c.sendText("buy milk", true);
        assertThat(text(c.readWireFrame())).isEqualTo("bought milk");
        c.sendText("unmatched", true);
        assertThat(text(c.readWireFrame())).isEqualTo("unmatched");
        MockCapture capture = server.clients().get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> capture.frames().size() == 6);
        assertThat(List.of(capture.ruleFor(0), capture.ruleFor(2), capture.ruleFor(4))).containsExactly(1, 2, 0);
    }

    @Test
    void splitIntoFragmentsWithPingsBetween() throws Exception {
        RawWebSocketClient c = client(start("{\"rules\": [{\"reply\": \"abcdef\", \"faults\": [{\"kind\": \"split\","
                + " \"value\": 3}, {\"kind\": \"pings\"}]}]}"));
        c.sendText("x", true);
        List<WireRead> frames = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            frames.add(c.readWireFrame());
        }
        assertThat(frames).extracting(WireRead::opcode).containsExactly(1, 9, 0, 9, 0);
        assertThat(frames).extracting(WireRead::fin).containsExactly(false, true, false, true, true);
        assertThat(text(frames.get(0)) + text(frames.get(2)) + text(frames.get(4))).isEqualTo("abcdef");
    }

    @Test
    void maskedInvalidUtf8AndOversizedFrames() throws Exception {
        RawWebSocketClient c = client(start("""
                {"rules": [{"when": {"text": "m"}, "reply": "secret", "faults": [{"kind": "masked"}]},
                  {"when": {"text": "u"}, "reply": "bad", "faults": [{"kind": "invalidUtf8"}]},
                  {"when": {"text": "o"}, "reply": "big", "faults": [{"kind": "oversized", "value": 70000}]},
                  {"when": {"text": "p"}, "reply": "after pings", "faults": [{"kind": "pings", "value": 2}]}]}"""));
        c.sendText("m", true);
        WireRead masked = c.readWireFrame();
        assertThat(masked.masked()).isTrue();
        assertThat(text(masked)).isEqualTo("secret");
        c.sendText("u", true);
        WireRead bad = c.readWireFrame();
        assertThat(bad.opcode()).isEqualTo(1);
        assertThat(bad.payload()).endsWith((byte) 0xC3, (byte) 0x28, (byte) 0xFF);
        c.sendText("o", true);
        WireRead big = c.readWireFrame();
        assertThat(big.payload()).hasSize(70000);
        assertThat(text(big)).startsWith("big ");
        c.sendText("p", true);
        assertThat(List.of(c.readWireFrame().opcode(), c.readWireFrame().opcode())).containsExactly(9, 9);
        assertThat(text(c.readWireFrame())).isEqualTo("after pings");
    }

    @Test
    void closeWithACodeAndAnAbruptTcpDrop() throws Exception {
        MockServer server = start("""
                {"rules": [{"when": {"text": "close"}, "reply": "x", "faults": [{"kind": "close", "value": 1013}]},
                  {"when": {"text": "drop"}, "reply": "x", "faults": [{"kind": "tcpDrop"}]},
                  {"when": {"text": "bye"}, "reply": "ok", "close": {"code": 4000, "reason": "done"}}]}""");
        RawWebSocketClient a = client(server);
        a.sendText("close", true);
        WireRead close = a.readWireFrame();
        assertThat(close.opcode()).isEqualTo(8);
        assertThat(((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff)).isEqualTo(1013);
        RawWebSocketClient b = client(server);
        b.sendText("drop", true);
        assertThat(b.readsEndOfStream()).isTrue();
        RawWebSocketClient d = client(server);
        d.sendText("bye", true);
        assertThat(text(d.readWireFrame())).isEqualTo("ok");
        WireRead bye = d.readWireFrame();
        assertThat(bye.opcode()).isEqualTo(8);
        assertThat(new String(bye.payload(), 2, bye.payload().length - 2, StandardCharsets.UTF_8)).isEqualTo("done");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.clients().get(1).session().closed().isPresent());
        assertThat(server.clients().get(1).session().closed().get().code()).isEqualTo(1006);
    }

    @Test
    void delayAndStopReading() throws Exception {
        RawWebSocketClient c = client(start("""
                {"rules": [{"when": {"text": "slow"}, "reply": {"text": "late", "delayMs": 300}},
                  {"when": {"text": "pause"}, "reply": "paused", "faults": [{"kind": "stopReading", "value": 400}]},
                  {"when": {"text": "after"}, "reply": "read again"}]}"""));
        long t0 = System.nanoTime();
        c.sendText("slow", true);
        assertThat(text(c.readWireFrame())).isEqualTo("late");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
        c.sendText("pause", true);
        assertThat(text(c.readWireFrame())).isEqualTo("paused");
        long t1 = System.nanoTime();
        c.sendText("after", true);
        assertThat(text(c.readWireFrame())).isEqualTo("read again");
        assertThat((System.nanoTime() - t1) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void upgradeRefusedWithTheStatusOrAcceptedWithTheSubprotocol() throws Exception {
        MockServer server = start("{\"subprotocols\": [\"v2\"], \"upgrade\": {\"requireHeader\": \"Authorization\","
                + " \"value\": \"Bearer t\", \"status\": 401}}");
        RawWebSocketClient no = RawWebSocketClient.connect(server.uri(), 5000);
        open.add(no);
        assertThat(no.upgrade("")).startsWith("HTTP/1.1 401 Unauthorized\r\n").doesNotContain("404");
        assertThat(no.readsEndOfStream()).isTrue();
        RawWebSocketClient yes = RawWebSocketClient.connect(server.uri(), 5000);
        open.add(yes);
        String head = yes.upgrade("Authorization: Bearer t\r\nSec-WebSocket-Protocol: v1, v2\r\n");
        assertThat(head).startsWith("HTTP/1.1 101").contains("Sec-WebSocket-Protocol: v2");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.clients().size() == 1);

        MockServer refusing = start("{\"faults\": [{\"kind\": \"refuseUpgrade\", \"value\": 429}]}");
        RawWebSocketClient r = RawWebSocketClient.connect(refusing.uri(), 5000);
        open.add(r);
        assertThat(r.upgrade("")).startsWith("HTTP/1.1 429 ");
    }

    @Test
    void broadcastToAllAndToOthers() throws Exception {
        MockServer server = start("""
                {"rules": [{"when": {"text": "all"}, "reply": {"text": "to all from {{client}}", "to": "all"}},
                  {"when": {"text": "others"}, "reply": {"text": "to others", "to": "others"}}]}""");
        RawWebSocketClient a = client(server);
        RawWebSocketClient b = client(server);
        await().atMost(Duration.ofSeconds(5)).until(() -> server.clients().size() == 2);
        a.sendText("all", true);
        assertThat(text(a.readWireFrame())).isEqualTo("to all from 1");
        assertThat(text(b.readWireFrame())).isEqualTo("to all from 1");
        b.sendText("others", true);
        assertThat(text(a.readWireFrame())).isEqualTo("to others");
        a.sendText("all", true);
        assertThat(text(b.readWireFrame())).isEqualTo("to all from 1"); // b got nothing from its own "others"
    }

    @Test
    void aTimerToAllPushesToEveryOpenClient() throws Exception {
        MockServer server = start("{\"timers\": [{\"everyMs\": 40, \"send\": {\"text\": \"news\", \"to\": \"all\"}}]}");
        RawWebSocketClient a = client(server);
        RawWebSocketClient b = client(server);
        assertThat(text(a.readWireFrame())).isEqualTo("news");
        assertThat(text(b.readWireFrame())).isEqualTo("news");
        assertThat(text(a.readWireFrame())).isEqualTo("news");
    }

    @Test
    void onConnectTimersAndCloseAfterMessages() throws Exception {
        MockServer server = start("""
                {"onConnect": ["welcome {{client}}"], "timers": [{"everyMs": 50, "send": "tick {{counter}}"}],
                 "closeAfter": {"messages": 1, "code": 4002}, "echo": true}""");
        RawWebSocketClient c = client(server);
        assertThat(text(c.readWireFrame())).isEqualTo("welcome 1");
        assertThat(text(c.readWireFrame())).isEqualTo("tick 2");
        assertThat(text(c.readWireFrame())).isEqualTo("tick 3");
        c.sendText("hi", true);
        WireRead f;
        do {
            f = c.readWireFrame();
        } while (f.opcode() != 8);
        assertThat(((f.payload()[0] & 0xff) << 8) | (f.payload()[1] & 0xff)).isEqualTo(4002);
    }

}
