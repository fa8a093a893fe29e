package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterRun;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A fragmented message folded to its first row, expanded one at a time or all at once, under a filter and live. */
class FoldedTimelineListTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_700_000_000_000_000L));
    private final Session session = new Session(store);
    private final TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
    private final List<String> clipboard = new ArrayList<>();
    private final TimelineViewModel model = new TimelineViewModel(clipboard::add);

    private void frame(int firstByte, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(Direction.IN, WireHeader.of(firstByte, false, 0, bytes.length), false, System.nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    /** seqs: 0 "before", 1 first fragment, 2 ping, 3 continuation, 4 last continuation, 5 "after". */
    private void threeFragmentsWithAPingBetween() {
        frame(0x81, "before");
        frame(0x01, "{\"a\":");
        frame(0x89, "hi");
        frame(0x00, "[1,2],");
        frame(0x80, "\"b\":true}");
        frame(0x81, "after");
    }

    private List<Long> seqs() {
        return list.stream().map(TimelineRow::seq).toList();
    }

    private void filter(String expression) {
        FilterRun run = new FilterRun(Filter.compile(expression, FilterContext.defaults()), session, 1);
        FilterRun.Result result = run.advance(null);
        model.setFilter(result.frames(), result.events());
    }

    private void showList() {
        list.setViewportRows(20);
        model.show(list);
        model.pull();
    }

    @Test
    void aFragmentedMessageIsOneRowUntilExpanded() {
        threeFragmentsWithAPingBetween();
        showList();
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 5L);
        TimelineRow first = list.get(1);
        assertThat(first.fin()).isEqualTo(TimelineList.FOLDED);
        assertThat(first.preview()).isEqualTo("message of 3 frames · {\"a\":[1,2],\"b\":true}");
        assertThat(list.get(3).row()).as("rows keep their capture number").isEqualTo(6);
        assertThat(list.isFiltered()).as("folding is not the user's filter").isFalse();

        model.selection().select(1);
        assertThat(model.toggleExpanded(1)).isTrue();
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(list.get(1).fin()).isEqualTo(TimelineList.EXPANDED);
        assertThat(model.selection().lead()).as("the message's row stays selected").isEqualTo(1);
        assertThat(model.toggleExpanded(0)).as("a whole message does not expand").isFalse();

        model.selection().select(5); // "after": its row moves back when the message folds again
        assertThat(model.setExpanded(1, false)).isTrue();
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 5L);
        assertThat(model.selection().lead()).isEqualTo(3);
        assertThat(list.seqOfRow(model.selection().lead())).isEqualTo(5);
    }

    @Test
    void rightAndLeftOnTheSelectedRowExpandAndFold() {
        threeFragmentsWithAPingBetween();
        showList();
        RowGestures gestures = new RowGestures(model);
        model.selection().select(0);
        assertThat(gestures.key(KeyCode.RIGHT, false, false)).as("a whole message: the key stays the table's").isFalse();
        model.selection().select(1);
        assertThat(gestures.key(KeyCode.RIGHT, false, false)).isTrue();
        assertThat(list).hasSize(6);
        assertThat(gestures.key(KeyCode.LEFT, false, false)).isTrue();
        assertThat(list).hasSize(4);
        gestures.foldPressed(1); // a click on the ▸
        assertThat(list).hasSize(6);
    }

    @Test
    void expandAllShowsEveryFrameAndGoingToAHiddenFrameExpandsItsMessage() {
        threeFragmentsWithAPingBetween();
        showList();
        model.setExpandAll(true);
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(model.isExpandAll()).isTrue();
        model.setExpandAll(false);
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 5L);

        assertThat(model.goToFrame(4)).isTrue();
        assertThat(seqs()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(list.seqOfRow(model.selection().lead())).isEqualTo(4);
    }

    @Test
    void foldingIsLaidOverTheUsersFilter() {
        threeFragmentsWithAPingBetween();
        showList();
        filter("not type:ping");
        assertThat(list.isFiltered()).isTrue();
        assertThat(seqs()).containsExactly(0L, 1L, 5L);
        model.toggleExpanded(1);
        assertThat(seqs()).containsExactly(0L, 1L, 3L, 4L, 5L);
        model.setFilter(null, null);
        assertThat(seqs()).as("the message stays expanded without the filter").containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        model.setExpanded(1, false);
        filter("after or before");
        assertThat(seqs()).containsExactly(0L, 5L);
    }

    @Test
    void anUnfinishedMessageStaysOneRowAsItsFragmentsArrive() {
        frame(0x81, "before");
        frame(0x01, "part1,");
        showList();
        assertThat(seqs()).containsExactly(0L, 1L);
        assertThat(list.get(1).open()).isTrue();

        frame(0x00, "part2,");
        frame(0x89, "");
        model.pull();
        assertThat(seqs()).containsExactly(0L, 1L, 3L);
        assertThat(list.get(1).preview()).isEqualTo("message, 2 frames so far · part1,part2,");
        assertThat(list.isFollowing()).isTrue();

        frame(0x80, "part3");
        frame(0x81, "after");
        model.pull();
        assertThat(seqs()).containsExactly(0L, 1L, 3L, 5L);
        assertThat(list.get(1).preview()).isEqualTo("message of 3 frames · part1,part2,part3");
        assertThat(list.endRow()).isEqualTo(4);
        assertThat(list.capturedRowsUnfiltered()).isEqualTo(6);

        model.selection().select(3);
        model.copySelection();
        assertThat(clipboard).singleElement().asString().startsWith("5\t").endsWith("after");
    }
}
