package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.testutil.RawWebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "replyTo"/"latencyMs" on reply lines of connect and show, the pairing terms of --filter, and stats, against a
 * scripted JSON-RPC server that answers out of order, twice once, and never for one call.
 */
@Timeout(60)
class PairingCliTest {

    @TempDir
    Path data;

    private static String call(int id, String method) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":[1,2],\"id\":" + id + "}";
    }

    private static String result(int id) {
        return "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":" + id + "}";
    }

    /** Reads three calls, answers 2, then 1 twice; 3 stays unanswered. */
    private static RawWebSocketServer rpcServer() throws Exception {
        return new RawWebSocketServer(peer -> {
            peer.upgrade();
            for (int i = 0; i < 3; i++) {
                peer.readFrame();
            }
            peer.sendText(true, 0x1, result(2));
            peer.sendText(true, 0x1, result(1));
            peer.sendText(true, 0x1, result(1));
            peer.echoCloseWhenItComes();
        });
    }

    private CliRun connect(RawWebSocketServer server, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("connect", server.uri("/rpc").toString(),
                "-s", call(1, "add"), "-s", call(2, "sub"), "-s", call(3, "mul"), "-n", "3", "--data-dir", data.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode seqOf(List<JsonNode> frames, String dir, String text) {
        return frames.stream().filter(f -> f.path("dir").asText().equals(dir) && f.path("text").asText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no " + dir + " " + text + " in " + frames));
    }

    @Test
    void connectAndShowPutReplyToAndLatencyOnReplies() throws Exception {
        CliRun run;
        try (RawWebSocketServer server = rpcServer()) {
            run = connect(server, "--save=rpc");
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> frames = run.ofType("frame");
        long one = seqOf(frames, "out", call(1, "add")).get("seq").asLong();
        long two = seqOf(frames, "out", call(2, "sub")).get("seq").asLong();
        List<JsonNode> replies = frames.stream().filter(f -> f.path("dir").asText().equals("in")
                && f.path("opcode").asText().equals("text")).toList();
        assertThat(replies).hasSize(3);
        assertThat(replies.get(0).get("replyTo").asLong()).isEqualTo(two);
        assertThat(replies.get(1).get("replyTo").asLong()).isEqualTo(one);
        assertThat(replies.get(0).get("latencyMs").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(replies.get(1).get("latencyMs").isNumber()).isTrue();
        assertThat(replies.get(2).get("replyTo").asLong()).isEqualTo(one);
        assertThat(replies.get(2).has("latencyMs")).isFalse();
        assertThat(replies.get(2).get("duplicate").asBoolean()).isTrue();
        assertThat(frames.stream().filter(f -> f.path("dir").asText().equals("out"))).allMatch(f -> !f.has("replyTo"));

        CliRun shown = CliRun.of("show", "rpc", "--data-dir", data.toString());
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        List<JsonNode> shownReplies = shown.ofType("frame").stream().filter(f -> f.has("replyTo")).toList();
        assertThat(shownReplies).extracting(f -> f.get("replyTo").asLong()).containsExactly(two, one, one);
        assertThat(shownReplies.get(0).get("latencyMs").asDouble()).isEqualTo(replies.get(0).get("latencyMs").asDouble());

        CliRun unanswered = CliRun.of("show", "rpc", "--filter", "unanswered", "--data-dir", data.toString());
        assertThat(unanswered.exitCode()).as(unanswered.toString()).isZero();
        assertThat(unanswered.ofType("frame")).extracting(f -> f.get("text").asText()).containsExactly(call(3, "mul"));
        CliRun slow = CliRun.of("show", "rpc", "--filter", "latency>=0ms", "--data-dir", data.toString());
        assertThat(slow.ofType("frame")).extracting(f -> f.get("replyTo").asLong()).containsExactly(two, one);
        CliRun none = CliRun.of("show", "rpc", "--filter", "latency>1h", "--data-dir", data.toString());
        assertThat(none.ofType("frame")).isEmpty();
    }

    @Test
    void connectFilterUnansweredPrintsTheRequestOnceItIsDecided() throws Exception {
        CliRun run;
        try (RawWebSocketServer server = rpcServer()) {
            run = connect(server, "--filter", "unanswered or latency>=0ms");
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<JsonNode> frames = run.ofType("frame");
        assertThat(frames).extracting(f -> f.path("dir").asText() + " " + f.path("text").asText())
                .containsExactly("in " + result(2), "in " + result(1), "out " + call(3, "mul"));
    }

    @Test
    void statsPrintsATableAndJson() throws Exception {
        try (RawWebSocketServer server = rpcServer()) {
            CliRun run = connect(server, "--save=s", "-q");
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        CliRun text = CliRun.of("stats", "s", "--data-dir", data.toString());
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("frames/s", "p95 ms").containsPattern("(?m)^out\\s+text\\s+3\\s")
                .containsPattern("(?m)^in\\s+text\\s+3\\s").containsPattern("(?m)^add\\s+1\\s+1\\s+0\\s+1\\s")
                .containsPattern("(?m)^mul\\s+1\\s+0\\s+1\\s+0\\s+-");

        CliRun json = CliRun.of("stats", "s", "--json", "--data-dir", data.toString());
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.lines()).hasSize(1);
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("type").asText()).isEqualTo("stats");
        JsonNode outText = null;
        for (JsonNode g : root.get("groups")) {
            if (g.get("dir").asText().equals("out") && g.get("opcode").asText().equals("text")) {
                outText = g;
            }
        }
        assertThat(outText).isNotNull();
        assertThat(outText.get("frames").asLong()).isEqualTo(3);
        assertThat(outText.get("size").get("max").asDouble()).isEqualTo(call(1, "add").length());
        assertThat(root.get("latencyMs").get("in").get("count").asLong()).isEqualTo(2);
        assertThat(root.get("methods")).extracting(m -> m.get("method").asText() + " " + m.get("replies").asLong()
                + " " + m.get("unanswered").asLong()).containsExactly("add 1 0", "sub 1 0", "mul 0 1");
    }

    @Test
    void aProfilesPairingSettingPairsByItsJsonPaths() throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.readFrame();
            peer.readFrame();
            peer.sendText(true, 0x1, "{\"replyTo\":\"b\",\"ok\":1}");
            peer.sendText(true, 0x1, "{\"replyTo\":\"a\",\"ok\":1}");
            peer.echoCloseWhenItComes();
        })) {
            java.nio.file.Files.createDirectories(data.resolve("profiles"));
            java.nio.file.Files.writeString(data.resolve("profiles").resolve("app.json"), """
                    {"schemaVersion":1,"name":"app","url":"%s",
                     "pairing":{"request":"$.id","reply":"$.replyTo","method":"$.op","timeoutSeconds":5}}
                    """.formatted(server.uri("/app")));
            CliRun run = CliRun.of("connect", "--profile", "app", "-s", "{\"op\":\"quote\",\"id\":\"a\"}",
                    "-s", "{\"op\":\"order\",\"id\":\"b\"}", "-n", "2", "--save=app", "--data-dir", data.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<JsonNode> replies = run.frames("in", "text");
            long a = seqOf(run.ofType("frame"), "out", "{\"op\":\"quote\",\"id\":\"a\"}").get("seq").asLong();
            assertThat(replies).extracting(f -> f.get("replyTo").asLong()).containsExactly(a + 1, a);
        }
        // stats takes the paths on its command line (a stored session does not remember the profile's).
        CliRun stats = CliRun.of("stats", "app", "--json", "--pair-request", "$.id", "--pair-reply", "$.replyTo",
                "--pair-method", "$.op", "--data-dir", data.toString());
        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(new ObjectMapper().readTree(stats.out()).get("methods")).extracting(m -> m.get("method").asText())
                .containsExactly("quote", "order");
    }

    @Test
    void errorsAreClear() {
        CliRun missing = CliRun.of("stats", "nope", "--data-dir", data.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("no session 'nope'").doesNotContain("Exception");
        CliRun badPath = CliRun.of("show", "x", "--pair-request", "id", "--pair-reply", "$.id", "--data-dir", data.toString());
        assertThat(badPath.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPath.err()).contains("--pair-request: at 1: a JSON path starts with '$'");
        CliRun alone = CliRun.of("connect", "ws://127.0.0.1:1/", "--pair-request", "$.id");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(alone.err()).contains("--pair-request and --pair-reply go together");
    }
}
