package dev.wsinspector.ui.connection;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.conformance.ConformanceRuns;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.timeline.RowColumn;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored JSON-RPC capture in a tab: the Latency column shows a reply's latency and marks the unanswered request,
 * and Shortcut+J (and the rows' menu) jumps from a request to its reply and back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PairingFlowTest {

    private BackgroundTasks tasks;
    private ConformanceRuns conformance;
    private ConnectionTab tab;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        conformance = ConformanceRuns.of(new JwsConnectionService(), SessionRecorder.inMemory());
        ViewLoader views = new ViewLoader(Controllers.builder().provide(ConformanceRuns.class, conformance).build());
        tab = new ConnectionTab(views, new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(),
                "ws://127.0.0.1:1/"), new DetailPane(tasks));
        stage.setScene(new Scene(new TabPane(tab), 1200, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        conformance.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void text(ColumnarFrameStore store, Direction dir, long millis, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(dir, WireHeader.of(0x81, dir == Direction.OUT, 0x01020304, bytes.length), false, millis * 1_000_000L,
                ByteBuffer.wrap(bytes));
    }

    /** The Latency cells on screen, by frame seq. */
    private List<String> latencyCells(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".table-cell.col-latency").queryAllAs(TableCell.class).stream()
                .filter(TableCell.class::isInstance)
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null)
                .sorted(java.util.Comparator.comparingLong(c -> ((TimelineRow) c.getTableRow().getItem()).seq()))
                .map(c -> c.getText() == null ? "" : c.getText()).toList());
    }

    private void pulse(FxRobot robot) {
        tab.sample(System.nanoTime()); // the sampler thread's part, here on the test's
        robot.interact(() -> tab.pulse(System.nanoTime()));
    }

    @Test
    void latencyColumnAndJumpBetweenRequestAndReply(FxRobot robot) throws Exception {
        ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_000_000_000_000L));
        text(store, Direction.OUT, 0, "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":1}");
        text(store, Direction.OUT, 1, "{\"jsonrpc\":\"2.0\",\"method\":\"lost\",\"params\":[],\"id\":2}");
        text(store, Direction.IN, 43, "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":1}");
        Session stored = new Session(store);
        robot.interact(() -> tab.model().showStored("ws://example.test/rpc", stored, "rpc"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            pulse(robot);
            // The fixed clock's "now" is long past the capture: the request left waiting is unanswered.
            List<String> cells = latencyCells(robot);
            return cells.equals(List.of("", PairingTexts.UNANSWERED, "43.0 ms"));
        });
        assertThat(fx(() -> robot.lookup(".column-header.col-latency .label").queryLabeled().getText())).isEqualTo("Latency");

        robot.interact(() -> tab.timeline().goToFrame(0));
        robot.interact(() -> tab.timeline().requestFocus());
        robot.push(KeyCode.SHORTCUT, KeyCode.J);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> tab.timeline().leadRow().seq()) == 2);
        assertThat(fx(() -> tab.timeline().highlightedRows()).stream().map(TimelineRow::seq)).containsExactly(2L);

        robot.push(KeyCode.SHORTCUT, KeyCode.J);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> tab.timeline().leadRow().seq()) == 0);

        // An unanswered request has no reply to go to: the selection stays.
        robot.interact(() -> tab.timeline().goToFrame(1));
        robot.push(KeyCode.SHORTCUT, KeyCode.J);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tab.timeline().leadRow().seq())).isEqualTo(1);

        // The rows' menu opens the per-method statistics.
        robot.interact(() -> tab.timeline().contextMenu().getItems().stream()
                .filter(i -> "latencyStatsMenu".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#latencyStats").tryQuery().isPresent()));
        @SuppressWarnings("unchecked")
        TableView<LatencyStatsRows.Row> stats = robot.lookup("#latencyStats").queryAs(TableView.class);
        assertThat(fx(() -> List.copyOf(stats.getItems()))).containsExactly(
                new LatencyStatsRows.Row("add", "1", "1", "0", "0", "43.0 ms", "43.0 ms", "43.0 ms", "43.0 ms"),
                new LatencyStatsRows.Row("lost", "1", "0", "1", "0", "–", "–", "–", "–"));
    }
}
