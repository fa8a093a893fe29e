package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real table in a headless stage over a small-window list: the row the user clicked stays selected while rows
 * are appended, while the window slides past the oldest rows, and across Pause.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimelineSelectionTest {

    private static final int WINDOW = 40;

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final Session session = new Session(store);
    private TimelineView view;
    private TimelineList list;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), WINDOW);
        view.show(list);
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            byte[] bytes = ("frame " + store.size()).getBytes(StandardCharsets.UTF_8);
            store.append(Direction.IN, WireHeader.of(0x81, false, 0, bytes.length), false, System.nanoTime(),
                    ByteBuffer.wrap(bytes));
        }
    }

    /** What the tab's pulse does with the list. */
    private void pulse() throws Exception {
        fx(() -> {
            view.rows().setFollowing(view.updateFollowing());
            int added = view.pull();
            if (added > 0 && view.updateFollowing()) {
                view.scrollToEnd();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Long> selectedSeqs() throws Exception {
        return fx(() -> view.getSelectionModel().getSelectedIndices().stream()
                .map(i -> view.getItems().get(i).seq()).toList());
    }

    private Long focusedSeq() throws Exception {
        return fx(() -> {
            int i = view.getFocusModel().getFocusedIndex();
            return i < 0 ? null : view.getItems().get(i).seq();
        });
    }

    private void click(FxRobot robot, int index) throws Exception {
        fx(() -> {
            view.scrollTo(index);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node row = fx(() -> robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow());
        robot.clickOn(row);
    }

    @Test
    void theClickedFrameStaysSelectedWhileRowsArriveAndTheWindowSlides(FxRobot robot) throws Exception {
        frames(70);
        pulse();
        click(robot, 66);
        assertThat(selectedSeqs()).containsExactly(66L);
        TimelineRow clicked = fx(() -> view.getSelectionModel().getSelectedItem());

        // Appended rows, then the window drops its oldest rows (at 2 × 40 rows) and keeps sliding.
        for (int burst = 0; burst < 5; burst++) {
            frames(3);
            pulse();
            assertThat(selectedSeqs()).as("after burst %d", burst).containsExactly(66L);
            assertThat(focusedSeq()).as("after burst %d", burst).isEqualTo(66L);
        }
        assertThat(fx(() -> list.rowsBefore())).as("the window slid").isPositive();
        assertThat(fx(() -> view.getSelectionModel().getSelectedItem())).isEqualTo(clicked);

        fx(() -> {
            view.setPaused(true);
            return null;
        });
        frames(30);
        pulse();
        assertThat(selectedSeqs()).containsExactly(66L);
        fx(() -> {
            view.setPaused(false);
            return null;
        });
        pulse();
        assertThat(selectedSeqs()).containsExactly(66L);
    }

    @Test
    void aSelectedFrameTheWindowSlidPastLeavesNoOtherRowSelected(FxRobot robot) throws Exception {
        frames(70);
        pulse();
        click(robot, 50);
        assertThat(selectedSeqs()).containsExactly(50L);
        frames(60);
        pulse();
        assertThat(fx(() -> list.rowsBefore())).isGreaterThan(50);
        assertThat(selectedSeqs()).isEmpty();
    }
}
