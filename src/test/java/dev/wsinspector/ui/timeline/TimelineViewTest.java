package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A real timeline in a headless stage: the table holds only the rows that fit, the scroll bar, the wheel and the
 * keys reach every row, and the selection is kept by row whatever the viewport does.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimelineViewTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final Session session = new Session(store);
    private TimelineView view;
    private final List<String> notices = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.show(new TimelineList(session, new RowFormatter(ZoneOffset.UTC)));
        view.onNotice(notices::add);
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

    /** What the tab's pulse does. */
    private void pulse() throws Exception {
        fx(() -> view.pull());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Long> shownSeqs() throws Exception {
        return fx(() -> view.shownRows().stream().map(TimelineRow::seq).toList());
    }

    private List<Long> highlighted() throws Exception {
        return fx(() -> view.highlightedRows().stream().map(TimelineRow::seq).toList());
    }

    private void click(FxRobot robot, long seq, KeyCode... modifiers) throws Exception {
        // The cells show a moved viewport after the next layout pulse.
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> rowCell(robot, seq) != null));
        TableRow<?> row = fx(() -> rowCell(robot, seq));
        robot.press(modifiers).clickOn(row).release(modifiers);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Wheel notches towards the user, as GTK/Windows/macOS report them: deltaY = -notches × 40, multiplier 40. */
    private void wheelDown(int notches) throws Exception {
        fx(() -> {
            javafx.scene.Node table = view.lookup("#timeline");
            javafx.event.Event.fireEvent(table, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
                    100, 100, 100, 100, false, false, false, false, false, false, 0, -40.0 * notches, 0, 0,
                    javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableRow<?> rowCell(FxRobot robot, long seq) {
        return robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof TimelineRow t && t.seq() == seq).findFirst().orElse(null);
    }

    @Test
    void theTableHoldsAScreenfulAndTheScrollBarSpansEveryRow() throws Exception {
        frames(1_000_000);
        pulse();
        int fit = fx(() -> view.rows().viewportRows());
        double height = fx(() -> view.getHeight());
        assertThat(fit * 24.0).as("rows that fit under the header").isLessThanOrEqualTo(height - 20)
                .isGreaterThan(height - 24 - 40);
        assertThat(shownSeqs()).hasSize(fit).last().isEqualTo(999_999L);
        ScrollBar bar = fx(() -> (ScrollBar) view.lookup("#timelineScrollBar"));
        assertThat(fx(bar::getMax)).isEqualTo(1_000_000.0 - fit);
        assertThat(fx(bar::getValue)).isEqualTo(fx(bar::getMax));

        fx(() -> {
            bar.setValue(500_000);
            return null;
        });
        assertThat(shownSeqs()).first().isEqualTo(500_000L);
        assertThat(fx(() -> view.isFollowing())).isFalse();
        click(robot(), 500_003);
        assertThat(fx(() -> view.leadRow().seq())).isEqualTo(500_003L);
        assertThat(fx(() -> view.leadRow().preview())).isEqualTo("frame 500003");
    }

    private FxRobot robot() {
        return new FxRobot();
    }

    @Test
    void theClickedFrameStaysSelectedAndOnScreenWhileRowsArriveAndAcrossPause(FxRobot robot) throws Exception {
        frames(70);
        pulse();
        long target = fx(() -> view.shownRows().get(3).seq());
        click(robot, target);
        assertThat(highlighted()).containsExactly(target);
        for (int burst = 0; burst < 5; burst++) {
            frames(300);
            pulse();
            assertThat(highlighted()).as("after burst %d", burst).containsExactly(target);
            assertThat(shownSeqs()).as("the clicked row holds still").element(3).isEqualTo(target);
        }
        fx(() -> {
            view.setPaused(true);
            return null;
        });
        frames(30);
        pulse();
        fx(() -> {
            view.setPaused(false);
            return null;
        });
        pulse();
        assertThat(highlighted()).containsExactly(target);

        // End follows the newest rows again; the selection stays where it was, off screen.
        robot.type(KeyCode.END);
        pulse();
        assertThat(fx(() -> view.isFollowing())).isTrue();
        assertThat(shownSeqs()).last().isEqualTo(70L + 1500 + 30 - 1);
    }

    @Test
    void shiftClickSelectsAcrossScreensAndTheSelectionComesBackWhenScrolledTo(FxRobot robot) throws Exception {
        frames(500);
        pulse();
        fx(() -> {
            view.scrollTo(0);
            return null;
        });
        click(robot, 2);
        wheelDown(10); // (Monocle's robot wheel reports the wrong sign, so the event is fired as a desktop sends it)
        long first = fx(() -> view.rows().firstRow());
        assertThat(first).as("the wheel scrolled").isGreaterThan(20);
        long target = first + 5;
        click(robot, target, KeyCode.SHIFT);
        assertThat(fx(() -> view.selection().count())).isEqualTo(target - 2 + 1);
        assertThat(highlighted()).contains(target, first);

        fx(() -> {
            view.scrollTo(0);
            return null;
        });
        assertThat(highlighted()).contains(2L, 3L).doesNotContain(0L, 1L);
        fx(() -> {
            view.copySelection();
            return null;
        });
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied.lines()).hasSize((int) (target - 1)).first().asString().startsWith("2\t");
        assertThat(notices).isEmpty();
    }

    @Test
    void keysMoveTheSelectionAndTheScreenGoesWithIt(FxRobot robot) throws Exception {
        frames(300);
        pulse();
        fx(() -> {
            view.scrollTo(0);
            return null;
        });
        click(robot, 0);
        int fit = fx(() -> view.rows().viewportRows());
        robot.type(KeyCode.DOWN, 3);
        assertThat(fx(() -> view.leadRow().seq())).isEqualTo(3L);
        robot.type(KeyCode.PAGE_DOWN, 2);
        long lead = fx(() -> view.leadRow().seq());
        assertThat(lead).isEqualTo(3L + 2L * (fit - 1));
        assertThat(shownSeqs()).contains(lead);
        robot.press(KeyCode.SHIFT).type(KeyCode.UP, 2).release(KeyCode.SHIFT);
        assertThat(fx(() -> view.selection().count())).isEqualTo(3);
        robot.type(KeyCode.HOME);
        assertThat(shownSeqs()).first().isEqualTo(0L);
        assertThat(highlighted()).containsExactly(0L);
    }

    @Test
    void goToFrameSelectsItMidScreenAndCopyingAllStopsAtTheLimit(FxRobot robot) throws Exception {
        frames(TimelineView.COPY_LIMIT + 10);
        pulse();
        assertThat(fx(() -> view.goToFrame(54_321))).isTrue();
        assertThat(highlighted()).containsExactly(54_321L);
        int index = fx(() -> view.shownRows().stream().map(TimelineRow::seq).toList().indexOf(54_321L));
        int fit = fx(() -> view.rows().viewportRows());
        assertThat(index).isBetween(fit / 2 - 1, fit / 2 + 1);
        assertThat(fx(() -> view.goToFrame(TimelineView.COPY_LIMIT + 10))).isFalse();
        assertThat(fx(() -> view.goToFrame(-1))).isFalse();

        click(robot, 54_321);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> view.selection().count())).isEqualTo(TimelineView.COPY_LIMIT + 10);
        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(copied.lines().count()).isEqualTo(TimelineView.COPY_LIMIT);
        assertThat(notices).singleElement().asString().contains("100,000 of 100,010");
    }

    @Test
    void theLayoutHasItsColumnsItsMenuAndTheScrollBarBesideTheRows() throws Exception {
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> {
            var bar = view.lookup("#timelineScrollBar");
            return BorderPane.getMargin(bar) != null && BorderPane.getMargin(bar).getTop() > 0;
        }));
        TableView<?> table = fx(() -> (TableView<?>) view.lookup("#timeline"));
        assertThat(fx(() -> table.getColumns().stream().map(TableColumn::getText).toList()))
                .containsExactly("#", "Time", "", "Type", "Size", "FIN", "Summary", "Latency", "Preview");
        assertThat(fx(() -> table.getColumns().stream().map(c -> c.getStyleClass().get(c.getStyleClass().size() - 1))
                .toList())).containsExactly("col-number", "col-time", "col-direction", "col-type", "col-size",
                "col-fin", "col-summary", "col-latency", "col-preview");
        assertThat(fx(table::isTableMenuButtonVisible)).as("the header's menu hides and shows columns").isTrue();
        assertThat(fx(() -> table.getColumns().stream().filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum()))
                .as("the preview column takes the rest of the width").isCloseTo(fx(table::getWidth) - 4, within(1.0));
        // Hiding a column (as the header's menu does) leaves its width to the preview column.
        TableColumn<?, ?> type = fx(() -> table.getColumns().get(3));
        fx(() -> {
            type.setVisible(false);
            return null;
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> Math.abs(table.getColumns().stream()
                .filter(TableColumn::isVisible).mapToDouble(TableColumn::getWidth).sum() - (table.getWidth() - 4)) < 1));
        fx(() -> {
            type.setVisible(true);
            return null;
        });
        assertThat(fx(() -> view.contextMenu().getItems().get(0).getAccelerator()))
                .isEqualTo(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        assertThat(fx(() -> ((javafx.scene.control.Label) view.lookup("#timelinePlaceholder")).getText()))
                .startsWith("No frames yet");
        double header = fx(() -> table.lookup(".column-header-background").getLayoutBounds().getHeight());
        assertThat(fx(() -> BorderPane.getMargin(view.lookup("#timelineScrollBar")).getTop())).isEqualTo(header);
    }

    @Test
    void clearingSaysTheCaptureKeepsTheRows() throws Exception {
        frames(42);
        pulse();
        fx(() -> {
            view.clearView();
            return null;
        });
        assertThat(shownSeqs()).isEmpty();
        assertThat(fx(() -> ((javafx.scene.control.Label) view.lookup("#timelinePlaceholder")).getText()))
                .startsWith("Cleared. The capture keeps all 42 rows");
        frames(3);
        pulse();
        assertThat(shownSeqs()).containsExactly(42L, 43L, 44L);
    }
}
