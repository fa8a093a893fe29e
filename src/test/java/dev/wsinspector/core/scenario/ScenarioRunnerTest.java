package dev.wsinspector.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.testutil.ScriptedReplyServer;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each step kind passing and failing for the right reason, against the project's echo server and a scripted
 * server on loopback; every wait is bounded by the step's own small timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ScenarioRunnerTest {

    private static EchoServer echo;
    private static URI echoUri;
    private static ScriptedReplyServer scripted;

    @BeforeAll
    static void start() throws Exception {
        echo = EchoServer.builder().build();
        echoUri = echo.start();
        scripted = new ScriptedReplyServer();
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        scripted.close();
    }

    static ScenarioResult run(URI uri, String steps) throws Exception {
        return run("{\"schemaVersion\":1,\"connection\":{\"url\":\"" + uri + "\"},\"timeoutMs\":400,"
                + "\"variables\":{\"who\":\"ada\"},\"steps\":[" + steps + "]}");
    }

    static ScenarioResult run(String json) throws Exception {
        Scenario s = ScenarioReader.parse("t.json", json, false);
        return new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory()).run(s,
                new ScenarioRunner.Listener() { });
    }

    @Test
    void sendAndExpectText() throws Exception {
        ScenarioResult ok = run(echoUri, "{\"send\":\"hi {{who}}\"},{\"expect\":\"hi ada\"}");
        assertThat(ok.passed()).as(ok.summary()).isTrue();
        assertThat(ok.steps().get(1).seqs()).hasSize(1);
        assertThat(ok.steps().get(0).seqs()).hasSize(1);

        ScenarioResult bad = run(echoUri, "{\"send\":\"hi\"},{\"expect\":\"ho\"},{\"send\":\"never\"}");
        assertThat(bad.passed()).isFalse();
        assertThat(bad.failure().id()).isEqualTo("2");
        assertThat(bad.failure().reason()).contains("within 400 ms").contains("last seen: #")
                .contains("\"hi\"").contains("text is not \"ho\"");
        assertThat(bad.notRun()).isEqualTo(1);
    }

    @Test
    void sendInAComposerFormat() throws Exception {
        // MessagePack from JSON, echoed: the decoder reads it back; JSON-RPC calls count their ids per connection.
        ScenarioResult ok = run(echoUri, """
                {"send": {"format": "msgpack", "body": {"op": "hi", "who": "{{who}}"}}},
                {"expect": {"binary": true, "decoded": {"$.protocol": "msgpack", "$.value.who": "ada"}}},
                {"send": {"format": "json-rpc", "body": "[1, 2]", "params": {"method": "add"}}},
                {"send": {"format": "json-rpc", "body": "[3]", "params": {"method": "neg"}}},
                {"expect": {"json": {"$.method": "add", "$.id": 1}}},
                {"expect": {"json": {"$.method": "neg", "$.id": 2}}}""");
        assertThat(ok.passed()).as(ok.summary()).isTrue();

        ScenarioResult bad = run(echoUri, "{\"send\": {\"format\": \"msgpack\", \"body\": \"{not json\"}}");
        assertThat(bad.passed()).isFalse();
        assertThat(bad.failure().reason()).startsWith("cannot send it: ");
    }

    @Test
    void regexContainsAndJsonPathsWithCaptures() throws Exception {
        ScenarioResult ok = run(scripted.uri(), """
                {"send":"req 7"},
                {"expect":{"json":{"$.type":"reply","n":7.0},"regex":"\\"id\\":\\"(?<rid>[0-9a-f-]{36})"},
                 "capture":{"when":"$.at"}},
                {"send":"echo {{rid}} {{when}}"},
                {"expect":{"contains":"{{rid}}","regex":"^[0-9a-f-]{36} \\\\d{4}-"}}""");
        assertThat(ok.passed()).as(ok.summary()).isTrue();

        ScenarioResult bad = run(scripted.uri(), "{\"send\":\"req 7\"},{\"expect\":{\"json\":{\"$.n\":8}}}");
        assertThat(bad.failure().reason()).contains("$.n is 7, not 8");
        ScenarioResult missing = run(scripted.uri(),
                "{\"send\":\"req 7\"},{\"expect\":{\"json\":{\"$.n\":7}},\"capture\":{\"x\":\"$.nope\"}}");
        assertThat(missing.failure().reason()).contains("cannot capture x: $.nope is not in #");
    }

    @Test
    void schemaDecodedAndFilterMatchers() throws Exception {
        ScenarioResult ok = run(scripted.uri(), """
                {"send":"req 1"},
                {"expect":{"schema":{"type":"object","required":["id","n"],"properties":{"n":{"type":"integer"}}},
                           "filter":"$.type == \\"reply\\""}},
                {"send":"echo 42[\\"chat\\",{\\"a\\":1}]"},
                {"expect":{"decoded":{"$.protocol":"socket.io","$.event":"chat"}}}""");
        assertThat(ok.passed()).as(ok.summary()).isTrue();

        ScenarioResult badSchema = run(scripted.uri(), "{\"send\":\"req 1\"},"
                + "{\"expect\":{\"schema\":{\"properties\":{\"n\":{\"type\":\"string\"}}}}}");
        assertThat(badSchema.failure().reason()).contains("schema: $.n: expected type \"string\" but was number");
        ScenarioResult badFilter = run(scripted.uri(), "{\"send\":\"req 1\"},"
                + "{\"expect\":{\"filter\":\"$.type == \\\"other\\\"\"}}");
        assertThat(badFilter.failure().reason()).contains("filter $.type == \"other\" does not match");
        ScenarioResult badDecoded = run(scripted.uri(), "{\"send\":\"echo plain\"},"
                + "{\"expect\":{\"decoded\":{\"$.event\":\"chat\"}}}");
        assertThat(badDecoded.failure().reason()).contains("no protocol decoder reads it");
    }

    @Test
    void anyOrderAndExpectNo() throws Exception {
        ScenarioResult ok = run(scripted.uri(), """
                {"send":"two"},{"expectNo":"c","forMs":100},{"anyOrder":[{"text":"a"},{"text":"b"}]}""");
        assertThat(ok.passed()).as(ok.summary()).isTrue();
        assertThat(ok.steps().get(2).seqs()).hasSize(2);

        ScenarioResult inOrder = run(scripted.uri(), "{\"send\":\"two\"},{\"expect\":\"a\"},{\"expect\":\"b\",\"timeoutMs\":150}");
        assertThat(inOrder.failure().id()).isEqualTo("3"); // "b" was passed over to get to "a"
        ScenarioResult seen = run(scripted.uri(), "{\"send\":\"two\"},{\"expectNo\":{\"text\":\"a\"},\"forMs\":300}");
        assertThat(seen.failure().reason()).contains("\"a\" matched");
        ScenarioResult notAll = run(scripted.uri(), "{\"send\":\"two\"},{\"anyOrder\":[{\"text\":\"a\"},{\"text\":\"z\"}],"
                + "\"timeoutMs\":150}");
        assertThat(notAll.failure().reason()).contains("no message matched text \"z\" within 150 ms");
    }

    @Test
    void captureWaitRepeatAndLatency() throws Exception {
        ScenarioResult ok = run(scripted.uri(), """
                {"repeat":3,"as":"i","steps":[{"send":"req {{i}}"},{"expect":{"json":{"$.n":"{{i}}"}}}]},
                {"capture":{"last":"$.n"}},{"wait":20},{"send":"echo {{last}}"},{"expect":"3"},{"latency":1000}""");
        assertThat(ok.passed()).as(ok.summary()).isTrue();
        assertThat(ok.steps()).extracting(StepResult::id).startsWith("1.1#1", "1.2#1", "1.1#2");

        ScenarioResult stringVsNumber = run(scripted.uri(), "{\"send\":\"req 1\"},{\"expect\":{\"json\":{\"$.n\":\"1\"}}}");
        assertThat(stringVsNumber.passed()).as("a string never equals a number").isFalse();
        ScenarioResult noMatch = run(scripted.uri(), "{\"capture\":{\"x\":\"$.n\"}}");
        assertThat(noMatch.failure().reason()).contains("no message was matched");
        ScenarioResult slow = run(scripted.uri(), "{\"send\":\"req 1\"},{\"wait\":60},{\"expect\":{}},{\"latency\":0}");
        assertThat(slow.failure().kind()).isEqualTo("latency");
        assertThat(slow.failure().reason()).contains("more than 0 ms");
        ScenarioResult failedInRepeat = run(scripted.uri(),
                "{\"repeat\":5,\"steps\":[{\"send\":\"silent\"},{\"expect\":{},\"timeoutMs\":100}]},{\"send\":\"x\"}");
        assertThat(failedInRepeat.failure().id()).isEqualTo("1.2#1");
        assertThat(failedInRepeat.notRun()).isEqualTo(4 * 2 + 1);
    }

    @Test
    void pingPongAndClose() throws Exception {
        ScenarioResult ok = run(echoUri, "{\"ping\":\"p1\"},{\"expectPong\":\"p1\"},{\"close\":{\"code\":1000}},"
                + "{\"expectClose\":1000}");
        assertThat(ok.passed()).as(ok.summary()).isTrue();
        ScenarioResult wrongPong = run(echoUri, "{\"ping\":\"p1\"},{\"expectPong\":\"p2\",\"timeoutMs\":200}");
        assertThat(wrongPong.failure().reason()).contains("no pong with \"p2\"").contains("pongs seen: #");
        ScenarioResult serverCloses = run(scripted.uri(), "{\"send\":\"bye\"},{\"expectClose\":4001}");
        assertThat(serverCloses.passed()).as(serverCloses.summary()).isTrue();
        ScenarioResult otherCode = run(scripted.uri(), "{\"send\":\"bye\"},{\"expectClose\":1000}");
        assertThat(otherCode.failure().reason()).contains("closed with 4001, not 1000");
        ScenarioResult noClose = run(scripted.uri(), "{\"expectClose\":{},\"timeoutMs\":150}");
        assertThat(noClose.failure().reason()).contains("no close from the server within 150 ms");
        ScenarioResult afterClose = run(scripted.uri(), "{\"send\":\"bye\"},{\"expectClose\":4001},"
                + "{\"expect\":{},\"timeoutMs\":3000}");
        assertThat(afterClose.failure().reason()).contains("the connection ended");
        assertThat(afterClose.failure().millis()).isLessThan(2500);
    }

    @Test
    void twoConnectionsByName() throws Exception {
        ScenarioResult ok = run("{\"schemaVersion\":1,\"timeoutMs\":500,\"connections\":{\"a\":{\"url\":\"" + echoUri
                + "\"},\"b\":{\"url\":\"" + scripted.uri() + "\"}},\"steps\":[{\"send\":\"req 5\",\"on\":\"b\"},"
                + "{\"expect\":{\"json\":{\"$.n\":5}},\"capture\":{\"id\":\"$.id\"},\"on\":\"b\"},"
                + "{\"send\":\"{{id}}\",\"on\":\"a\"},{\"expect\":\"{{id}}\",\"on\":\"a\"},"
                + "{\"expectNo\":{},\"forMs\":50,\"on\":\"b\"}]}");
        assertThat(ok.passed()).as(ok.summary()).isTrue();
        assertThat(ok.sessions()).containsOnlyKeys("a", "b");
        assertThat(ok.steps()).extracting(StepResult::connection).containsExactly("b", "b", "a", "a", "b");
    }

    @Test
    void aConnectionThatDoesNotOpenFailsTheScenarioWithTheReason() throws Exception {
        ScenarioResult r;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + closed.getLocalPort() + "/");
            closed.close();
            r = run(uri, "{\"send\":\"x\"}");
        }
        assertThat(r.passed()).isFalse();
        assertThat(r.error()).startsWith("connection main to ws://127.0.0.1:").contains("did not open");
        assertThat(r.notRun()).isEqualTo(1);
    }
}
