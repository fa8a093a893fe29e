package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Presses, keys and the wheel as moves in absolute rows, without a toolkit. */
class RowGesturesTest {

    private static final boolean PRIMARY = true;
    private static final boolean SECONDARY = false;

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final TimelineViewModel model = new TimelineViewModel(text -> { });
    private final RowGestures gestures = new RowGestures(model);
    private final TimelineList rows = new TimelineList(new Session(store), new RowFormatter(ZoneOffset.UTC));

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            store.append(Direction.IN, WireHeader.of(0x81, false, 0, 1), false, System.nanoTime(),
                    ByteBuffer.wrap(new byte[] {'x'}));
        }
        model.pull();
    }

    RowGesturesTest() {
        model.fitChanged(10);
        model.show(rows);
    }

    @Test
    void pressesSelectExtendAndToggleAndARightClickKeepsTheSelectionItIsIn() {
        frames(100);
        model.scrollTo(50);
        gestures.pressed(2, PRIMARY, false, false);
        assertThat(model.selection().lead()).isEqualTo(52L);
        assertThat(model.isFollowing()).as("a picked row holds still").isFalse();
        gestures.pressed(5, PRIMARY, true, false);
        assertThat(model.selection().count()).isEqualTo(4);
        gestures.pressed(3, PRIMARY, false, true);
        assertThat(model.selection().isSelected(53)).isFalse();
        assertThat(model.selection().count()).isEqualTo(3);

        gestures.pressed(4, SECONDARY, false, false);
        assertThat(model.selection().count()).as("right-click inside the selection").isEqualTo(3);
        gestures.pressed(8, SECONDARY, false, false);
        assertThat(model.selection().count()).isEqualTo(1);
        assertThat(model.selection().lead()).isEqualTo(58L);

        gestures.pressed(-1, PRIMARY, false, false);
        gestures.pressed(10, PRIMARY, false, false);
        assertThat(model.selection().lead()).as("empty rows select nothing").isEqualTo(58L);
    }

    @Test
    void pressingTheNewestRowKeepsFollowing() {
        frames(30);
        gestures.pressed(rows.size() - 1, PRIMARY, false, false);
        assertThat(model.selection().lead()).isEqualTo(29L);
        assertThat(model.isFollowing()).isTrue();
    }

    @Test
    void keysMoveTheLeadWithinTheRowsAndTheScreenGoesWithIt() {
        frames(100);
        assertThat(gestures.key(KeyCode.DOWN, false, false)).isTrue();
        assertThat(model.selection().lead()).as("from above the screen's first row").isEqualTo(90L);
        gestures.key(KeyCode.PAGE_UP, false, false);
        assertThat(model.selection().lead()).isEqualTo(81L);
        assertThat(rows.indexOfRow(81)).isZero();
        assertThat(model.isFollowing()).isFalse();
        gestures.key(KeyCode.UP, true, false);
        gestures.key(KeyCode.UP, true, false);
        assertThat(model.selection().count()).isEqualTo(3);
        gestures.key(KeyCode.HOME, false, false);
        assertThat(model.selection().lead()).isZero();
        assertThat(rows.firstRow()).isZero();
        gestures.key(KeyCode.UP, false, false);
        assertThat(model.selection().lead()).as("clamped").isZero();
        gestures.key(KeyCode.END, false, false);
        assertThat(model.selection().lead()).isEqualTo(99L);
        assertThat(model.isFollowing()).isTrue();
        frames(5);
        assertThat(rows.firstRow()).as("End follows new rows").isEqualTo(95L);

        assertThat(gestures.key(KeyCode.A, false, false)).isFalse();
        assertThat(model.selection().lead()).isEqualTo(99L);
    }

    @Test
    void keysOnAnEmptyTimelineAreTakenButMoveNothing() {
        assertThat(gestures.key(KeyCode.DOWN, false, false)).isTrue();
        assertThat(model.selection().isEmpty()).isTrue();
        assertThat(gestures.key(KeyCode.TAB, false, false)).isFalse();
    }

    @Test
    void selectAllIsEveryReachableRow() {
        frames(1_000);
        gestures.selectAll();
        assertThat(model.selection().count()).isEqualTo(1_000);
    }

    @Test
    void aNotchScrollsThreeRowsAndATouchpadsSmallStepsAddUp() {
        frames(100);
        model.scrollTo(0);
        assertThat(gestures.wheel(-40, 40)).isTrue();
        assertThat(rows.firstRow()).isEqualTo(3L);
        assertThat(gestures.wheel(80, 40)).isTrue();
        assertThat(rows.firstRow()).isZero();
        for (int i = 0; i < 3; i++) {
            gestures.wheel(-4, 0);
            assertThat(rows.firstRow()).as("step %d", i).isZero();
        }
        gestures.wheel(-4, 0);
        assertThat(rows.firstRow()).isEqualTo(1L);
        assertThat(gestures.wheel(0, 40)).isFalse();
    }

    @Test
    void withoutACaptureGesturesAreTheTables() {
        model.show(null);
        assertThat(gestures.wheel(-40, 40)).isFalse();
        assertThat(gestures.key(KeyCode.DOWN, false, false)).isFalse();
        gestures.pressed(0, PRIMARY, false, false);
        gestures.selectAll();
        assertThat(model.selection().isEmpty()).isTrue();
    }
}
