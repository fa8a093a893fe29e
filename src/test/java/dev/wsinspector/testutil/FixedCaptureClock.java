package dev.wsinspector.testutil;

import dev.wsinspector.core.frame.CaptureClock;

/** Monotonic 0 is {@code epochMicrosAtZero}; one monotonic microsecond is one wall-clock microsecond. */
public final class FixedCaptureClock implements CaptureClock {

    private final long epochMicrosAtZero;

    public FixedCaptureClock(long epochMicrosAtZero) {
        this.epochMicrosAtZero = epochMicrosAtZero;
    }

    @Override
    public long nanoTime() {
        return 0;
    }

    @Override
    public long epochMicrosAt(long nanoTime) {
        return epochMicrosAtZero + nanoTime / 1_000;
    }
}
