package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Open files of sessions shown in tabs: however many stored or ended sessions are open (or were opened and
 * closed), the process holds a bounded number of journal descriptors, and every session stays readable.
 * Counts {@code /proc/self/fd}, so Linux only.
 */
@Timeout(120)
class JournalDescriptorsTest {

    private static final Path FDS = Path.of("/proc/self/fd");
    /** Sessions open at once in the tests: far more than the bound on the descriptors they may hold. */
    private static final int TABS = 120;
    /** Ended live sessions in tabs: each costs a recording (fsyncs), so fewer, still beyond the bound. */
    private static final int ENDED_TABS = JournalReads.MAX_OPEN + 16;
    /** Descriptors the JVM itself may open meanwhile (a jar for a class loaded for the first time). */
    private static final int SLACK = 3;

    @TempDir
    Path data;

    @BeforeEach
    void linuxOnly() {
        assumeTrue(Files.isDirectory(FDS), "counts /proc/self/fd (Linux)");
    }

    private static long openDescriptors() throws IOException {
        try (var fds = Files.list(FDS)) {
            return fds.count();
        }
    }

    private SessionCatalog catalog() {
        return new SessionCatalog(data, new SessionCatalog.Settings(Duration.ofSeconds(1),
                SessionCatalog.Settings.DEFAULT_BUDGET));
    }

    private static void text(Session s, String text) {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        s.frames().append(Direction.IN, WireHeader.of(0x81, false, 0, p.length), false,
                s.frames().clock().nanoTime(), ByteBuffer.wrap(p));
    }

    @Test
    void storedSessionsOpenedAndClosedLeaveNoDescriptorBehind() throws Exception {
        try (SessionCatalog catalog = catalog()) {
            Recording rec = catalog.record("stored", "", "ws://x/", null);
            for (int i = 0; i < 3000; i++) {
                text(rec.session(), "m" + i);
            }
            rec.close();
            SessionMeta meta = catalog.find("stored");
            long before = openDescriptors();
            for (int i = 0; i < TABS; i++) {
                try (SessionCatalog.Opened opened = catalog.open(meta)) {
                    assertThat(new String(opened.session().frames().get(2999 - i).payloadBytes(),
                            StandardCharsets.UTF_8)).isEqualTo("m" + (2999 - i));
                }
            }
            assertThat(openDescriptors()).as("descriptors after %d open/close cycles", TABS).isLessThanOrEqualTo(before + SLACK);
        }
    }

    @Test
    void manyStoredSessionsOpenAtOnceHoldABoundedNumberOfDescriptors() throws Exception {
        try (SessionCatalog catalog = catalog()) {
            Recording rec = catalog.record("stored", "", "ws://x/", null);
            for (int i = 0; i < 3000; i++) {
                text(rec.session(), "m" + i);
            }
            rec.close();
            SessionMeta meta = catalog.find("stored");
            long before = openDescriptors();
            List<SessionCatalog.Opened> tabs = new ArrayList<>();
            try {
                for (int i = 0; i < TABS; i++) {
                    SessionCatalog.Opened opened = catalog.open(meta);
                    tabs.add(opened);
                    opened.session().frames().get(i); // the tab paints its first rows
                }
                assertThat(openDescriptors() - before).as("descriptors held by %d open stored sessions", TABS)
                        .isLessThanOrEqualTo(JournalReads.MAX_OPEN + SLACK);
                for (int i = 0; i < TABS; i++) { // each still reads (a closed channel is opened again)
                    FrameStore frames = tabs.get(i).session().frames();
                    assertThat(new String(frames.get(1000 + i).payloadBytes(), StandardCharsets.UTF_8))
                            .isEqualTo("m" + (1000 + i));
                }
                assertThat(openDescriptors() - before).isLessThanOrEqualTo(JournalReads.MAX_OPEN + SLACK);
            } finally {
                for (SessionCatalog.Opened t : tabs) {
                    t.close();
                }
            }
            assertThat(openDescriptors()).isLessThanOrEqualTo(before + SLACK);
        }
    }

    @Test
    void endedLiveSessionsWhoseFramesLeftMemoryHoldABoundedNumberOfDescriptors() throws Exception {
        try (SessionCatalog catalog = catalog()) {
            long before = openDescriptors();
            List<Session> tabs = new ArrayList<>();
            for (int t = 0; t < ENDED_TABS; t++) {
                Recording rec = catalog.record("", "", "ws://x/", null);
                Session s = rec.session();
                for (int i = 0; i < 17_000; i++) { // more than one segment, so the first can leave memory
                    text(s, t + ":" + i);
                }
                rec.pump(0, 0); // the journal thread under memory pressure: written, forced, first segment released
                assertThat(((SegmentedFrameStore) s.frames()).releasedBelow()).isPositive();
                rec.close(); // the connection ended; the tab keeps showing the session
                assertThat(new String(s.frames().get(5).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo(t + ":5");
                tabs.add(s);
            }
            assertThat(openDescriptors() - before).as("descriptors held by %d ended sessions in tabs", ENDED_TABS)
                    .isLessThanOrEqualTo(JournalReads.MAX_OPEN + SLACK);
            for (int t = 0; t < ENDED_TABS; t++) {
                assertThat(new String(tabs.get(t).frames().get(7).payloadBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(t + ":7");
            }
            assertThat(openDescriptors() - before).isLessThanOrEqualTo(JournalReads.MAX_OPEN + SLACK);
        }
    }
}
