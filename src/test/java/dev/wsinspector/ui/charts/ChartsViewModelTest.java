package dev.wsinspector.ui.charts;

import dev.wsinspector.core.charts.TimeBuckets;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.core.frame.CaptureClock.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The panel's state without a toolkit: results are "delivered on the FX thread" by {@link #deliver()}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChartsViewModelTest {

    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ConcurrentLinkedQueue<Runnable> fxQueue = new ConcurrentLinkedQueue<>();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, fxQueue::add);
    private final List<Long> jumps = new ArrayList<>();
    private final ChartsViewModel model = new ChartsViewModel(() -> tasks, seq -> jumps.add(seq));

    @AfterEach
    void close() {
        tasks.close();
    }

    private static void add(FrameStore store, Direction dir, long monoNanos, int bytes) {
        store.append(dir, WireHeader.of(0x81, dir == Direction.OUT, 0, bytes), false, monoNanos,
                ByteBuffer.wrap(new byte[bytes]));
    }

    /** Waits for the one result in flight and delivers it, as the FX thread would. */
    private void deliver() {
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !fxQueue.isEmpty());
        fxQueue.poll().run();
    }

    @Test
    void countsOnlyWhileActive() {
        ColumnarFrameStore store = new ColumnarFrameStore(system());
        add(store, Direction.OUT, 0, 10);
        model.refresh(new Session(store), 0);
        assertThat(tasks.isPending(model)).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("No capture");

        model.activeProperty().set(true);
        model.refresh(new Session(store), 0);
        assertThat(tasks.isPending(model)).isTrue();
        deliver();
        assertThat(model.snapshotProperty().get().total(TimeBuckets.MESSAGES_OUT)).isEqualTo(1);
        assertThat(model.statusProperty().get()).isEqualTo("1 frame · 100 ms buckets");
    }

    @Test
    void aLongSessionIsReadInStepsWithProgressAtEveryPulse() {
        ColumnarFrameStore store = new ColumnarFrameStore(system());
        int frames = 2 * ChartsViewModel.STEP_FRAMES + 1000;
        for (int i = 0; i < frames; i++) {
            add(store, i % 2 == 0 ? Direction.OUT : Direction.IN, i * 10_000L, 1);
        }
        Session session = new Session(store);
        model.activeProperty().set(true);
        List<Double> progress = new ArrayList<>();
        for (int step = 0; step < 3; step++) {
            model.refresh(session, 0); // the same pulse time: a session not read to its end does not wait 250 ms
            assertThat(tasks.isPending(model)).as("step %d", step).isTrue();
            deliver();
            progress.add(model.progressProperty().get());
        }
        assertThat(progress.get(0)).isEqualTo((double) ChartsViewModel.STEP_FRAMES / frames);
        assertThat(progress).isSorted().endsWith(1.0);
        assertThat(model.snapshotProperty().get().frames()).isEqualTo(frames);
        assertThat(model.snapshotProperty().get().total(TimeBuckets.MESSAGES_IN)
                + model.snapshotProperty().get().total(TimeBuckets.MESSAGES_OUT)).isEqualTo(frames);
        assertThat(model.statusProperty().get()).startsWith("1,049,576 frames · ");
    }

    @Test
    void aLiveCaptureIsPulledAtMostFourTimesASecond() {
        ColumnarFrameStore store = new ColumnarFrameStore(system());
        Session session = new Session(store);
        add(store, Direction.OUT, 0, 5);
        model.activeProperty().set(true);
        model.refresh(session, 0);
        deliver();
        add(store, Direction.IN, 50 * MS, 5);
        model.refresh(session, 100 * MS);
        assertThat(tasks.isPending(model)).as("100 ms after the last pull").isFalse();
        model.refresh(session, ChartsViewModel.PULL_NANOS);
        assertThat(tasks.isPending(model)).isTrue();
        deliver();
        assertThat(model.snapshotProperty().get().frames()).isEqualTo(2);
        assertThat(model.pulls()).isEqualTo(2);
        model.refresh(session, 3 * ChartsViewModel.PULL_NANOS);
        assertThat(tasks.isPending(model)).as("nothing new").isFalse();
    }

    @Test
    void anotherSessionStartsAfresh() {
        ColumnarFrameStore first = new ColumnarFrameStore(system());
        add(first, Direction.OUT, 0, 5);
        add(first, Direction.OUT, 1, 5);
        model.activeProperty().set(true);
        model.refresh(new Session(first), 0);
        deliver();
        ColumnarFrameStore second = new ColumnarFrameStore(system());
        add(second, Direction.IN, 0, 7);
        model.refresh(new Session(second), 1);
        assertThat(model.snapshotProperty().get().frames()).isZero();
        deliver();
        assertThat(model.snapshotProperty().get().total(TimeBuckets.BYTES_IN)).isEqualTo(7);
        assertThat(model.snapshotProperty().get().total(TimeBuckets.BYTES_OUT)).isZero();
    }

    @Test
    void aClickJumpsToTheFirstFrameOfItsBucketAndExportsWriteFiles() throws Exception {
        ColumnarFrameStore store = new ColumnarFrameStore(system());
        add(store, Direction.OUT, 0, 5);
        add(store, Direction.IN, 20 * MS, 5);
        add(store, Direction.OUT, 450 * MS, 5);
        add(store, Direction.IN, 460 * MS, 5);
        model.activeProperty().set(true);
        model.refresh(new Session(store), 0);
        deliver();

        assertThat(model.jumpTo(0.47)).isTrue();
        assertThat(model.jumpTo(0.2)).as("an empty bucket: the next frame").isTrue();
        assertThat(model.jumpTo(7.0)).as("after the capture").isFalse();
        assertThat(jumps).containsExactly(2L, 2L);

        Path csv = dir.resolve("chart.csv");
        model.exportCsv(csv);
        assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(5).first().asString().startsWith("time_s,");
        assertThat(model.noticeProperty().get()).isEqualTo("Saved chart.csv");
        model.exportPng(dir.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Files.readAllBytes(dir.resolve("chart.png"))).hasSize(4);
        Files.writeString(dir.resolve("file"), "x");
        model.exportCsv(dir.resolve("file").resolve("chart.csv"));
        assertThat(model.noticeProperty().get()).startsWith("Could not save chart.csv: ");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("chart.csv", "chart.png",
                    "file");
        }
        assertThat(model.suggestedFileName("csv")).isEqualTo("ws-inspector-messages.csv");
    }
}
