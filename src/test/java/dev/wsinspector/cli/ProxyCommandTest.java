package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ws-inspector proxy}: the listening line, both legs as JSON lines, --drop-*, failures upstream. */
@Timeout(40)
class ProxyCommandTest {

    private static final Pattern FIRST_LINE = Pattern.compile("listening (ws://127\\.0\\.0\\.1:\\d+/)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private Thread proxyThread;

    /** Starts {@code proxy ARGS} in this JVM; returns the address it listens on. */
    private String start(String... args) {
        List<String> all = new ArrayList<>(List.of("proxy"));
        all.addAll(List.of(args));
        proxyThread = new Thread(() -> exit.set(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new))));
        proxyThread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("\n"));
        String first = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        Matcher m = FIRST_LINE.matcher(first);
        assertThat(m.matches()).as("first line '%s'", first).isTrue();
        return m.group(1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (proxyThread != null) {
            proxyThread.interrupt();
            proxyThread.join(10_000);
            assertThat(proxyThread.isAlive()).isFalse();
            assertThat(exit.get()).isEqualTo(ExitCodes.OK);
        }
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        List<String> text = out.toString(StandardCharsets.UTF_8).lines().skip(1).toList();
        for (String line : text) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    private List<JsonNode> frames(String leg, String dir) throws Exception {
        return lines().stream().filter(n -> n.path("type").asText().equals("frame")
                && n.path("leg").asText().equals(leg) && n.path("dir").asText().equals(dir)).toList();
    }

    @Test
    void bothLegsArePrintedAsConnectPrintsThemWithLegClientAndPairs() throws Exception {
        try (TestEchoServer echo = TestEchoServer.launch()) {
            String address = start("--listen", "0", echo.uri().toString());
            CliRun client = CliRun.of("connect", address, "-s", "through the proxy", "-n", "1");
            assertThat(client.exitCode()).as(client.toString()).isEqualTo(ExitCodes.OK);
            assertThat(client.frames("in", "text").get(0).get("text").asText()).isEqualTo("through the proxy");

            await().atMost(Duration.ofSeconds(10)).until(() -> frames("client", "out").size() >= 2); // echo + close
            JsonNode fromClient = frames("client", "in").get(0);
            assertThat(fromClient.get("text").asText()).isEqualTo("through the proxy");
            assertThat(fromClient.get("client").asInt()).isEqualTo(1);
            assertThat(fromClient.get("masked").asBoolean()).isTrue();
            JsonNode toServer = frames("server", "out").get(0);
            assertThat(toServer.get("text").asText()).isEqualTo("through the proxy");
            assertThat(toServer.get("pairSeq").asLong()).isEqualTo(fromClient.get("seq").asLong());
            assertThat(frames("server", "in").get(0).get("text").asText()).isEqualTo("through the proxy");
            assertThat(frames("client", "out").get(0).get("text").asText()).isEqualTo("through the proxy");
            List<JsonNode> opens = lines().stream().filter(n -> n.path("type").asText().equals("open")).toList();
            assertThat(opens).extracting(n -> n.get("leg").asText()).containsExactlyInAnyOrder("client", "server");
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("client 1 connected from 127.0.0.1:")
                    .doesNotContain("warning");
        }
    }

    @Test
    void dropToServerDropsMatchingMessages() throws Exception {
        try (TestEchoServer echo = TestEchoServer.launch()) {
            String address = start("--listen", "0", "--drop-to-server", "/^drop/", echo.uri().toString());
            CliRun client = CliRun.of("connect", address, "-s", "drop me", "-s", "keep me", "-n", "1");
            assertThat(client.exitCode()).as(client.toString()).isEqualTo(ExitCodes.OK);
            assertThat(client.frames("in", "text")).extracting(n -> n.get("text").asText()).containsExactly("keep me");
            await().atMost(Duration.ofSeconds(10)).until(() -> err.toString(StandardCharsets.UTF_8).contains("dropped:"));
            assertThat(frames("client", "in")).extracting(n -> n.path("text").asText()).contains("drop me", "keep me");
            assertThat(frames("server", "out")).extracting(n -> n.path("text").asText()).doesNotContain("drop me");
        }
    }

    @Test
    void anUnreachableUpstreamIsOneLineAndTheClientIsRefused502() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String address = start("--listen", "0", "ws://127.0.0.1:" + closedPort + "/");
        CliRun client = CliRun.of("connect", address, "-s", "x", "--connect-timeout", "5");
        assertThat(client.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(client.err() + client.out()).contains("502");
        await().atMost(Duration.ofSeconds(10)).until(() -> err.toString(StandardCharsets.UTF_8)
                .contains("error: client 1: Connection refused by 127.0.0.1:" + closedPort));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("\tat ");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines().stream().anyMatch(n -> n.path("type").asText()
                .equals("error") && n.path("leg").asText().equals("server")));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(CliRun.of("proxy", "--listen", "0", "http://example.org/").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("proxy", "ws://example.org/").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun bad = CliRun.of("proxy", "--listen", "0", "--drop-to-client", "size>", "ws://example.org/");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--drop-");
        assertThat(CliRun.of("proxy", "--listen", "0", "--request-header", "no colon", "ws://example.org/").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
