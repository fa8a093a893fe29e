package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a recording ends: what it leaves in memory (an ended session is outside the memory budget, so it keeps
 * next to nothing) and what its {@code session.json} says when the journal failed on the way.
 */
@Timeout(120)
class JournalEndTest {

    @TempDir
    Path data;

    private SessionCatalog catalog(Duration flush) {
        return new SessionCatalog(data, new SessionCatalog.Settings(flush, SessionCatalog.Settings.DEFAULT_BUDGET));
    }

    private static void binary(Session s, int i, int length) {
        byte[] p = new byte[length];
        p[0] = (byte) i;
        p[length - 1] = (byte) (i >> 8);
        s.frames().append(Direction.IN, WireHeader.of(0x82, false, 0, p.length), false,
                s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    private static void text(Session s, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        s.frames().append(Direction.IN, WireHeader.of(0x81, false, 0, p.length), false,
                s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    @Test
    void anEndedRecordingGivesItsJournaledFramesBackToTheBudgetAndStillShowsThemAll() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1))) {
            Recording rec = catalog.record("ended", "", "ws://x/", null);
            Session s = rec.session();
            SegmentedFrameStore store = (SegmentedFrameStore) s.frames();
            int n = 24_000; // 24 MB of payload: well under the budget's share, so nothing was released while live
            for (int i = 0; i < n; i++) {
                binary(s, i, 1000);
            }
            s.onEvent(new ConnectionEvent.Closed(s.frames().clock().epochMicrosAt(s.frames().clock().nanoTime()),
                    n, 1000, "", true, true));
            assertThat(store.retainedBytes()).isGreaterThan(20L << 20);
            // The connection ended: the tab completes the session and keeps showing it. The session no longer
            // counts in the budget, so it must not keep its share: what is journaled leaves memory.
            rec.close();
            assertThat(store.retainedBytes()).as("heap kept by an ended session").isLessThan(6L << 20);
            assertThat(store.releasedBelow()).isPositive();
            assertThat(store.size()).isEqualTo(n);
            for (int i = 0; i < n; i += 499) {
                byte[] back = store.get(i).payloadBytes();
                assertThat(back[0]).isEqualTo((byte) i);
                assertThat(back[999]).isEqualTo((byte) (i >> 8));
            }
            assertThat(catalog.find("ended").framesIn()).isEqualTo(n);
        }
    }

    @Test
    void framesThatArriveAfterTheRecordingEndedAreNotKeptOutsideTheBudget() throws Exception {
        try (SessionCatalog catalog = catalog(Duration.ofSeconds(1))) {
            Recording rec = catalog.record("aborted", "", "ws://x/", null);
            Session s = rec.session();
            for (int i = 0; i < 100; i++) {
                binary(s, i, 1000);
            }
            // The tab was closed (disconnectNow): the recording completes while the aborted connection's read
            // thread still delivers what was in its buffers.
            rec.close();
            SegmentedFrameStore store = (SegmentedFrameStore) s.frames();
            long retained = store.retainedBytes();
            for (int i = 0; i < 20_000; i++) {
                binary(s, i, 1000);
            }
            assertThat(store.size()).as("frames the journal will never hold").isEqualTo(100);
            assertThat(store.retainedBytes()).isLessThanOrEqualTo(retained);
            assertThat(store.framesRefused()).isEqualTo(20_000);
            SessionMeta meta = catalog.find("aborted");
            assertThat(meta.framesIn()).isEqualTo(store.size());
        }
    }

    @Test
    void afterAJournalFailureTheSummaryCountsWhatIsOnDiskAndSaysTheJournalIsIncomplete() throws Exception {
        AtomicReference<String> told = new AtomicReference<>();
        Path journal = data.resolve("full.wsj");
        FileChannel file = FileChannel.open(journal, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        JournalSink full = FillingDisk.after(file, 4096);
        try (SessionCatalog catalog = catalog(Duration.ofMillis(20))) {
            Recording rec = catalog.record("full", "ws://x/", full, told::set);
            Session s = rec.session();
            for (int i = 0; i < 20; i++) {
                text(s, "early " + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> rec.framesJournaled() == 20);
            for (int i = 0; i < 2000; i++) {
                text(s, "late frame number " + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> told.get() != null);
            s.onEvent(new ConnectionEvent.Closed(s.frames().clock().epochMicrosAt(s.frames().clock().nanoTime()),
                    s.frames().size(), 1000, "", true, true));
            rec.close();

            SessionMeta meta = catalog.find("full");
            try (StoredJournal j = StoredJournal.open(journal, false)) {
                assertThat(meta.framesIn()).as("frames in session.json").isEqualTo(j.framesIn());
                assertThat(meta.bytesIn()).isEqualTo(j.bytesIn());
                assertThat(meta.framesOut()).isEqualTo(j.framesOut());
                assertThat(meta.how()).contains("journal incomplete").contains("No space left on device")
                        .contains(j.frameCount() + " of 2020 frames").contains("closed 1000");
            }
            assertThat(meta.endedAbruptly()).isFalse();
            assertThat(meta.running()).isFalse();
        }
    }
}
