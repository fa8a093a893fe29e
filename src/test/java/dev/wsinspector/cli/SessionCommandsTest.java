package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.app.Launcher;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** connect --save, sessions, show, export, and what a killed or terminated run leaves behind. */
@Timeout(120)
class SessionCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private TestEchoServer echo;

    @BeforeEach
    void start() throws Exception {
        echo = TestEchoServer.launch();
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
    }

    @Test
    void aSavedRunIsListedShownAndExported() throws Exception {
        String url = echo.uri().toString();
        CliRun run = CliRun.of("connect", url, "-s", "hello", "-s", "world", "-n", "2", "--save=demo",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("saved");

        CliRun sessions = CliRun.of("sessions", "--json", "--data-dir", data.toString());
        assertThat(sessions.exitCode()).isZero();
        JsonNode s = sessions.lines().get(0);
        assertThat(s.path("name").asText()).isEqualTo("demo");
        assertThat(s.path("url").asText()).isEqualTo(url);
        assertThat(s.path("endedAbruptly").asBoolean()).isFalse();
        assertThat(s.path("framesIn").asLong()).isEqualTo(run.frames("in", "text").size() + run.frames("in", "close").size());
        assertThat(s.path("framesOut").asLong()).isEqualTo(run.frames("out", "text").size() + run.frames("out", "close").size());
        assertThat(s.path("bytesIn").asLong()).isPositive();
        for (String field : List.of("id", "started", "ended", "bytesOut")) {
            assertThat(s.has(field)).as(field).isTrue();
        }

        // show prints what connect printed, frame for frame.
        CliRun shown = CliRun.of("show", "demo", "--data-dir", data.toString());
        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.ofType("frame")).extracting(n -> n.path("text").asText() + n.path("dir").asText() + n.path("seq"))
                .containsExactlyElementsOf(run.ofType("frame").stream()
                        .map(n -> n.path("text").asText() + n.path("dir").asText() + n.path("seq")).toList());
        assertThat(shown.ofType("open")).hasSize(1);
        assertThat(shown.ofType("close")).hasSize(1);
        CliRun part = CliRun.of("show", s.path("id").asText().substring(0, 17), "--from", "1", "--count", "2",
                "--data-dir", data.toString());
        assertThat(part.ofType("frame")).extracting(n -> n.path("seq").asLong()).containsExactly(1L, 2L);

        Path har = data.resolve("out.har");
        Path jsonl = data.resolve("out.jsonl");
        assertThat(CliRun.of("export", "demo", har.toString(), "--data-dir", data.toString()).exitCode()).isZero();
        assertThat(CliRun.of("export", "demo", jsonl.toString(), "--data-dir", data.toString()).exitCode()).isZero();
        JsonNode messages = JSON.readTree(har.toFile()).path("log").path("entries").get(0).path("_webSocketMessages");
        assertThat(messages.findValuesAsText("data")).contains("hello", "world");
        assertThat(Files.readAllLines(jsonl)).hasSize(shown.lines().size());
        Path pcapng = data.resolve("out.pcapng");
        assertThat(CliRun.of("export", "demo", pcapng.toString(), "--data-dir", data.toString()).exitCode()).isZero();
        byte[] head = Files.readAllBytes(pcapng);
        assertThat(head).startsWith((byte) 0x0A, (byte) 0x0D, (byte) 0x0D, (byte) 0x0A); // Section Header Block
        assertThat(new String(head, StandardCharsets.ISO_8859_1)).contains("hello", "world"); // server frames: unmasked

        CliRun missing = CliRun.of("show", "nope", "--data-dir", data.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.err()).contains("no session 'nope'").doesNotContain("Exception");
        CliRun badFormat = CliRun.of("export", "demo", data.resolve("x.txt").toString(), "--data-dir", data.toString());
        assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void showFromTheMiddleOfAFragmentedTextMessageStillPrintsItsTextAndExportKeepsItWhole() throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(false, 0x1, "Hel");
            peer.sendFrame(0x89, new byte[0]);   // a ping between fragments
            peer.sendText(false, 0x0, "lo, ");
            peer.sendText(true, 0x0, "world");
            peer.sendFrame(0x82, new byte[] {(byte) 0xFF});
            peer.echoCloseWhenItComes();
        })) {
            CliRun run = CliRun.of("connect", server.uri("/frag").toString(), "-n", "4", "--save=frag",
                    "--data-dir", data.toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
        }
        CliRun all = CliRun.of("show", "frag", "--data-dir", data.toString());
        List<JsonNode> in = all.ofType("frame").stream().filter(n -> n.path("dir").asText().equals("in")).toList();
        assertThat(in).extracting(n -> n.path("opcode").asText())
                .startsWith("text", "ping", "continuation", "continuation", "binary");
        long from = in.get(2).path("seq").asLong();
        long to = in.get(3).path("seq").asLong();

        // The range starts after the message's first frame; the lines still say text, not base64.
        CliRun part = CliRun.of("show", "frag", "--from", Long.toString(from), "--count", Long.toString(to - from + 1),
                "--data-dir", data.toString());
        List<JsonNode> continued = part.ofType("frame").stream().filter(n -> n.path("dir").asText().equals("in")).toList();
        assertThat(continued).extracting(n -> n.path("text").asText(null)).containsExactly("lo, ", "world");
        assertThat(continued).allSatisfy(n -> assertThat(n.has("base64")).isFalse());

        Path har = data.resolve("frag.har");
        assertThat(CliRun.of("export", "frag", har.toString(), "--data-dir", data.toString()).exitCode()).isZero();
        JsonNode messages = JSON.readTree(har.toFile()).path("log").path("entries").get(0).path("_webSocketMessages");
        assertThat(messages.findValuesAsText("data")).contains("Hello, world");
    }

    @Test
    void recordNeverTruncatesAnExistingFileWhenTheConnectionFails() throws Exception {
        Path file = data.resolve("previous.har");
        Files.writeString(file, "{\"the\":\"previous capture\"}");
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:1/refused", "--record", file.toString(),
                "--connect-timeout", "5", "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        // The failed run's capture (only its error) replaces nothing until it is complete; it is complete,
        // so the file now holds that run — but never a half-written file, and no temp file is left.
        assertThat(JSON.readTree(file.toFile()).path("log").isObject()).isTrue();
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void recordIntoAMissingDirectoryKeepsTheExistingFileAndFailsFast() throws Exception {
        CliRun run = CliRun.of("connect", echo.uri().toString(), "-n", "1", "--record",
                data.resolve("no/such/dir/x.jsonl").toString(), "--data-dir", data.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("cannot write").doesNotContain("Exception");
    }

    /** A server that floods numbered text frames until the client goes away; counts what it sent. */
    private static RawWebSocketServer flood(AtomicLong sent, CompletableFuture<Integer> closeCode) throws IOException {
        return new RawWebSocketServer(peer -> {
            peer.upgrade();
            Thread reader = new Thread(() -> {
                try {
                    RawWebSocketServer.ClientFrame f;
                    do {
                        f = peer.readFrame();
                    } while (f.opcode() != 8);
                    closeCode.complete(f.closeCode());
                    peer.sendClose(f.closeCode(), "");
                } catch (Exception e) {
                    closeCode.complete(-1);
                }
            });
            reader.setDaemon(true);
            reader.start();
            try {
                for (long i = 0; i < 50_000_000 && !closeCode.isDone(); i++) {
                    peer.sendText(true, 1, "n=" + i);
                    sent.incrementAndGet();
                    if ((i & 1023) == 1023) {
                        Thread.onSpinWait();
                    }
                }
            } catch (SocketException gone) {
                // the client was killed
            }
        });
    }

    private Process child(String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-Xmx128m", "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("child.log").toFile()).start();
    }

    @Test
    void killMinus9MidCaptureLosesAtMostTheLastSecond() throws Exception {
        AtomicLong sent = new AtomicLong();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        try (RawWebSocketServer server = flood(sent, closeCode)) {
            Process p = child("connect", server.uri("/flood").toString(), "--save=crash", "--quiet",
                    "--data-dir", data.toString());
            SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults());
            // Wait until the running session reported (at a flush) a good number of frames on disk.
            AtomicLong flushed = new AtomicLong();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).failFast(() -> !p.isAlive()).until(() -> {
                List<SessionMeta> list = catalog.list();
                if (!list.isEmpty()) {
                    flushed.set(list.get(0).framesIn());
                }
                return flushed.get() >= 50_000;
            });
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

            SessionMeta meta = catalog.find("crash");
            assertThat(meta.endedAbruptly()).isTrue();
            assertThat(meta.framesIn()).isGreaterThanOrEqualTo(flushed.get()).isLessThanOrEqualTo(sent.get());
            try (SessionCatalog.Opened opened = catalog.open(meta)) {
                var frames = opened.session().frames();
                assertThat(frames.size()).isEqualTo(meta.framesIn() + meta.framesOut());
                for (long seq = 0; seq < frames.size(); seq += Math.max(1, frames.size() / 5000)) {
                    assertThat(new String(frames.get(seq).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("n=" + seq);
                }
                long last = frames.size() - 1;
                assertThat(new String(frames.get(last).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("n=" + last);
            }
            // The command line sees the same numbers and can still export it.
            CliRun list = CliRun.of("sessions", "--json", "--data-dir", data.toString());
            assertThat(list.lines().get(0).path("framesIn").asLong()).isEqualTo(meta.framesIn());
            assertThat(list.lines().get(0).path("endedAbruptly").asBoolean()).isTrue();
            Path out = data.resolve("crash.jsonl");
            assertThat(CliRun.of("export", "crash", out.toString(), "--data-dir", data.toString()).exitCode()).isZero();
        }
    }

    @Test
    void sigtermClosesWithGoingAwayAndCompletesTheJournal() throws Exception {
        AtomicLong sent = new AtomicLong();
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        try (RawWebSocketServer server = flood(sent, closeCode)) {
            Path har = data.resolve("term.har");
            Process p = child("connect", server.uri("/term").toString(), "--save=term", "--quiet", "--record",
                    har.toString(), "--data-dir", data.toString());
            SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).failFast(() -> !p.isAlive())
                    .until(() -> !catalog.list().isEmpty() && catalog.list().get(0).framesIn() > 10_000);
            p.destroy(); // SIGTERM
            assertThat(closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1001);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            SessionMeta meta = catalog.find("term");
            assertThat(meta.endedAbruptly()).as(Files.readString(data.resolve("child.log"))).isFalse();
            assertThat(meta.how()).contains("1001");
            JsonNode entry = JSON.readTree(har.toFile()).path("log").path("entries").get(0);
            assertThat(entry.path("_webSocketMessages").size()).isGreaterThan(10_000);
        }
    }
}
