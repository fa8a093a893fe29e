package dev.wsinspector.bench;

import javafx.animation.AnimationTimer;

import java.util.Arrays;

/**
 * JavaFX's own pulses, as the FX thread lives them: an {@link AnimationTimer} notes when each pulse reached it,
 * so a gap is the time the window could not paint (our work, JavaFX's CSS/layout/render, GC, waiting for a core).
 * Gaps go into a preallocated array, so measuring allocates nothing per pulse. FX thread only, except the figures
 * read after {@link #stop}.
 */
final class PulseMeter {

    private final long[] gaps = new long[1 << 17];
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long at = System.nanoTime();
            if (last != 0 && count < gaps.length) {
                gaps[count++] = at - last;
            }
            last = at;
        }
    };
    private volatile int count;
    private long last;
    private long startedNanos;
    private long stoppedNanos;

    /** Starts counting from the next pulse. FX thread. */
    void start() {
        count = 0;
        last = 0;
        startedNanos = System.nanoTime();
        timer.start();
    }

    /** FX thread. */
    void stop() {
        timer.stop();
        stoppedNanos = System.nanoTime();
    }

    int pulses() {
        return count + 1;
    }

    double pulsesPerSecond() {
        return pulses() / ((stoppedNanos - startedNanos) / 1e9);
    }

    double longestGapMillis() {
        return percentileMillis(1.0);
    }

    /** The gap that {@code share} of all gaps are at most (0.99: p99). */
    double percentileMillis(double share) {
        int n = count;
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(gaps, n);
        Arrays.sort(sorted);
        int at = (int) Math.min(n - 1, Math.ceil(share * n) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }
}
