package dev.wsinspector.ui.main;

import javafx.animation.AnimationTimer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongConsumer;

/**
 * The window's one UI pulse: every captured frame reaches the screen through it, in batches, never through a
 * {@code Platform.runLater} per frame. Runs on JavaFX's animation timer, at most once per
 * {@link #MIN_PULSE_NANOS}, so what it does must stay cheap: a pulse that takes longer holds back the next paint.
 * Its work has a budget ({@link #BUDGET_NANOS}), and nothing in it reads frame by frame: the counts are made on
 * another thread ({@link StatusSampler}), the timeline takes a screenful of rows however many arrived.
 */
public final class WindowPulse {

    /** Pulses closer together than this are skipped: 60 Hz is plenty for a list people read. */
    static final long MIN_PULSE_NANOS = 15_000_000L;

    /**
     * How long one pulse's own work may take before what is left (tabs not shown) waits for the next pulse: half
     * a 60 Hz frame, so JavaFX's CSS, layout and rendering keep the other half.
     */
    static final long BUDGET_NANOS = 8_000_000L;

    /** Told about every pulse: when it started and how long the window's own work took (benchmarks). */
    @FunctionalInterface
    public interface Observer {
        void onPulse(long startNanos, long workNanos);

        /**
         * The same, with the FX thread's CPU time for that work ({@code -1} where the JVM cannot tell): on a loaded
         * machine the wall-clock {@code workNanos} also counts the time the thread waited for a core, the CPU time
         * does not. The default passes the first two on.
         */
        default void onPulse(long startNanos, long workNanos, long cpuNanos) {
            onPulse(startNanos, workNanos);
        }
    }

    private static final Observer NONE = (start, took) -> { };

    private final LongConsumer work;
    private Observer observer = NONE;
    private long lastPulse;
    /** Made on the first start: the timer needs the toolkit, the throttle does not (tests). */
    private AnimationTimer timer;

    /** @param work one batch, given the time it started ({@link System#nanoTime}) */
    WindowPulse(LongConsumer work) {
        this.work = work;
    }

    void start() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    tick(now);
                }
            };
        }
        timer.start();
    }

    void stop() {
        if (timer != null) {
            timer.stop();
        }
    }

    void setObserver(Observer observer) {
        this.observer = observer == null ? NONE : observer;
    }

    /** One frame of the animation timer: a batch, unless the last one was under {@link #MIN_PULSE_NANOS} ago. */
    boolean tick(long frameNanos) {
        if (lastPulse != 0 && frameNanos - lastPulse < MIN_PULSE_NANOS) {
            return false;
        }
        lastPulse = frameNanos;
        long start = System.nanoTime();
        Observer told = observer;
        long cpu = told == NONE ? -1 : cpuNanos(); // only when observed (benchmarks): a clock read twice a pulse
        work.accept(start);
        long took = System.nanoTime() - start;
        if (told != NONE) {
            told.onPulse(start, took, cpu < 0 ? -1 : cpuNanos() - cpu);
        }
        return true;
    }

    private static long cpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
