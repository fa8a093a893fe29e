package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.Session;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline list is plain JavaFX collections: tested without starting the toolkit. */
class TimelineListTest {

    private final long[] now = {1_000_000_000L};
    private final CaptureClock clock = new CaptureClock() {
        @Override
        public long nanoTime() {
            return now[0];
        }

        @Override
        public long epochMicrosAt(long nanoTime) {
            return 1_700_000_000_000_000L + nanoTime / 1_000;
        }
    };
    private ColumnarFrameStore store;
    private Session session;
    private TimelineList list;
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = new ColumnarFrameStore(clock);
        session = new Session(store);
        list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
        list.addListener((ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                changes.add((c.wasAdded() ? "+" : "") + (c.wasRemoved() ? "-" : "") + c.getFrom() + ".." + c.getTo());
            }
        });
    }

    private void frame(Direction direction, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        now[0] += 1_000_000;
        store.append(direction, WireHeader.of(0x81, direction == Direction.OUT, 0x01020304, bytes.length), false,
                clock.nanoTime(), ByteBuffer.wrap(bytes));
    }

    private void event(ConnectionEvent.Connecting e) {
        session.onEvent(e);
    }

    @Test
    void nothingChangesUntilPulled() {
        frame(Direction.OUT, "hello");
        assertThat(list).isEmpty();
        assertThat(list.pull()).isEqualTo(1);
        assertThat(list).hasSize(1);
        assertThat(changes).containsExactly("+0..1");
    }

    @Test
    void eventsSitAmongFramesWhereTheyHappened() {
        event(new ConnectionEvent.Connecting(1L, 0, "ws://x/"));
        session.onEvent(new ConnectionEvent.Opened(2L, 0, "ws://x/",
                new Handshake("GET / HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", List.of(), new byte[0])));
        frame(Direction.OUT, "hello");
        frame(Direction.IN, "hello");
        session.onEvent(new ConnectionEvent.Closed(3L, store.size(), 1000, "bye", true, true));
        list.pull();

        assertThat(list).extracting(TimelineRow::type)
                .containsExactly("connecting", "open", "text", "text", "closed");
        assertThat(list).extracting(TimelineRow::arrow).containsExactly("•", "•", "↑", "↓", "•");
        assertThat(list.get(2).preview()).isEqualTo("hello");
        assertThat(list.get(4).preview()).contains("1000 Normal Closure: bye");
        assertThat(list.seqAt(2)).isZero();
        assertThat(list.seqAt(3)).isEqualTo(1);
        assertThat(list.seqAt(4)).isEqualTo(-1);
    }

    @Test
    void anEventStampedBeforeShownFramesGoesAfterThem() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        // Stamped when only one frame existed, delivered after both were shown.
        session.onEvent(new ConnectionEvent.Closed(3L, 1, 1006, "", true, false));
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text", "text", "closed");
    }

    @Test
    void anEventWaitsForTheFramesBeforeIt() {
        frame(Direction.IN, "a");
        session.onEvent(new ConnectionEvent.Closed(3L, 2, 1000, "", true, true));
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text");
        frame(Direction.IN, "b");
        list.pull();
        assertThat(list).extracting(TimelineRow::type).containsExactly("text", "text", "closed");
    }

    @Test
    void pauseKeepsCapturingAndResumeShowsEverything() {
        frame(Direction.IN, "a");
        list.pull();
        list.setPaused(true);
        for (int i = 0; i < 5; i++) {
            frame(Direction.IN, "x" + i);
        }
        assertThat(list.pull()).isZero();
        assertThat(list).hasSize(1);
        assertThat(list.pendingRows()).isEqualTo(5);
        list.setPaused(false);
        assertThat(list).hasSize(6);
        assertThat(list.pendingRows()).isZero();
        assertThat(list.get(5).preview()).isEqualTo("x4");
    }

    @Test
    void clearEmptiesTheViewButNotTheCapture() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        list.clearView();
        assertThat(list).isEmpty();
        assertThat(store.size()).isEqualTo(2);
        frame(Direction.IN, "c");
        list.pull();
        assertThat(list).extracting(TimelineRow::preview).containsExactly("c");
        assertThat(list.get(0).row()).isEqualTo(3);
        assertThat(list.seqAt(0)).isEqualTo(2);
    }

    @Test
    void timeModes() {
        frame(Direction.IN, "a");
        frame(Direction.IN, "b");
        list.pull();
        assertThat(list.get(1).time()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        list.setTimeMode(TimeMode.SINCE_PREVIOUS);
        assertThat(list.get(1).time()).isEqualTo("+0.001000");
        assertThat(list.get(0).time()).isEqualTo("+0.000000");
    }

    @Test
    void fragmentsAreMarked() {
        byte[] part = "ab".getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(0x01, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x80, false, 0, 2), false, clock.nanoTime(), ByteBuffer.wrap(part));
        store.append(Direction.IN, WireHeader.of(0x89, false, 0, 0), false, clock.nanoTime(), ByteBuffer.allocate(0));
        list.pull();
        assertThat(list).extracting(TimelineRow::fin).containsExactly("more…", "FIN", "");
        assertThat(list.get(2).styleClass()).contains("frame-ping");
        assertThat(list.get(1).type()).isEqualTo("continuation");
    }

    /** Replays the list's change events on a plain copy: the copy must always equal the list. */
    private static List<Long> mirror(TimelineList list, List<Long> copy) {
        list.addListener((ListChangeListener<TimelineRow>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                }
                if (c.wasAdded()) {
                    copy.addAll(c.getFrom(), c.getAddedSubList().stream().map(TimelineRow::seq).toList());
                }
            }
        });
        return copy;
    }

    private static List<Long> seqs(TimelineList list) {
        return list.stream().map(TimelineRow::seq).toList();
    }

    @Test
    void aLongCaptureIsShownThroughASlidingWindow() {
        TimelineList small = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), 5);
        List<Long> copy = mirror(small, new ArrayList<>());
        for (int i = 0; i < 12; i++) {
            frame(Direction.IN, "f" + i);
            if (i % 4 == 0) {
                small.pull();
                assertThat(copy).isEqualTo(seqs(small));
            }
        }
        small.pull();
        // 12 rows exceed twice the window: the oldest were dropped in one step, the newest 5 kept, and it
        // grows again up to 10 before the next step.
        assertThat(seqs(small)).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(copy).isEqualTo(seqs(small));
        assertThat(small.rowsBefore()).isEqualTo(7);
        assertThat(small.firstRowNumber()).isEqualTo(8);
        assertThat(small.pendingRows()).isZero();

        // Reading (not following): the window stays, new rows wait.
        small.setFollowing(false);
        frame(Direction.IN, "f12");
        frame(Direction.IN, "f13");
        assertThat(small.pull()).isZero();
        assertThat(seqs(small)).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(small.pendingRows()).isEqualTo(2);

        small.showOlder();
        assertThat(seqs(small)).containsExactly(2L, 3L, 4L, 5L, 6L);
        small.showOlder();
        assertThat(seqs(small)).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(small.rowsBefore()).isZero();
        small.showNewer();
        assertThat(seqs(small)).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(copy).isEqualTo(seqs(small));

        small.showLatest();
        assertThat(seqs(small)).containsExactly(9L, 10L, 11L, 12L, 13L);
        frame(Direction.IN, "f14");
        small.pull();
        assertThat(seqs(small)).containsExactly(9L, 10L, 11L, 12L, 13L, 14L);
        for (int i = 15; i < 20; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        assertThat(seqs(small)).containsExactly(15L, 16L, 17L, 18L, 19L);
        assertThat(copy).isEqualTo(seqs(small));
    }

    @Test
    void aJumpLongerThanTheWindowReplacesIt() {
        TimelineList small = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), 3);
        List<Long> copy = mirror(small, new ArrayList<>());
        frame(Direction.IN, "a");
        small.pull();
        for (int i = 0; i < 10; i++) {
            frame(Direction.IN, "b" + i);
        }
        small.pull();
        assertThat(seqs(small)).containsExactly(8L, 9L, 10L);
        assertThat(copy).isEqualTo(seqs(small));
        small.clearView();
        assertThat(copy).isEmpty();
        frame(Direction.IN, "c");
        small.pull();
        assertThat(seqs(small)).containsExactly(11L);
        assertThat(small.rowsBefore()).isZero();
        assertThat(small.capturedRows()).isEqualTo(1);
    }

    @Test
    void showAroundMovesTheWindowToAFrameAndStopsFollowing() {
        TimelineList small = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), 10);
        List<Long> copy = mirror(small, new ArrayList<>());
        event(new ConnectionEvent.Connecting(1L, 0, "ws://x/"));
        for (int i = 0; i < 100; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        assertThat(seqs(small)).doesNotContain(5L);

        int index = small.showAround(5);
        assertThat(index).isBetween(0, small.size() - 1);
        assertThat(small.seqAt(index)).isEqualTo(5L);
        assertThat(small.get(index).seq()).isEqualTo(5L);
        assertThat(small.size()).isLessThanOrEqualTo(10);
        assertThat(copy).isEqualTo(seqs(small));

        // Not following: new frames do not slide the window away from frame 5.
        frame(Direction.IN, "later");
        small.pull();
        assertThat(seqs(small)).contains(5L);
        assertThat(small.pendingRows()).isPositive();

        index = small.showAround(95);
        assertThat(small.seqAt(index)).isEqualTo(95L);
        assertThat(copy).isEqualTo(seqs(small));
        // The connecting event is row 0, so frame 0 is the window's second row.
        assertThat(small.showAround(0)).isEqualTo(1);
        assertThat(small.rowsBefore()).isZero();
        assertThat(small.seqAt(1)).isZero();
        assertThat(small.showAround(500)).isEqualTo(-1);
    }

    @Test
    void showAroundSkipsRowsClearedFromView() {
        TimelineList small = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), 10);
        for (int i = 0; i < 30; i++) {
            frame(Direction.IN, "f" + i);
        }
        small.pull();
        small.clearView();
        frame(Direction.IN, "after");
        small.pull();
        assertThat(small.showAround(5)).isEqualTo(-1);
        assertThat(small.seqAt(small.showAround(30))).isEqualTo(30L);
    }
}
