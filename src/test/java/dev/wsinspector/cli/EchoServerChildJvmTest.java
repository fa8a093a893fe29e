package dev.wsinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.app.Launcher;
import dev.wsinspector.testutil.RawWebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echo-server} as its own process with a 256 MiB heap, the way a user runs it: a client that sends a lot
 * and never reads must not stop it serving another client, and SIGTERM must still end it promptly. (It used to
 * run out of memory on that client's echoes, serve nobody after, and ignore SIGTERM.)
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EchoServerChildJvmTest {

    private static final Pattern LISTENING = Pattern.compile("listening (ws://127\\.0\\.0\\.1:\\d+/)");
    private static final int READ_TIMEOUT = 10_000;

    @TempDir
    Path dir;
    private Process child;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private URI startChild(String... options) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(), "echo-server", "--port", "0"));
        command.addAll(List.of(options));
        child = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).failFast(() -> !child.isAlive()).until(() -> LISTENING.matcher(out()).find());
        Matcher m = LISTENING.matcher(out());
        assertThat(m.find()).isTrue();
        return URI.create(m.group(1));
    }

    private String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    private String err() throws IOException {
        return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    }

    private static void assertEchoes(URI uri, String text) throws IOException {
        try (RawWebSocketClient client = RawWebSocketClient.upgraded(uri, READ_TIMEOUT)) {
            client.sendText(text, true);
            assertThat(client.readFrame().text()).isEqualTo(text);
        }
    }

    @Test
    void aClientThatNeverReadsIsClosedWhileOthersAreServedAndSigtermStillEndsTheProcess() throws Exception {
        URI uri = startChild("--max-queue", "4MiB");
        RawWebSocketClient served = RawWebSocketClient.upgraded(uri, READ_TIMEOUT);
        RawWebSocketClient flood = RawWebSocketClient.connect(uri, READ_TIMEOUT, 4096);
        assertThat(flood.upgrade("")).startsWith("HTTP/1.1 101");

        byte[] frame = RawWebSocketClient.frame(0x2, new byte[256 * 1024], true);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<IOException> cut = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 1024; i++) { // 256 MiB, the heap's size, at most
                    flood.write(frame);
                    sent.addAndGet(frame.length);
                }
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= 2 << 20);
        served.sendText("during the flood", true);
        assertThat(served.readFrame().text()).isEqualTo("during the flood");

        await().atMost(Duration.ofSeconds(20)).until(() -> err().contains("closed with 1008"));
        assertThat(cut.get(20, TimeUnit.SECONDS)).as("the flood's connection was ended").isNotNull();
        assertThat(sent.get()).isLessThan(256L << 20);
        assertEchoes(uri, "a new client after it");
        served.sendText("the old one too", true);
        assertThat(served.readFrame().text()).isEqualTo("the old one too");
        assertThat(err()).doesNotContain("OutOfMemoryError").contains("warning: client");

        long start = System.nanoTime();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(15);
        RawWebSocketClient.Frame bye = served.readFrame();
        assertThat(bye.closeCode()).as("clients were told it is going away").isEqualTo(1001);
        served.close();
        flood.close();
    }

    @Test
    void halfOpenHandshakesAreClosedOnTimeAndSigtermEndsTheProcess() throws Exception {
        URI uri = startChild("--handshake-timeout", "0.5", "--max-connections", "8");
        List<RawWebSocketClient> halfOpen = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                halfOpen.add(RawWebSocketClient.connect(uri, READ_TIMEOUT));
            }
            // All eight slots are taken by connections that never upgrade, until the timeout frees them.
            for (RawWebSocketClient c : halfOpen) {
                assertThat(c.readsEndOfStream()).isTrue();
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> err().contains("no complete upgrade request within 500 ms"));
            assertEchoes(uri, "served once they are gone");
        } finally {
            for (RawWebSocketClient c : halfOpen) {
                c.close();
            }
        }
        child.destroy();
        assertThat(child.waitFor(15, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    }
}
