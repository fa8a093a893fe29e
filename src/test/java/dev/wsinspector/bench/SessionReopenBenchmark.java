package dev.wsinspector.bench;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.detail.DetailViewModel;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reopening a long stored session in the real window (headless Monocle, software renderer): a journal of N
 * frames of JSON text (~90 B) is written through the real {@link SessionCatalog}, the app starts on that data
 * directory, and Open in the Sessions sidebar is pressed. Measured: from the press to the end of the first
 * layout pulse whose timeline shows the session's rows (that pulse then paints them); then, for random places all
 * over the session, from "go to #seq" to the end of the layout pulse after the detail pane finished that frame's
 * views (fields, text, JSON).
 *
 * <pre>
 * ./mvnw -B test -Dtest=SessionReopenBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.frames=1000000,10000000
 * </pre>
 * Report also in {@code target/session-reopen.txt}. A 10 M-frame journal is about 1.5 GB in a temp directory.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class SessionReopenBenchmark {

    private static final long[] FRAMES = Arrays.stream(System.getProperty("bench.frames", "1000000").split(","))
            .map(String::strip).mapToLong(Long::parseLong).toArray();
    private static final int JUMPS = Integer.getInteger("bench.jumps", 30);

    @TempDir
    Path temp;

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
                app = null;
            }
        }).get(30, TimeUnit.SECONDS);
    }

    /** Writes a finished session of {@code frames} JSON text frames through the real journal. */
    private static void writeSession(Path dataDir, long frames) throws Exception {
        try (SessionCatalog catalog = new SessionCatalog(dataDir, SessionCatalog.Settings.defaults())) {
            Recording recording = catalog.record("bench " + frames, null, "ws://bench.invalid/feed", p -> { });
            var session = recording.session();
            long now = System.currentTimeMillis() * 1000;
            session.onEvent(new ConnectionEvent.Connecting(now, 0, "ws://bench.invalid/feed"));
            session.onEvent(new ConnectionEvent.Opened(now + 10, 0, "ws://bench.invalid/feed",
                    new Handshake("GET /feed HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", List.of(),
                            new byte[0])));
            FrameStore store = session.frames();
            for (long seq = 0; seq < frames; seq++) {
                byte[] payload = String.format(Locale.ROOT,
                        "{\"seq\":%d,\"type\":\"tick\",\"symbol\":\"WSI\",\"price\":%d.%02d,\"size\":%d}",
                        seq, 100 + seq % 900, seq % 100, 1 + seq % 50).getBytes(StandardCharsets.UTF_8);
                store.append(seq % 10 == 0 ? Direction.OUT : Direction.IN,
                        WireHeader.of(0x81, seq % 10 == 0, 0x11223344, payload.length), false, System.nanoTime(),
                        ByteBuffer.wrap(payload));
            }
            session.onEvent(new ConnectionEvent.Closed(now + 20, frames, 1000, "done", true, true));
            recording.close();
        }
    }

    static java.util.stream.LongStream sizes() {
        return Arrays.stream(FRAMES);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("sizes")
    void reopenToAPaintedTimelineAndJumpAnywhere(long frames, FxRobot robot) throws Exception {
        StringBuilder report = new StringBuilder();
        {
            Path dataDir = Files.createDirectories(temp.resolve("data-" + frames));
            long writeStart = System.nanoTime();
            writeSession(dataDir, frames);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

            app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(),
                    false, false, dataDir));
            robot.clickOn("#sessionsToggle");
            ListView<SessionRow> list = robot.lookup("#sessionList").queryAs(ListView.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> list.getItems().size()) == 1);
            robot.interact(() -> list.getSelectionModel().select(0));

            // Open → the first layout pulse whose timeline shows the session's rows.
            AtomicLong painted = new AtomicLong();
            Runnable watch = () -> {
                ConnectionTab tab = app.window().selectedTab();
                if (painted.get() == 0 && tab != null && tab.model().storedSessionProperty().get() != null
                        && tab.timeline().rows() != null && tab.timeline().rows().reachableRows() >= frames
                        && !tab.timeline().shownRows().isEmpty()) {
                    painted.set(System.nanoTime());
                }
            };
            long openStart = fx(() -> {
                stage.getScene().addPostLayoutPulseListener(watch);
                long t = System.nanoTime();
                robot.lookup("#openSessionButton").queryAs(Button.class).fire();
                return t;
            });
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5)).until(() -> painted.get() != 0);
            fx(() -> {
                stage.getScene().removePostLayoutPulseListener(watch);
                return null;
            });
            double openMillis = (painted.get() - openStart) / 1e6;

            // Jumps: go to #seq → the layout pulse after the detail pane finished the frame's views.
            ConnectionTab tab = fx(() -> app.window().selectedTab());
            DetailViewModel detail = fx(() -> tab.detailPane().viewModel());
            Random random = new Random(42);
            List<Double> jumps = new ArrayList<>();
            for (int i = 0; i < JUMPS; i++) {
                long seq = (long) (random.nextDouble() * frames);
                AtomicLong done = new AtomicLong();
                Runnable shown = () -> {
                    if (done.get() == 0 && !detail.busyProperty().get() && detail.jsonContentProperty().get() != null
                            && tab.timeline().leadRow() != null && tab.timeline().leadRow().seq() == seq) {
                        done.set(System.nanoTime());
                    }
                };
                AtomicLong formatted = new AtomicLong();
                javafx.beans.value.ChangeListener<Boolean> busyWatch = (o, a, busy) -> {
                    if (!busy && formatted.get() == 0) {
                        formatted.set(System.nanoTime());
                    }
                };
                long[] marks = new long[2];
                long jumpStart = fx(() -> {
                    stage.getScene().addPostLayoutPulseListener(shown);
                    detail.busyProperty().addListener(busyWatch);
                    long t = System.nanoTime();
                    assertThat(tab.timeline().goToFrame(seq)).isTrue();
                    marks[0] = System.nanoTime();
                    return t;
                });
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2)).until(() -> done.get() != 0);
                fx(() -> {
                    stage.getScene().removePostLayoutPulseListener(shown);
                    return null;
                });
                jumps.add((done.get() - jumpStart) / 1e6);
                fx(() -> {
                    detail.busyProperty().removeListener(busyWatch);
                    return null;
                });
                if (Boolean.getBoolean("bench.verbose")) {
                    // Payloads up to DetailViewModel's inline limit are formatted during the select itself.
                    String format = formatted.get() == 0 ? "inline"
                            : String.format(Locale.ROOT, "%.1f ms", (formatted.get() - jumpStart) / 1e6);
                    System.out.printf(Locale.ROOT, "    jump %d: select %.1f ms, formatted %s, shown %.1f ms%n", seq,
                            (marks[0] - jumpStart) / 1e6, format, (done.get() - jumpStart) / 1e6);
                }
                assertThat(fx(() -> detail.summaryProperty().get())).isNotEmpty();
            }
            List<Double> sorted = jumps.stream().sorted().toList();
            report.append(String.format(Locale.ROOT,
                    "  %,d frames: journal written in %.1f s; Open → painted timeline %.0f ms; go to #seq → views shown:"
                            + " median %.1f ms, p90 %.1f ms, max %.1f ms (%d jumps, first %.1f ms)%n",
                    frames, writeSeconds, openMillis, sorted.get(sorted.size() / 2),
                    sorted.get((int) (sorted.size() * 0.9)), sorted.get(sorted.size() - 1), jumps.size(), jumps.get(0)));
        }
        System.out.print(report);
        Path out = Path.of(System.getProperty("bench.out", "target/session-reopen.txt"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
