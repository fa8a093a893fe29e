package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterRun;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A filtered timeline: only matching rows, in capture order, each keeping its number; checked by brute force. */
class FilteredTimelineListTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_700_000_000_000_000L));
    private final Session session = new Session(store);
    private final TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));

    private void frame(Direction direction, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(direction, WireHeader.of(0x81, direction == Direction.OUT, 0x01020304, bytes.length), false,
                System.nanoTime(), ByteBuffer.wrap(bytes));
    }

    private void filter(String expression) {
        FilterRun run = new FilterRun(Filter.compile(expression, FilterContext.defaults()), session, 1);
        FilterRun.Result result = run.advance(null);
        list.setFilter(result.frames(), result.events());
    }

    @Test
    void showsOnlyMatchingRowsWithTheirCaptureNumbers() {
        session.onEvent(new ConnectionEvent.Connecting(1L, 0, "ws://x/"));
        frame(Direction.OUT, "hello");
        frame(Direction.IN, "hello back");
        frame(Direction.IN, "other");
        frame(Direction.IN, "hello again");
        list.setViewportRows(10);
        list.pull();
        assertThat(list).hasSize(5);

        filter("dir:in and hello");

        assertThat(list).extracting(TimelineRow::seq).containsExactly(1L, 3L);
        assertThat(list).extracting(TimelineRow::row).containsExactly(3L, 5L); // row 1 is the event
        assertThat(list.rowOfFrame(3)).isEqualTo(1);
        assertThat(list.rowOfFrame(2)).isEqualTo(-1);
        assertThat(list.seqOfRow(0)).isEqualTo(1);
        assertThat(list.capturedRows()).isEqualTo(2);
        assertThat(list.capturedRowsUnfiltered()).isEqualTo(5);

        list.setFilter(null, null);
        assertThat(list).hasSize(5);
    }

    @Test
    void newMatchingFramesAppearWhenTheFilterHasSeenThem() {
        list.setViewportRows(10);
        frame(Direction.IN, "a1");
        list.pull();
        FilterRun run = new FilterRun(Filter.compile("a", FilterContext.defaults()), session, 1);
        FilterRun.Result r = run.advance(null);
        list.setFilter(r.frames(), r.events());
        frame(Direction.IN, "b");
        frame(Direction.IN, "a2");
        list.pull();
        assertThat(list).hasSize(1); // not decided yet: not shown
        TimelineRow before = list.get(0);
        r = run.advance(null);
        list.extendFilter(r.frames(), r.events());
        assertThat(list).extracting(TimelineRow::seq).containsExactly(0L, 2L);
        assertThat(list.get(0)).isSameAs(before); // the row shown is not made again
    }

    @Test
    void positionsAgreeWithABruteForceScan() {
        Random random = new Random(14);
        List<Long> expected = new ArrayList<>();
        long row = 0;
        for (int i = 0; i < 3000; i++) {
            if (random.nextInt(10) == 0) {
                boolean error = random.nextBoolean();
                session.onEvent(error ? new ConnectionEvent.Failed(1L, store.size(), FailureKind.CONNECTION_REFUSED, "hello failure", null)
                        : new ConnectionEvent.Connecting(1L, store.size(), "ws://x/"));
                if (error) {
                    expected.add(row);
                }
            } else {
                boolean hit = random.nextInt(3) == 0;
                frame(random.nextBoolean() ? Direction.IN : Direction.OUT, hit ? "say hello" : "nothing");
                if (hit) {
                    expected.add(row);
                }
            }
            row++;
        }
        list.setViewportRows(50);
        list.pull();
        filter("hello");
        assertThat(list.capturedRows()).isEqualTo(expected.size());
        for (int v = 0; v < expected.size(); v++) {
            assertThat(list.realRow(v)).as("row %d: %s", v, expected.subList(Math.max(0, v - 3), v + 1)).isEqualTo(expected.get(v));
            assertThat(list.viewRow(expected.get(v))).isEqualTo(v);
        }
        list.scrollTo(100);
        assertThat(list.get(0).row()).isEqualTo(expected.get(100) + 1); // the number counts from 1
    }
}
