package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interrupted readers and writers, a lock probed inside this JVM, a session that cannot be recovered: the journal
 * stays readable, the session completes, and the others are still listed.
 */
@Timeout(120)
class JournalConcurrencyTest {

    @TempDir
    Path data;

    private SessionCatalog catalog(Duration flush, long budget) {
        return new SessionCatalog(data, new SessionCatalog.Settings(flush, budget));
    }

    private static void text(Session s, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        s.frames().append(Direction.IN, WireHeader.of(0x81, false, 0, p.length), false,
                s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    /** Runs {@code read} on a thread whose interrupt flag is set (a BackgroundTasks job cancelled with cancel(true)). */
    private static void readOnInterruptedThread(Runnable read) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                read.run();
            } catch (RuntimeException expected) {
                // the cancelled job may fail; what matters is what it leaves behind for the others
            } finally {
                done.complete(null);
            }
        }, "cancelled-search");
        t.start();
        done.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aCancelledReaderDoesNotMakeAStoredSessionUnreadableForEveryoneElse() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("stored", "", "ws://x/", null);
            for (int i = 0; i < 3000; i++) {
                text(rec.session(), "m" + i);
            }
            rec.close();
            try (SessionCatalog.Opened opened = catalog.open(catalog.find("stored"))) {
                FrameStore frames = opened.session().frames();
                // Find runs in the background and is cancelled (Esc, or a new search) while it reads the journal.
                readOnInterruptedThread(() -> frames.readPayload(2500, 0, new byte[16], 0, 16));
                // The timeline / detail pane on another thread then reads another frame of the same session.
                assertThat(new String(frames.get(10).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("m10");
            }
        }
    }

    @Test
    void aCancelledReaderDoesNotMakeTheReleasedFramesOfALiveSessionUnreadable() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofMillis(50), 8L << 20)) {
            Recording rec = catalog.record("", "", "ws://x/", null);
            Session s = rec.session();
            byte[] p = new byte[1000];
            for (int i = 0; i < 40_000; i++) {
                p[0] = (byte) i;
                s.frames().append(Direction.IN, WireHeader.of(0x82, false, 0, p.length), false,
                        s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
            }
            SegmentedFrameStore store = (SegmentedFrameStore) s.frames();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.releasedBelow() > 5000);
            readOnInterruptedThread(() -> store.readPayload(4000, 0, new byte[16], 0, 16));
            assertThat(store.get(7).payloadBytes()[0]).isEqualTo((byte) 7);
            rec.close();
        }
    }

    @Test
    void closingARecordingFromAnInterruptedThreadStillCompletesTheSession() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = catalog.record("cli", "", "ws://x/", null);
            for (int i = 0; i < 100; i++) {
                text(rec.session(), "m" + i);
            }
            // ConnectRun.loop re-sets the interrupt flag on InterruptedException and then calls finishSession.
            readOnInterruptedThread(rec::close);
            assertThat(rec.problem()).isNull();
            SessionMeta meta = SessionMeta.fromFile(Files.readAllBytes(rec.directory().resolve("session.json")));
            assertThat(meta.running()).isFalse();
            assertThat(meta.framesIn()).isEqualTo(100);
        }
    }

    @Test
    void probingTheLockOfASessionRecordedByAnotherCatalogOfThisProcessKeepsItLocked() throws Exception {
        Path probe = data.resolve("Probe.java");
        Files.writeString(probe, """
                import java.nio.channels.*; import java.nio.file.*;
                public class Probe { public static void main(String[] a) throws Exception {
                  try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE)) {
                    System.out.print(c.tryLock() == null ? "held" : "free"); } } }
                """);
        try (SessionCatalog writer = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording rec = writer.record("live", "", "ws://x/", null);
            Path lock = rec.directory().resolve("lock");
            assertThat(probeFromAnotherProcess(probe, lock)).isEqualTo("held");
            // A second catalog of the same data directory in this JVM lists the sessions (the comment in
            // heldByAnotherProcess names this case): it sees "running", probes the lock and closes its channel...
            SessionCatalog other = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET);
            assertThat(other.find("live").running()).isTrue();
            // ...and on POSIX closing any descriptor of the file drops every fcntl lock this process holds on it:
            // another process (a CLI `sessions` run) now takes the live session for a crashed one and repairs it.
            assertThat(probeFromAnotherProcess(probe, lock)).isEqualTo("held");
            rec.close();
        }
    }

    private static String probeFromAnotherProcess(Path probe, Path lock) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, probe.toString(), lock.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    @Test
    void aSessionThatCannotBeRecoveredIsListedAsUnreadableAndTheOthersStillAre() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1), SessionCatalog.Settings.DEFAULT_BUDGET)) {
            Recording good = catalog.record("good", "", "ws://x/", null);
            text(good.session(), "kept");
            good.close();
            // A folder whose journal cannot be opened at all (here: a directory where the file should be), with a
            // summary that says running and no lock: listing tries to recover it.
            Path broken = data.resolve(SessionCatalog.DIRECTORY).resolve("20261203-000000-dead");
            Files.createDirectories(broken.resolve(JournalFormat.JOURNAL_FILE));
            Files.write(broken.resolve("session.json"), new SessionMeta("20261203-000000-dead", "broken", "", "ws://y/",
                    1, 0, false, "", 0, 0, 0, 0, false).toFile());

            var listed = catalog.list();
            assertThat(listed).extracting(SessionMeta::id).contains("20261203-000000-dead", good.id());
            assertThat(listed.stream().filter(m -> m.id().equals("20261203-000000-dead")).findFirst().orElseThrow()
                    .how()).startsWith("unreadable");
            assertThat(catalog.find("good").framesIn()).isEqualTo(1);
        }
    }
}
