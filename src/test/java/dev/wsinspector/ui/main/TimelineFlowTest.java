package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The timeline of the real app (embedded echo server, real engine, headless window): copying, selecting, styling. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimelineFlowTest {

    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private TimelineView timeline() {
        return tab().timeline();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(timeline().shownRows()));
    }

    private void connect(FxRobot robot) {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
    }

    private void awaitRows(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().size() >= count);
    }

    @Test
    void copiedRowsAreNumberedLikeTheNumberColumn(FxRobot robot) throws Exception {
        connect(robot);
        sendFromComposer(robot, MessageMode.TEXT, "first");
        sendFromComposer(robot, MessageMode.TEXT, "second");
        awaitRows(6);

        robot.interact(() -> {
            timeline().selection().clear();
            timeline().selectIndex(1);
            timeline().selection().toggle(timeline().rows().absoluteRow(3));
            timeline().selection().toggle(timeline().rows().absoluteRow(5));
            timeline().requestFocus();
        });
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        String copied = fx(() -> Clipboard.getSystemClipboard().getString());
        List<TimelineRow> rows = rows();
        assertThat(copied).isNotNull();
        List<String> lines = copied.lines().toList();
        assertThat(lines).hasSize(3);
        // The '#' column: frames show their seq (0 is the first frame), events show nothing.
        assertThat(rows.get(1).type()).isEqualTo("open");
        assertThat(lines.get(0)).startsWith("\t");
        assertThat(lines.get(1)).startsWith(rows.get(3).seq() + "\t").endsWith("first");
        assertThat(lines.get(2)).startsWith(rows.get(5).seq() + "\t").endsWith("second");
        assertThat(rows.get(5).seq()).isEqualTo(3);
    }

    /** The seq of every selected frame row, and of the row the table highlights (its focused-and-selected cells). */
    private List<Long> selectedSeqs() throws Exception {
        return fx(() -> timeline().highlightedRows().stream().map(TimelineRow::seq).toList());
    }

    @Test
    void theClickedRowStaysSelectedWhileABurstArrivesAndAfterPause(FxRobot robot) throws Exception {
        connect(robot);
        for (int i = 0; i < 3; i++) {
            sendFromComposer(robot, MessageMode.TEXT, "before " + i);
        }
        awaitRows(8);
        int index = fx(() -> {
            List<TimelineRow> shown = List.copyOf(timeline().shownRows());
            for (int i = 0; i < shown.size(); i++) {
                if (shown.get(i).seq() == 3) {
                    return i;
                }
            }
            return -1;
        });
        robot.interact(() -> timeline().scrollTo(0));
        javafx.scene.Node row = fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> r.getIndex() == index).findFirst().orElseThrow());
        robot.clickOn(row);
        assertThat(selectedSeqs()).containsExactly(3L);

        var connection = fx(() -> tab().model().connection());
        int burst = 3000;
        for (int i = 0; i < burst; i++) {
            connection.sendText("burst " + i);
        }
        long total = 6 + 2L * burst;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(selectedSeqs()).containsExactly(3L);
            return fx(() -> tab().model().session().frames().size()) >= total
                    && fx(() -> timeline().rows().reachableRows()) >= total + 2;
        });
        assertThat(selectedSeqs()).containsExactly(3L);

        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedSeqs()).containsExactly(3L);
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedSeqs()).containsExactly(3L);
    }

    /** The background fills, bottom to top, of the table row showing list index {@code index}, once laid out. */
    private List<javafx.scene.paint.Paint> rowFills(FxRobot robot, int index) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> {
            timeline().applyCss();
            timeline().layout();
            javafx.scene.control.TableRow<?> row = robot.lookup(".table-row-cell")
                    .queryAllAs(javafx.scene.control.TableRow.class).stream()
                    .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
            row.applyCss();
            return row.getBackground().getFills().stream().map(javafx.scene.layout.BackgroundFill::getFill).toList();
        });
    }

    private static javafx.scene.paint.Paint top(List<javafx.scene.paint.Paint> fills) {
        return fills.get(fills.size() - 1);
    }

    /**
     * Bug 7: selected ping, pong and close rows kept their tint and showed only a thin outline. Every kind of row
     * (sent, received, ping, pong, close frames; connecting, open and closed events), selected, must look the same
     * as every other selected row and unlike itself unselected, in both themes, with the table focused or not.
     */
    @Test
    void aSelectedRowOfEveryKindShowsTheSelectionInBothThemesFocusedOrNot(FxRobot robot) throws Exception {
        connect(robot);
        sendFromComposer(robot, MessageMode.TEXT, "hello");
        robot.clickOn("#pingButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().anyMatch(r -> r.type().equals("pong"))
                && rows().stream().filter(r -> r.type().equals("text")).count() >= 2);
        robot.interact(() -> tab().model().disconnect());
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().filter(r -> r.type().equals("close")
                && r.isFrame()).count() >= 2 && rows().stream().anyMatch(r -> r.type().equals("closed")));
        robot.interact(() -> timeline().scrollTo(0));
        List<TimelineRow> shown = rows();
        assertThat(shown).extracting(TimelineRow::styleClass).contains("frame-out", "frame-in",
                "frame-out frame-ping", "frame-in frame-pong", "frame-out frame-close", "frame-in frame-close",
                "event-connecting", "event-open");
        javafx.scene.Node table = fx(() -> robot.lookup("#timeline").query());
        javafx.scene.Node elsewhere = fx(() -> robot.lookup("#urlField").query());

        for (dev.wsinspector.core.settings.ThemeChoice theme : List.of(dev.wsinspector.core.settings.ThemeChoice.LIGHT,
                dev.wsinspector.core.settings.ThemeChoice.DARK)) {
            robot.interact(() -> dev.wsinspector.testutil.FxFlow.themeItem(robot, theme).setSelected(true));
            for (javafx.scene.Node focus : List.of(table, elsewhere)) {
                List<javafx.scene.paint.Paint> selection = null;
                for (int i = 0; i < shown.size(); i++) {
                    int index = i;
                    String what = shown.get(i).styleClass() + " row, " + theme + ", focus on " + focus.getId();
                    robot.interact(() -> timeline().selection().clear());
                    robot.interact(focus::requestFocus);
                    List<javafx.scene.paint.Paint> unselected = rowFills(robot, index);
                    robot.interact(() -> timeline().selectIndex(index));
                    robot.interact(focus::requestFocus);
                    List<javafx.scene.paint.Paint> selected = rowFills(robot, index);
                    assertThat(top(selected)).as(what).isNotEqualTo(top(unselected));
                    // The accent edge under the fill: more than a change of shade.
                    assertThat(selected).as(what).hasSizeGreaterThanOrEqualTo(3);
                    assertThat(selected.get(selected.size() - 2)).as(what).isNotEqualTo(top(selected));
                    if (selection == null) {
                        selection = selected;
                    }
                    assertThat(selected).as(what + ": as every selected row").isEqualTo(selection);
                }
            }
        }
    }
}
