package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.SessionRecorder.Recorded;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A listing that races a recording's clean end, and a catalog closed while sessions start: a session that ended
 * cleanly is never taken for a crashed one, and no recording outlives its catalog unfinished.
 */
@Timeout(120)
class SessionCatalogRaceTest {

    @TempDir
    Path data;

    @AfterEach
    void noHooksLeft() {
        SessionCatalog.afterSummaryReadForTests = null;
    }

    private SessionCatalog catalog() {
        return new SessionCatalog(data, new SessionCatalog.Settings(Duration.ofMillis(100),
                SessionCatalog.Settings.DEFAULT_BUDGET));
    }

    private static void text(Session s, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        s.frames().append(Direction.IN, WireHeader.of(0x81, false, 0, p.length), false,
                s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    private static SessionMeta onDisk(Recording r) throws Exception {
        return SessionMeta.fromFile(Files.readAllBytes(r.directory().resolve(SessionCatalog.META_FILE)));
    }

    @Test
    void aListingThatReadTheSummaryJustBeforeACleanCloseDoesNotMarkTheSessionEndedAbruptly() throws Exception {
        try (SessionCatalog writer = catalog()) {
            Recording rec = writer.record("race", "", "ws://x/", null);
            for (int i = 0; i < 10; i++) {
                text(rec.session(), "m" + i);
            }
            // Another lister of the same data directory (the CLI's `sessions` beside the app, or a second catalog in
            // this JVM) has just read "running" from session.json when the recording ends cleanly, before it looks
            // at the lock.
            SessionCatalog reader = catalog();
            SessionCatalog.afterSummaryReadForTests = dir -> {
                if (dir.getFileName().equals(rec.directory().getFileName())) {
                    rec.close();
                }
            };
            List<SessionMeta> listed = reader.list();
            SessionCatalog.afterSummaryReadForTests = null;

            assertThat(onDisk(rec).endedAbruptly()).as("session.json after the listing").isFalse();
            assertThat(onDisk(rec).how()).isEqualTo("stopped");
            assertThat(onDisk(rec).framesIn()).isEqualTo(10);
            assertThat(listed).singleElement().satisfies(m -> assertThat(m.endedAbruptly()).isFalse());
            assertThat(reader.find("race").how()).isEqualTo("stopped");
        }
    }

    @Test
    void listingWhileSessionsStartAndEndNeverMarksACleanOneEndedAbruptly() throws Exception {
        try (SessionCatalog writer = catalog()) {
            SessionCatalog reader = catalog();
            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> listFailure = new AtomicReference<>();
            AtomicInteger listings = new AtomicInteger();
            Thread lister = new Thread(() -> {
                try {
                    while (!done.get()) {
                        reader.list();
                        listings.incrementAndGet();
                    }
                } catch (Throwable t) {
                    listFailure.set(t);
                }
            }, "lister");
            lister.start();
            List<Recording> recordings = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Recording r = writer.record("s" + i, "", "ws://x/", null);
                text(r.session(), "only");
                r.close();
                recordings.add(r);
            }
            done.set(true);
            lister.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(listFailure.get()).isNull();
            assertThat(listings.get()).isPositive();
            for (Recording r : recordings) {
                assertThat(onDisk(r).endedAbruptly()).as(r.id()).isFalse();
                assertThat(onDisk(r).framesIn()).as(r.id()).isEqualTo(1);
            }
        }
    }

    @Test
    void aRecordingAskedForAfterCloseIsRefusedClearlyAndLeavesNothingBehind() throws Exception {
        SessionCatalog catalog = catalog();
        Recording before = catalog.record("before", "", "ws://x/", null);
        catalog.close();
        assertThat(onDisk(before).running()).isFalse();
        assertThat(catalog.journalThreadRunning()).isFalse();

        assertThatThrownBy(() -> catalog.record("late", "", "ws://x/", null)).isInstanceOf(JournalException.class)
                .hasMessageContaining("closing");
        assertThat(catalog.list()).extracting(SessionMeta::name).containsExactly("before");
        // The app's tabs get a capture in memory that says why, not an exception.
        Recorded memory = catalog.start("", "ws://x/");
        assertThat(memory.problem()).contains("closing");
        assertThat(catalog.journalThreadRunning()).isFalse();
    }

    @Test
    void closingWhileSessionsStartCompletesOrRefusesEachOneAndStopsTheThread() throws Exception {
        SessionCatalog catalog = catalog();
        ConcurrentLinkedQueue<Recording> started = new ConcurrentLinkedQueue<>();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch someStarted = new CountDownLatch(6);
        List<Thread> starters = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            Thread starter = new Thread(() -> {
                try {
                    for (int i = 0; i < 10_000; i++) {
                        Recording r = catalog.record("", "", "ws://x/", null);
                        started.add(r);
                        text(r.session(), "frame");
                        someStarted.countDown();
                    }
                } catch (JournalException closing) {
                    refused.incrementAndGet();
                } catch (Throwable e) {
                    unexpected.set(e);
                }
            }, "starter-" + t);
            starter.start();
            starters.add(starter);
        }
        assertThat(someStarted.await(60, TimeUnit.SECONDS)).isTrue();
        catalog.close();
        for (Thread t : starters) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(unexpected.get()).isNull();
        assertThat(refused.get()).isEqualTo(3); // each starter was refused once the catalog closed
        assertThat(catalog.journalThreadRunning()).isFalse();
        // Every recording that was handed out was completed, with its frame, and its lock let go.
        for (Recording r : started) {
            SessionMeta m = onDisk(r);
            assertThat(m.running()).as(r.id()).isFalse();
            assertThat(m.endedAbruptly()).as(r.id()).isFalse();
            assertThat(r.framesJournaled()).as(r.id()).isEqualTo(r.session().frames().size());
        }
        // Nothing else is left: no session the user never saw, none that still says running.
        try (SessionCatalog after = catalog()) {
            List<SessionMeta> listed = after.list();
            assertThat(listed).hasSize(started.size());
            assertThat(listed).noneMatch(SessionMeta::running).noneMatch(SessionMeta::endedAbruptly);
        }
    }
}
