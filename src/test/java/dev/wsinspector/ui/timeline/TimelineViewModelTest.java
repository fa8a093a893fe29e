package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's state and moves, over a real list of a real session, without a toolkit. */
class TimelineViewModelTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final Session session = new Session(store);
    private final List<String> clipboard = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private final List<TimelineList> shown = new ArrayList<>();
    private final int[] moves = {0};
    private final TimelineViewModel model = new TimelineViewModel(clipboard::add);
    private final TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));

    TimelineViewModelTest() {
        model.onNotice(notices::add);
        model.onShown(shown::add);
        model.onMoved(() -> moves[0]++);
    }

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            byte[] bytes = ("frame " + store.size()).getBytes(StandardCharsets.UTF_8);
            store.append(Direction.IN, WireHeader.of(0x81, false, 0, bytes.length), false, System.nanoTime(),
                    ByteBuffer.wrap(bytes));
        }
    }

    private void note(String text) {
        session.onEvent(new ConnectionEvent.Note(1L, store.size(), ConnectionEvent.Note.INFO, text));
    }

    private TimelineList showing(int frames, int fit) {
        frames(frames);
        model.fitChanged(fit);
        model.show(list);
        model.pull();
        return list;
    }

    @Test
    void withoutACaptureNothingMovesAndNothingIsSelected() {
        assertThat(model.pull()).isZero();
        assertThat(model.isFollowing()).isTrue();
        assertThat(model.selectRow(0)).isFalse();
        assertThat(model.goToFrame(0)).isFalse();
        assertThat(model.leadRow()).isNull();
        assertThat(model.selectedFrameRange()).isNull();
        assertThat(model.selectedIndicesShown()).isEmpty();
        model.scrollTo(5);
        model.follow();
        model.clearView();
        assertThat(moves[0]).isZero();
        assertThat(model.placeholderProperty().get()).isEqualTo(TimelineViewModel.EMPTY);
    }

    @Test
    void aNewCaptureIsShownWithTheRowsThatFitAndAnEmptySelection() {
        TimelineList rows = showing(100, 12);
        assertThat(shown).containsExactly(rows);
        assertThat(rows.viewportRows()).isEqualTo(12);
        assertThat(rows).hasSize(12);
        model.selectIndex(3);
        assertThat(model.selection().count()).isEqualTo(1);

        TimelineList next = new TimelineList(new Session(new ColumnarFrameStore()), new RowFormatter(ZoneOffset.UTC));
        model.show(next);
        assertThat(model.rows()).isSameAs(next);
        assertThat(next.viewportRows()).isEqualTo(12);
        assertThat(model.selection().isEmpty()).isTrue();
        model.show(null);
        assertThat(shown).containsExactly(rows, next, null);
    }

    @Test
    void selectingARowCentresItAndRowsOutOfReachAreRefused() {
        TimelineList rows = showing(1_000, 20);
        assertThat(model.selectRow(500)).isTrue();
        assertThat(model.leadRow().seq()).isEqualTo(500L);
        assertThat(rows.indexOfRow(500)).isBetween(9, 11);
        assertThat(model.isFollowing()).isFalse();
        assertThat(model.selectedIndicesShown()).containsExactly(rows.indexOfRow(500));
        assertThat(model.selectRow(1_000)).isFalse();
        assertThat(model.selectRow(-1)).isFalse();

        model.clearView();
        assertThat(model.selectRow(10)).as("cleared rows").isFalse();
        assertThat(model.selection().isEmpty()).isTrue();
        assertThat(model.placeholderProperty().get()).startsWith("Cleared. The capture keeps all 1,000 rows");
        frames(2);
        model.pull();
        assertThat(model.goToFrame(1_001)).isTrue();
    }

    @Test
    void goingToAFrameFindsItAmongEventsAndTheRangeOfASelectionIsItsFrames() {
        note("before");
        frames(2);
        note("between");
        frames(1);
        note("after");
        showing(0, 20);
        assertThat(model.goToFrame(2)).isTrue();
        assertThat(model.leadRow().seq()).isEqualTo(2L);
        assertThat(model.selection().lead()).isEqualTo(4L);

        model.selection().selectRange(0, list.endRow());
        assertThat(model.selectedFrameRange()).containsExactly(0L, 2L);
        model.selection().select(3);
        assertThat(model.leadRow().isFrame()).isFalse();
        assertThat(model.selectedFrameRange()).as("an event alone").isNull();
        model.selection().selectRange(3, 6);
        assertThat(model.selectedFrameRange()).containsExactly(2L, 2L);
    }

    @Test
    void aSmallerWindowKeepsTheRowTheUserReadsOnScreen() {
        TimelineList rows = showing(1_000, 40);
        model.scrollTo(100);
        model.selectIndex(35);
        assertThat(model.selection().lead()).isEqualTo(135L);
        model.fitChanged(10);
        assertThat(rows.viewportRows()).isEqualTo(10);
        assertThat(rows.indexOfRow(135)).isBetween(0, 9);
        assertThat(model.isFollowing()).isFalse();
    }

    @Test
    void theScrollBarMovesTheViewportBelowTheClearedRows() {
        TimelineList rows = showing(100, 10);
        model.barMoved(30.4);
        assertThat(rows.firstRow()).isEqualTo(30L);
        model.clearView();
        frames(50);
        model.pull();
        model.barMoved(7);
        assertThat(rows.firstRow()).isEqualTo(rows.firstReachableRow() + 7);
        int before = moves[0];
        model.pull();
        assertThat(moves[0]).as("one catch-up per pull").isEqualTo(before + 1);
    }

    @Test
    void copyingPutsTheRowsOnTheClipboardAsTextAndSaysWhenItStopsAtTheLimit() {
        showing(3, 10);
        model.selection().selectRange(0, 3);
        model.copySelection();
        assertThat(clipboard).singleElement().asString().startsWith("0\t").contains("\tframe 2").hasLineCount(3);
        assertThat(notices).isEmpty();

        model.selection().clear();
        model.copySelection();
        assertThat(clipboard).as("nothing selected, nothing copied").hasSize(1);

        frames(TimelineViewModel.COPY_LIMIT + 2);
        model.pull();
        model.selection().selectRange(0, list.endRow());
        model.copySelection();
        assertThat(clipboard.get(1).lines().count()).isEqualTo(TimelineViewModel.COPY_LIMIT);
        assertThat(notices).singleElement().asString().contains("100,000 of 100,005");
    }
}
