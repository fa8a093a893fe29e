package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.timeline.RowFormatter;
import dev.wsinspector.ui.timeline.TimelineList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Find in capture without the toolkit: a real capture (store, session, rows) searched on a worker thread, results
 * delivered where this test's thread drains them, as Platform.runLater would; the timeline is a stand-in that
 * records what it was asked to select.
 */
class FindBarViewModelTest {

    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, fx::add);
    private final ShownRows timeline = new ShownRows();
    private final FindBarViewModel find = new FindBarViewModel(timeline, () -> tasks);
    private ColumnarFrameStore store;
    private Session session;

    /** The timeline as the bar sees it: the rows shown, the selected row, and each row it was told to select. */
    private static final class ShownRows implements FindBarViewModel.Timeline {
        TimelineList rows;
        long lead = -1;
        final List<Long> selected = new ArrayList<>();

        @Override
        public TimelineList rows() {
            return rows;
        }

        @Override
        public long lead() {
            return lead;
        }

        @Override
        public boolean selectRow(long row) {
            selected.add(row);
            lead = row;
            return true;
        }
    }

    @BeforeEach
    void capture() {
        store = new ColumnarFrameStore();
        session = new Session(store);
        // Rows: 0 "alpha", 1 "Hello World", 2 note "Replay step Checkout", 3 "say hello", 4 "gamma"
        text(Direction.OUT, "alpha");
        text(Direction.IN, "Hello World");
        session.onEvent(new ConnectionEvent.Note(1L, 2, ConnectionEvent.Note.INFO, "Replay step Checkout"));
        text(Direction.OUT, "say hello");
        text(Direction.IN, "gamma");
        timeline.rows = shown(session);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private void text(Direction direction, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(direction, WireHeader.of(0x81, direction == Direction.OUT, 0x01020304, bytes.length), false,
                store.clock().nanoTime(), ByteBuffer.wrap(bytes));
    }

    private static TimelineList shown(Session session) {
        TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
        list.pull();
        return list;
    }

    /** Lets the search finish (one FIFO worker), then delivers its result as the FX thread would. */
    private void settle() throws Exception {
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    private String findAndSettle(boolean forward) throws Exception {
        find.find(forward);
        assertThat(find.statusProperty().get()).isEqualTo("searching…");
        settle();
        return find.statusProperty().get();
    }

    @Test
    void nextAndPreviousSelectTheMatchesAndSayWhichFrameAndWhenTheSearchWrapped() throws Exception {
        find.queryProperty().set("HELLO");

        assertThat(findAndSettle(true)).isEqualTo("frame #1");
        assertThat(findAndSettle(true)).isEqualTo("frame #2");
        assertThat(findAndSettle(true)).isEqualTo("frame #1 (wrapped)");
        assertThat(findAndSettle(false)).isEqualTo("frame #2 (wrapped)");
        assertThat(timeline.selected).containsExactly(1L, 3L, 1L, 3L);
    }

    @Test
    void theCountSaysWhichMatchOfHowMany() throws Exception {
        find.queryProperty().set("hello");
        findAndSettle(true);
        assertThat(find.countProperty().get()).isEqualTo("1 of 2");
        findAndSettle(true);
        assertThat(find.countProperty().get()).isEqualTo("2 of 2");
        find.queryProperty().set("zulu");
        assertThat(find.countProperty().get()).isEmpty(); // editing the query clears it
        findAndSettle(true);
        assertThat(find.countProperty().get()).isEqualTo("0 matches");
    }

    @Test
    void aBadHexQuerySaysWhyAndSearchesNothing() {
        find.queryProperty().set("hex:XYZ");
        find.find(true);
        assertThat(find.statusProperty().get()).contains("pairs of hex digits");
        assertThat(timeline.selected).isEmpty();
    }

    @Test
    void anEventRowIsNamedByItsRow() throws Exception {
        find.queryProperty().set("checkout");
        assertThat(findAndSettle(true)).isEqualTo("event row 3");
        assertThat(timeline.selected).containsExactly(2L);
    }

    @Test
    void nothingFoundSelectsNothing() throws Exception {
        find.queryProperty().set("zulu");
        assertThat(findAndSettle(true)).isEqualTo("no match");
        assertThat(timeline.selected).isEmpty();
    }

    @Test
    void anEmptyQueryOrNoCaptureSearchesNothing() throws Exception {
        find.find(true);
        assertThat(find.statusProperty().get()).isEmpty();
        timeline.rows = null;
        find.queryProperty().set("alpha");
        find.find(true);
        assertThat(find.statusProperty().get()).isEqualTo("no capture");
        settle();
        assertThat(timeline.selected).isEmpty();
    }

    @Test
    void editingTheQueryClearsTheStatus() throws Exception {
        find.queryProperty().set("gamma");
        assertThat(findAndSettle(true)).isEqualTo("frame #3");
        find.queryProperty().set("gamm");
        assertThat(find.statusProperty().get()).isEmpty();
    }

    @Test
    void closingDropsTheSearchStillUnderWay() throws Exception {
        find.open();
        assertThat(find.openProperty().get()).isTrue();
        find.queryProperty().set("alpha");
        find.find(true);
        find.close();
        settle();
        assertThat(find.openProperty().get()).isFalse();
        assertThat(find.statusProperty().get()).isEmpty();
        assertThat(timeline.selected).isEmpty();
    }

    @Test
    void aMatchInACaptureNoLongerShownIsNotSelected() throws Exception {
        find.queryProperty().set("alpha");
        find.find(true);
        timeline.rows = shown(new Session(new ColumnarFrameStore()));
        settle();
        assertThat(find.statusProperty().get()).isEqualTo("no match");
        assertThat(timeline.selected).isEmpty();
    }
}
