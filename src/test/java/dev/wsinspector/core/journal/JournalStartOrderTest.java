package dev.wsinspector.core.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session starts by writing its journal's header (forced to disk) before the summary that names it, so a
 * crash in between never leaves a {@code session.json} over a journal without a header; and a folder left in
 * that state by an older version, or a disk that lost the header, is listed as an empty session that ended
 * abruptly, not as unreadable.
 */
@Timeout(60)
class JournalStartOrderTest {

    @TempDir
    Path data;

    @AfterEach
    void noHooksLeft() {
        SessionCatalog.beforeSummaryForTests = null;
    }

    private SessionCatalog catalog() {
        return new SessionCatalog(data, new SessionCatalog.Settings(Duration.ofSeconds(1),
                SessionCatalog.Settings.DEFAULT_BUDGET));
    }

    @Test
    void theJournalHeaderIsCompleteBeforeTheSummaryIsWritten() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        // The moment before session.json is written: what a crash right then leaves behind.
        SessionCatalog.beforeSummaryForTests = dir -> {
            Path journal = dir.resolve(JournalFormat.JOURNAL_FILE);
            try (StoredJournal j = StoredJournal.open(journal, false)) {
                seen.set("journal " + Files.size(journal) + " bytes, " + j.frameCount() + " frames, summary "
                        + Files.exists(dir.resolve(SessionCatalog.META_FILE)));
            } catch (Exception e) {
                seen.set("journal unreadable: " + e.getMessage());
            }
        };
        try (SessionCatalog catalog = catalog()) {
            Recording rec = catalog.record("ordered", "", "ws://x/", null);
            assertThat(seen.get()).isEqualTo("journal " + JournalFormat.FILE_HEADER_LENGTH + " bytes, 0 frames,"
                    + " summary false");
            rec.close();
        }
    }

    /** A session folder as a crash between summary and header left it: the summary says running, no lock held. */
    private Path tornStart(String id, byte[] journal) throws Exception {
        Path dir = data.resolve(SessionCatalog.DIRECTORY).resolve(id);
        Files.createDirectories(dir);
        Files.write(dir.resolve(JournalFormat.JOURNAL_FILE), journal);
        Files.createFile(dir.resolve(SessionCatalog.LOCK_FILE));
        Files.write(dir.resolve(SessionCatalog.META_FILE), new SessionMeta(id, id, "", "ws://x/", 1_700_000_000_000_000L,
                0, false, "", 0, 0, 0, 0, false).toFile());
        return dir;
    }

    @Test
    void aSummaryOverAJournalWithoutItsHeaderIsAnEmptySessionThatEndedAbruptly() throws Exception {
        ByteBuffer header = JournalFormat.fileHeader(1_700_000_000_000_000L);
        byte[] whole = new byte[header.remaining()];
        header.get(whole);
        Path empty = tornStart("20261203-000000-0001", new byte[0]);
        Path half = tornStart("20261203-000000-0002", Arrays.copyOf(whole, 13));
        try (SessionCatalog catalog = catalog()) {
            for (String id : new String[] {"20261203-000000-0001", "20261203-000000-0002"}) {
                SessionMeta meta = catalog.find(id);
                assertThat(meta.endedAbruptly()).as(id).isTrue();
                assertThat(meta.how()).as(id).isEqualTo("ended abruptly");
                assertThat(meta.framesIn() + meta.framesOut()).isZero();
                assertThat(meta.endedMicros()).isEqualTo(meta.startedMicros());
                try (SessionCatalog.Opened opened = catalog.open(meta)) {
                    assertThat(opened.session().frames().size()).isZero();
                    assertThat(opened.problems()).isEmpty();
                }
            }
            // Repaired once, and the summary says so: the next listing has nothing left to recover.
            for (Path dir : new Path[] {empty, half}) {
                assertThat(Files.size(dir.resolve(JournalFormat.JOURNAL_FILE))).isEqualTo(JournalFormat.FILE_HEADER_LENGTH);
                SessionMeta saved = SessionMeta.fromFile(Files.readAllBytes(dir.resolve(SessionCatalog.META_FILE)));
                assertThat(saved.endedAbruptly()).isTrue();
            }
        }
    }

    @Test
    void aShortJournalThatIsNoTornHeaderIsLeftAloneAndListedAsUnreadable() throws Exception {
        Path dir = tornStart("20261203-000000-0003", "not a journal".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (SessionCatalog catalog = catalog()) {
            SessionMeta meta = catalog.find("20261203-000000-0003");
            assertThat(meta.how()).startsWith("unreadable");
        }
        assertThat(Files.readString(dir.resolve(JournalFormat.JOURNAL_FILE))).isEqualTo("not a journal");
    }
}
