package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;

/**
 * Running totals and rates of a capture, updated by reading the store's columns from where the last update
 * stopped (so the socket thread does no counting). Call {@link #update} from one thread only; {@link #snapshot}
 * hands its figures to others.
 */
public final class CaptureStats {

    /** The figures at one moment, immutable, so one thread can count and another show them. */
    public record Snapshot(long framesIn, long bytesIn, long framesOut, long bytesOut, double framesInPerSecond,
                           double bytesInPerSecond, double framesOutPerSecond, double bytesOutPerSecond) {

        /** Nothing counted yet. */
        public static final Snapshot NONE = new Snapshot(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Rates are averaged over at least this long, so they do not flicker at 60 Hz. */
    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;

    private long scanned;
    private long framesIn;
    private long framesOut;
    private long bytesIn;
    private long bytesOut;

    private long windowStart = -1;
    private long windowFramesIn;
    private long windowFramesOut;
    private long windowBytesIn;
    private long windowBytesOut;
    private double framesInPerSecond;
    private double framesOutPerSecond;
    private double bytesInPerSecond;
    private double bytesOutPerSecond;

    /** Counts frames appended since the last call; {@code nowNanos} drives the rate window. */
    public void update(FrameStore store, long nowNanos) {
        long size = store.size();
        FrameStore.Totals sealed = scanned == 0 ? store.sealedTotals() : null;
        if (sealed != null) {
            // A stored session was counted when it was opened: no need to read every frame again.
            framesIn = sealed.framesIn();
            framesOut = sealed.framesOut();
            bytesIn = sealed.bytesIn();
            bytesOut = sealed.bytesOut();
            scanned = size;
        }
        for (long seq = scanned; seq < size; seq++) {
            int length = store.payloadLength(seq);
            if (store.direction(seq) == Direction.IN) {
                framesIn++;
                bytesIn += length;
            } else {
                framesOut++;
                bytesOut += length;
            }
        }
        scanned = size;
        if (windowStart < 0) {
            restartWindow(nowNanos);
        } else if (nowNanos - windowStart >= RATE_WINDOW_NANOS) {
            double seconds = (nowNanos - windowStart) / 1e9;
            framesInPerSecond = (framesIn - windowFramesIn) / seconds;
            framesOutPerSecond = (framesOut - windowFramesOut) / seconds;
            bytesInPerSecond = (bytesIn - windowBytesIn) / seconds;
            bytesOutPerSecond = (bytesOut - windowBytesOut) / seconds;
            restartWindow(nowNanos);
        }
    }

    /** The figures as of the last {@link #update}. */
    public Snapshot snapshot() {
        return new Snapshot(framesIn, bytesIn, framesOut, bytesOut, framesInPerSecond, bytesInPerSecond,
                framesOutPerSecond, bytesOutPerSecond);
    }

    private void restartWindow(long nowNanos) {
        windowStart = nowNanos;
        windowFramesIn = framesIn;
        windowFramesOut = framesOut;
        windowBytesIn = bytesIn;
        windowBytesOut = bytesOut;
    }

    public long framesIn() {
        return framesIn;
    }

    public long framesOut() {
        return framesOut;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public double framesInPerSecond() {
        return framesInPerSecond;
    }

    public double framesOutPerSecond() {
        return framesOutPerSecond;
    }

    public double bytesInPerSecond() {
        return bytesInPerSecond;
    }

    public double bytesOutPerSecond() {
        return bytesOutPerSecond;
    }
}
