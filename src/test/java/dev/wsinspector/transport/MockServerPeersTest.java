package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileJson;
import dev.wsinspector.testutil.NodePeer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mock server against a real third-party client, npm's {@code ws} (src/test/peers/mock-client.js): every rule
 * kind answers, and every fault is what {@code ws} reports on the wire.
 */
@Timeout(60)
class MockServerPeersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROFILE = """
            {"subprotocols": ["orders.v1"], "onConnect": ["hello {{client}}"], "echo": true,
             "rules": [
               {"when": {"text": "exact"}, "reply": "r1"},
               {"when": {"contains": "needle"}, "reply": "r2"},
               {"when": {"regex": "^buy (?<item>\\\\w+)$"}, "reply": "bought {{item}}"},
               {"when": {"json": {"$.type": "ping"}}, "reply": {"json": {"type": "pong", "id": "{{$.id}}"}}},
               {"when": {"decoded": {"$.protocol": "json-rpc", "$.method": "sum"}},
                "reply": {"json": {"jsonrpc": "2.0", "id": "{{$.id}}", "result": 3}}},
               {"when": {"binaryPrefix": "cafe"}, "reply": {"hex": "0102"}},
               {"when": {"filter": "dir:in and /^filter(ed)?$/"}, "reply": "by filter"},
               {"when": {"text": "split"}, "reply": "abcdef", "faults": [{"kind": "split", "value": 3}, {"kind": "pings"}]},
               {"when": {"text": "masked"}, "reply": "m", "faults": [{"kind": "masked"}]},
               {"when": {"text": "utf8"}, "reply": "u", "faults": [{"kind": "invalidUtf8"}]},
               {"when": {"text": "big"}, "reply": "b", "faults": [{"kind": "oversized", "value": 70000}]},
               {"when": {"text": "drop"}, "reply": "d", "faults": [{"kind": "tcpDrop"}]},
               {"when": {"text": "close"}, "reply": "c", "faults": [{"kind": "close", "value": 1013}]},
               {"when": {"text": "silent"}, "reply": "never", "faults": [{"kind": "drop"}]},
               {"when": {"text": "later"}, "reply": {"text": "late", "delayMs": 200}},
               {"when": {"text": "pause"}, "reply": "paused", "faults": [{"kind": "stopReading", "value": 500}]},
               {"when": {"text": "after"}, "reply": {"text": "read again"}}
             ]}""";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private String start(String json) throws Exception {
        MockProfile p = MockProfileJson.read("t.json", json.getBytes(StandardCharsets.UTF_8));
        MockServer server = MockServer.builder(MockEngine.of(p)).port(0).build();
        server.start();
        open.add(server);
        return server.uri().toString();
    }

    /** Runs the ws client with CONFIG and returns its lines. */
    private static List<JsonNode> ws(String url, String config) throws Exception {
        if (!Files.isDirectory(NodePeer.DIR.resolve("node_modules"))) {
            String message = "src/test/peers/node_modules is missing: run npm ci --prefix src/test/peers";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Process p = new ProcessBuilder("node", "mock-client.js", url, config).directory(NodePeer.DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static List<String> events(List<JsonNode> lines) {
        return lines.stream().map(n -> n.get("event").asText() + (n.has("text") ? " " + n.get("text").asText()
                : n.has("hex") ? " hex:" + n.get("hex").asText() : n.has("code") && n.get("code").isInt()
                ? " " + n.get("code").asInt() : n.has("code") && n.get("code").isTextual() ? " " + n.get("code").asText()
                : n.has("status") ? " " + n.get("status").asInt() : "")).toList();
    }

    @Test
    void everyRuleKindAnswersTheWsClient() throws Exception {
        String url = start(PROFILE);
        List<JsonNode> lines = ws(url, """
                {"protocols": ["x", "orders.v1"], "expect": 9, "send": [{"text": "exact"}, {"text": "a needle"},
                 {"text": "buy tea"}, {"text": "{\\"type\\":\\"ping\\",\\"id\\":5}"},
                 {"text": "{\\"jsonrpc\\":\\"2.0\\",\\"id\\":9,\\"method\\":\\"sum\\",\\"params\\":[1,2]}"},
                 {"hex": "cafe01"}, {"text": "filtered"}, {"text": "unmatched"}]}""");
        assertThat(lines.get(0).get("protocol").asText()).isEqualTo("orders.v1");
        assertThat(events(lines)).containsSubsequence("message hello 1", "message r1", "message r2",
                "message bought tea", "message {\"type\":\"pong\",\"id\":5}",
                "message {\"jsonrpc\":\"2.0\",\"id\":9,\"result\":3}", "message hex:0102", "message by filter",
                "message unmatched", "close 1000");
    }

    @Test
    void faultsAsTheWsClientReportsThem() throws Exception {
        String url = start(PROFILE);
        assertThat(events(ws(url, "{\"expect\": 2, \"send\": [{\"text\": \"split\"}]}")))
                .containsSubsequence("message hello 1", "ping", "ping", "message abcdef", "close 1000");
        // ws fails the connection itself (it sends the close code and drops the socket): its error names the rule.
        assertThat(events(ws(url, "{\"send\": [{\"text\": \"masked\"}]}"))).contains("error WS_ERR_UNEXPECTED_MASK");
        assertThat(events(ws(url, "{\"send\": [{\"text\": \"utf8\"}]}"))).contains("error WS_ERR_INVALID_UTF8");
        assertThat(events(ws(url, "{\"maxPayload\": 65536, \"send\": [{\"text\": \"big\"}]}")))
                .contains("error WS_ERR_UNSUPPORTED_MESSAGE_LENGTH");
        assertThat(events(ws(url, "{\"send\": [{\"text\": \"drop\"}]}"))).contains("close 1006")
                .noneMatch(e -> e.equals("message d"));
        assertThat(events(ws(url, "{\"send\": [{\"text\": \"close\"}]}"))).contains("close 1013");
        assertThat(events(ws(url, "{\"expect\": 2, \"send\": [{\"text\": \"silent\"}, {\"text\": \"later\"}]}")))
                .containsSubsequence("message hello 7", "message late", "close 1000").doesNotContain("message never");
    }

    @Test
    void stopReadingHoldsTheNextReplyBack() throws Exception {
        String url = start(PROFILE);
        List<JsonNode> lines = ws(url, "{\"expect\": 3, \"send\": [{\"text\": \"pause\"},"
                + " {\"text\": \"after\", \"after\": \"paused\"}]}");
        assertThat(events(lines)).containsSubsequence("message paused", "message read again", "close 1000");
        long paused = lines.stream().filter(n -> "paused".equals(n.path("text").asText())).findFirst().orElseThrow()
                .get("ms").asLong();
        long again = lines.stream().filter(n -> "read again".equals(n.path("text").asText())).findFirst()
                .orElseThrow().get("ms").asLong();
        assertThat(again - paused).as("the server read nothing for 500 ms").isGreaterThanOrEqualTo(450);
    }

    @Test
    void upgradeRefusalsAsTheWsClientSeesThem() throws Exception {
        String url = start("{\"upgrade\": {\"requireHeader\": \"Authorization\", \"value\": \"Bearer t\", \"status\": 401},"
                + " \"echo\": true}");
        assertThat(events(ws(url, "{}"))).contains("unexpected-response 401");
        assertThat(events(ws(url, "{\"headers\": {\"Authorization\": \"Bearer t\"}, \"expect\": 1,"
                + " \"send\": [{\"text\": \"in\"}]}"))).containsSubsequence("open", "message in", "close 1000");
        String refusing = start("{\"faults\": [{\"kind\": \"refuseUpgrade\", \"value\": 503}]}");
        assertThat(events(ws(refusing, "{}"))).contains("unexpected-response 503");
    }
}
