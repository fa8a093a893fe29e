package dev.wsinspector.ui.filter;

import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter bar's model without the toolkit: a real capture filtered on a worker thread, results delivered where
 * this test drains them (as Platform.runLater would); the timeline is a stand-in that records what it shows.
 */
class FilterBarViewModelTest {

    private final Queue<Runnable> fx = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(worker, fx::add);
    private final ColumnarFrameStore store = new ColumnarFrameStore(new FixedCaptureClock(1_700_000_000_000_000L));
    private Session session = new Session(store);
    private final Shown shown = new Shown();
    private final FilterBarViewModel bar = new FilterBarViewModel(shown, () -> tasks);

    private final class Shown implements FilterBarViewModel.Target {
        MatchSet frames;
        int shows;

        @Override
        public Session session() {
            return session;
        }

        @Override
        public FilterContext context() {
            return FilterContext.defaults();
        }

        @Override
        public void show(MatchSet frames, MatchSet events) {
            this.frames = frames;
            shows++;
        }
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
    }

    private void frame(Direction direction, byte opcode, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        store.append(direction, WireHeader.of(0x80 | opcode, direction == Direction.OUT, 0x01020304, bytes.length),
                false, System.nanoTime(), ByteBuffer.wrap(bytes));
    }

    private void settle() throws Exception {
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
    }

    @Test
    void appliesTheExpressionAndCountsNOfM() throws Exception {
        frame(Direction.OUT, (byte) 1, "hello");
        frame(Direction.IN, (byte) 1, "hello");
        frame(Direction.IN, (byte) 1, "bye");
        bar.pulse();
        assertThat(bar.countProperty().get()).isEqualTo("3 of 3");

        bar.expressionProperty().set("dir:in and /hel+o/");
        bar.apply();
        settle();

        assertThat(shown.frames.toArray()).containsExactly(1L);
        assertThat(bar.countProperty().get()).isEqualTo("1 of 3");
        assertThat(bar.activeProperty().get()).isTrue();

        frame(Direction.IN, (byte) 1, "hello again"); // live: the next pulse gives the run the new frame
        bar.pulse();
        settle();
        bar.pulse();
        assertThat(shown.frames.toArray()).containsExactly(1L, 3L);
        assertThat(bar.countProperty().get()).isEqualTo("2 of 4");

        bar.clear();
        assertThat(shown.frames).isNull();
        assertThat(bar.countProperty().get()).isEqualTo("4 of 4");
    }

    @Test
    void aMistakeIsShownAtItsPositionAndTheViewStaysAsItWas() throws Exception {
        frame(Direction.IN, (byte) 1, "x");
        bar.expressionProperty().set("dir:in and size>");
        bar.apply();
        settle();
        assertThat(bar.errorPositionProperty().get()).isEqualTo(16);
        assertThat(bar.errorProperty().get()).startsWith("at 17: ").contains("size>");
        assertThat(shown.shows).isZero();

        bar.hideHeartbeatsProperty().set(true); // still the user's position, not the combined expression's
        assertThat(bar.errorPositionProperty().get()).isEqualTo(16);

        bar.expressionProperty().set("dir:in");
        bar.apply();
        assertThat(bar.errorProperty().get()).isEmpty();
        assertThat(bar.errorPositionProperty().get()).isEqualTo(-1);
    }

    @Test
    void hideHeartbeatsHidesPingsAloneOrWithTheExpression() throws Exception {
        frame(Direction.OUT, (byte) 9, "");  // ping
        frame(Direction.IN, (byte) 10, ""); // pong
        frame(Direction.IN, (byte) 1, "2"); // Engine.IO ping
        frame(Direction.IN, (byte) 1, "data");
        frame(Direction.OUT, (byte) 1, "data out");

        bar.hideHeartbeatsProperty().set(true);
        settle();
        assertThat(shown.frames.toArray()).containsExactly(3L, 4L);

        bar.expressionProperty().set("dir:in");
        bar.apply();
        settle();
        assertThat(shown.frames.toArray()).containsExactly(3L);

        bar.hideHeartbeatsProperty().set(false);
        settle();
        assertThat(shown.frames.toArray()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aNewCaptureIsFilteredFromTheStart() throws Exception {
        frame(Direction.IN, (byte) 1, "a");
        bar.expressionProperty().set("b");
        bar.apply();
        settle();
        assertThat(shown.frames.count()).isZero();

        ColumnarFrameStore next = new ColumnarFrameStore(new FixedCaptureClock(0));
        session = new Session(next);
        byte[] b = "b".getBytes(StandardCharsets.UTF_8);
        next.append(Direction.IN, WireHeader.of(0x81, false, 0, 1), false, 1, ByteBuffer.wrap(b));
        bar.pulse();
        settle();
        assertThat(shown.frames.toArray()).containsExactly(0L);
    }
}
