package dev.wsinspector.ui.charts;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.charts.ChartSnapshot;
import dev.wsinspector.core.charts.TimeBuckets;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import io.fair_acc.chartfx.XYChart;
import javafx.geometry.Point2D;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The charts as a user meets them, in the real app against its echo server: two bursts of messages some time
 * apart, the tools' Charts tab shows messages/s with points, a click on the second burst's point selects the
 * burst's first frame in the timeline; the CSV export holds the same numbers.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChartsFlowTest {

    @TempDir
    Path dataDir;

    private Stage stage;
    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (app != null) {
                app.close();
            }
        }).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private void send(FxRobot robot, int count, String text) throws Exception {
        long before = fx(() -> tab().model().session().frames().size());
        for (int i = 0; i < count; i++) {
            String message = text + i;
            robot.interact(() -> {
                tab().composer().modeProperty().set(MessageMode.TEXT);
                tab().composer().inputProperty().set(message);
                tab().composer().send();
            });
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().session().frames().size()) >= before + 2L * count);
    }

    @Test
    void messagesPerSecondHasPointsAndAClickSelectsTheFramesOfThatMoment(FxRobot robot) throws Exception {
        app = WaitForAsyncUtils.asyncFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(),
                new LocalEchoServer(), false, false, dataDir)).get(60, TimeUnit.SECONDS); // a busy machine starts slowly
        robot.interact(() -> tab().connect());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, 3, "first ");
        FrameStore frames = fx(() -> tab().model().session().frames());
        long firstBurstEnd = frames.monoNanos(frames.size() - 1);
        // The second burst lands buckets later (the first width is 100 ms): wait on the clock, not a sleep.
        await().atMost(Duration.ofSeconds(5)).until(() -> System.nanoTime() - firstBurstEnd > 600_000_000L);
        long secondBurst = fx(() -> frames.size());
        send(robot, 4, "second ");

        robot.interact(() -> tab().showTool("Charts"));
        ChartsViewModel charts = fx(() -> tab().charts());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> charts.snapshotProperty().get().frames())
                == frames.size());
        ChartSnapshot snapshot = fx(() -> charts.snapshotProperty().get());
        assertThat(snapshot.total(TimeBuckets.MESSAGES_OUT)).isEqualTo(7);
        assertThat(snapshot.total(TimeBuckets.MESSAGES_IN)).isGreaterThanOrEqualTo(7); // the echoes (and a greeting?)
        List<ChartKind.Series> series = ChartKind.MESSAGES.series(snapshot);
        assertThat(series.get(1).size()).isPositive();

        XYChart chart = robot.lookup("#trafficChart").queryAs(XYChart.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> chart.getRenderers().get(0).getDatasets()
                .stream().mapToInt(d -> d.getDataCount()).sum()) > 0);
        assertThat(fx(() -> chart.getRenderers().get(0).getDatasets().get(1).getDataCount()))
                .as("messages out per second, one point a bucket").isEqualTo(snapshot.buckets());

        double seconds = (frames.monoNanos(secondBurst) - snapshot.originNanos()) / 1e9;
        int bucket = snapshot.bucketAt(seconds);
        double middle = snapshot.startSeconds(bucket) + snapshot.widthNanos() / 2e9;
        assertThat(snapshot.firstSeqFrom(bucket)).isEqualTo(secondBurst);
        // The axis ranges itself in a layout pass after the data changed: click once it covers the bucket.
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> chart.getXAxis().getMax()) > middle);
        Point2D point = fx(() -> TrafficChart.scenePoint(chart, middle,
                snapshot.perSecond(TimeBuckets.MESSAGES_OUT, bucket) / 2)); // in the plot, on the bucket's bar
        Point2D screen = fx(() -> new Point2D(point.getX() + chart.getScene().getWindow().getX()
                + chart.getScene().getX(), point.getY() + chart.getScene().getWindow().getY() + chart.getScene().getY()));
        robot.clickOn(screen);

        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> {
            TimelineRow lead = tab().timeline().leadRow();
            return lead != null && lead.seq() == secondBurst;
        }));
        assertThat(fx(() -> tab().timeline().selectedFrameRange())).containsExactly(secondBurst, secondBurst);

        byte[] png = fx(() -> TrafficChart.png(chart));
        assertThat(png).hasSizeGreaterThan(1000).startsWith(0x89, 'P', 'N', 'G');

        Path csv = dataDir.resolve("charts.csv");
        robot.interact(() -> charts.exportCsv(csv));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).startsWith("time_s,messages_in_per_s,messages_out_per_s");
        assertThat(lines.subList(1, 1 + snapshot.buckets())).as("a row a bucket").allMatch(l -> l.matches("[0-9.]+,.*"));
        assertThat(fx(() -> charts.noticeProperty().get())).isEqualTo("Saved charts.csv");
    }
}
