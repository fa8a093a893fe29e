package dev.wsinspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Timeout(30)
class EchoServerCommandTest {

    private static final Pattern FIRST_LINE = Pattern.compile("listening ws://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void firstLineTellsWhereToConnectAndTheServerEchoesUntilStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serverThread = new Thread(() -> exit.set(Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "echo-server", "--port", "0")));
        serverThread.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> out.toString(StandardCharsets.UTF_8).contains("\n"));
            String firstLine = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            Matcher m = FIRST_LINE.matcher(firstLine);
            assertThat(m.matches()).as("first line '%s'", firstLine).isTrue();
            assertThat(Integer.parseInt(m.group(1))).isPositive();

            CliRun client = CliRun.of("connect", "ws://127.0.0.1:" + m.group(1) + "/", "-s", "ping?", "-n", "1");
            assertThat(client.exitCode()).as(client.toString()).isEqualTo(ExitCodes.OK);
            assertThat(client.frames("in", "text").get(0).get("text").asText()).isEqualTo("ping?");
        } finally {
            serverThread.interrupt();
            serverThread.join(10_000);
        }
        assertThat(serverThread.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("echo-server", "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
    }
}
