package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.CaptureClock;

/**
 * The clock of a capture read from a file: each frame's recorded wall-clock time is stored as its monotonic
 * time (nanoseconds after the first recorded time), so {@code epochMicrosAt} gives back exactly the recorded
 * microseconds. Anchored by the first {@link #monoNanosFor} call, which importers make on their own thread
 * before handing the session out.
 */
final class RecordedClock implements CaptureClock {

    /** Offsets are kept within what nanoseconds in a long can hold (about 292 years either way). */
    private static final long MAX_OFFSET_MICROS = Long.MAX_VALUE / 1_000 - 1;

    private volatile long anchorMicros;
    private volatile boolean anchored;

    /** The monotonic time to store for a frame recorded at {@code epochMicros}. */
    long monoNanosFor(long epochMicros) {
        if (!anchored) {
            anchorMicros = epochMicros;
            anchored = true;
        }
        return offsetNanos(epochMicros);
    }

    /** Now, on the same scale, so intervals up to "now" still make sense for an imported capture. */
    @Override
    public long nanoTime() {
        return offsetNanos(System.currentTimeMillis() * 1_000L);
    }

    @Override
    public long epochMicrosAt(long nanoTime) {
        return anchorMicros + Math.floorDiv(nanoTime, 1_000L);
    }

    private long offsetNanos(long epochMicros) {
        long offset;
        try {
            offset = Math.subtractExact(epochMicros, anchorMicros);
        } catch (ArithmeticException e) {
            offset = epochMicros < anchorMicros ? -MAX_OFFSET_MICROS : MAX_OFFSET_MICROS;
        }
        return Math.max(-MAX_OFFSET_MICROS, Math.min(MAX_OFFSET_MICROS, offset)) * 1_000L;
    }
}
