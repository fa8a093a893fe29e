package dev.wsinspector.cli;

import dev.wsinspector.app.Launcher;
import dev.wsinspector.testutil.RawWebSocketClient;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code proxy} as its own process: SIGTERM closes the proxied client with 1001 and ends the process promptly. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProxyChildJvmTest {

    private static final Pattern LISTENING = Pattern.compile("listening (ws://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;
    private Process child;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void sigtermClosesTheClientsWith1001AndEndsTheProcess() throws Exception {
        try (TestEchoServer echo = TestEchoServer.launch()) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            child = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName(), "proxy", "--listen", "0", echo.uri().toString()))
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            await().atMost(Duration.ofSeconds(30)).failFast(() -> !child.isAlive()).until(() -> LISTENING.matcher(out()).find());
            Matcher m = LISTENING.matcher(out());
            assertThat(m.find()).isTrue();
            try (RawWebSocketClient client = RawWebSocketClient.upgraded(URI.create(m.group(1)), 10_000)) {
                client.sendText("before the signal", true);
                assertThat(client.readFrame().text()).isEqualTo("before the signal");
                long start = System.nanoTime();
                child.destroy(); // SIGTERM
                RawWebSocketClient.Frame close = client.readFrame();
                assertThat(close.opcode()).isEqualTo(0x8);
                assertThat(close.closeCode()).isEqualTo(1001);
                assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
            }
            assertThat(out()).contains("\"leg\":\"client\"").contains("before the signal");
            assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)).doesNotContain("Exception");
        }
    }
}
