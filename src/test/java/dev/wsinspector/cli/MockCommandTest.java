package dev.wsinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code mock FILE} against the app's own client ({@code connect}): the first line, the JSONL with client and rule. */
@Timeout(30)
class MockCommandTest {

    private static final Pattern FIRST_LINE = Pattern.compile("listening ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void repliesByRuleAndPrintsEachFrameWithClientAndRule() throws Exception {
        Path file = dir.resolve("api.json");
        Files.writeString(file, """
                {"name": "api", "echo": true, "onConnect": ["hello {{client}}"],
                 "rules": [{"when": {"json": {"$.type": "ping"}}, "reply": {"json": {"type": "pong", "id": "{{$.id}}"}}}]}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread server = new Thread(() -> exit.set(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "mock", file.toString(), "--port", "0")));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("\n"));
            String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            Matcher m = FIRST_LINE.matcher(first);
            assertThat(m.matches()).as(first).isTrue();
            CliRun client = CliRun.of("connect", "ws://127.0.0.1:" + m.group(1) + "/", "-s",
                    "{\"type\":\"ping\",\"id\":7}", "-s", "other", "-n", "3");
            assertThat(client.exitCode()).as(client.toString()).isEqualTo(ExitCodes.OK);
            assertThat(client.frames("in", "text")).extracting(n -> n.get("text").asText())
                    .containsExactly("hello 1", "{\"type\":\"pong\",\"id\":7}", "other");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines(out).stream()
                    .anyMatch(n -> "close".equals(n.path("type").asText())));
        } finally {
            server.interrupt();
            server.join(10_000);
        }
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = lines(out);
        assertThat(lines).allSatisfy(n -> assertThat(n.get("client").asInt()).isEqualTo(1));
        assertThat(lines.get(0).get("type").asText()).isEqualTo("open");
        List<JsonNode> frames = lines.stream().filter(n -> "frame".equals(n.get("type").asText())
                && "text".equals(n.get("opcode").asText())).toList();
        // Both messages may arrive in one read, before the first reply goes out: compare each direction.
        assertThat(frames).filteredOn(n -> n.get("dir").asText().equals("in"))
                .extracting(n -> n.get("text").asText() + " " + n.path("rule").asInt())
                .containsExactly("{\"type\":\"ping\",\"id\":7} 1", "other 0");
        assertThat(frames).filteredOn(n -> n.get("dir").asText().equals("out"))
                .extracting(n -> n.get("text").asText() + " " + n.has("rule"))
                .containsExactly("hello 1 false", "{\"type\":\"pong\",\"id\":7} false", "other false");
    }

    @Test
    void aBadFileIsAUsageErrorNamingFileLineAndColumn() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\n  \"rules\": [\n    {\"when\": {\"regex\": \"(\"}}\n  ]\n}\n");
        CliRun run = CliRun.of("mock", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith(file + ":3:").contains("regex does not compile").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
        CliRun missing = CliRun.of("mock", dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no such file");
    }

    private static List<JsonNode> lines(ByteArrayOutputStream out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().skip(1).toList()) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
