package dev.wsinspector.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void helpDocumentsTheLimits() {
        CliRun run = CliRun.of("echo-server", "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--max-queue", "1008", "--handshake-timeout", "--max-header", "431",
                "--max-connections", "503", "1002");
    }

    @Test
    void sizesAreReadAsPeopleWriteThem() {
        ByteSize size = new ByteSize();
        assertThat(size.convert("1048576")).isEqualTo(1L << 20);
        assertThat(size.convert("64KiB")).isEqualTo(64L << 10);
        assertThat(size.convert("16mib")).isEqualTo(16L << 20);
        assertThat(size.convert("2G")).isEqualTo(2L << 30);
        for (String bad : new String[] {"", "x", "-1", "1.5MiB", "12XB", "99999999999999999999"}) {
            assertThatThrownBy(() -> size.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class);
        }
    }

    @Test
    void badLimitsAreUsageErrors() {
        for (String[] args : new String[][] {{"--max-queue", "0"}, {"--max-queue", "lots"},
                {"--handshake-timeout", "0"}, {"--max-header", "10"}, {"--max-connections", "0"}}) {
            CliRun run = CliRun.of("echo-server", args[0], args[1]);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void portOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("echo-server", "--port", "70000");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).isEmpty();
    }
}
