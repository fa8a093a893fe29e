package dev.wsinspector.core.frame;

import java.time.Instant;

/**
 * Time source for captures: a monotonic clock for ordering and intervals, anchored once to the wall clock
 * so each frame needs to store only one number. Tests substitute their own.
 */
public interface CaptureClock {

    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock microseconds since the epoch at the monotonic instant {@code nanoTime}. */
    long epochMicrosAt(long nanoTime);

    /** The system clock, anchored when this method is called. */
    static CaptureClock system() {
        Instant now = Instant.now();
        long anchorNanos = System.nanoTime();
        long anchorMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return new CaptureClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long epochMicrosAt(long nanoTime) {
                return anchorMicros + Math.floorDiv(nanoTime - anchorNanos, 1_000L);
            }
        };
    }
}
