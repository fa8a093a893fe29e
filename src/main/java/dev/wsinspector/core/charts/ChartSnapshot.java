package dev.wsinspector.core.charts;

/**
 * The charts' figures at one moment (a copy the counting never touches again; readers leave the arrays as they are): per time bucket from the capture's
 * first frame, and the size and latency histograms. Times are seconds since the first frame; rates are a bucket's
 * count over its width (the newest bucket of a live capture is still filling, so it reads low).
 *
 * @param originNanos the first frame's capture time
 * @param widthNanos  width of each bucket
 * @param frames      frames counted
 */
public record ChartSnapshot(long originNanos, long widthNanos, long frames, long[][] columns, long[] sizesIn,
                            long[] sizesOut, long[] latencyMicros) {

    public static final ChartSnapshot EMPTY = new CaptureCharts().snapshot();

    public int buckets() {
        return columns[0].length;
    }

    /** Start of bucket {@code i}, seconds since the first frame. */
    public double startSeconds(int i) {
        return i * (widthNanos / 1e9);
    }

    /** The bucket holding {@code seconds} since the first frame, or -1 outside the buckets. */
    public int bucketAt(double seconds) {
        if (seconds < 0 || buckets() == 0) {
            return -1;
        }
        long i = (long) Math.floor(seconds * 1e9 / widthNanos);
        return i < buckets() ? (int) i : -1;
    }

    /** Bucket {@code i}'s value in {@code column} (a {@link TimeBuckets} constant). */
    public long value(int column, int i) {
        return columns[column][i];
    }

    /** Bucket {@code i}'s {@code column} per second. */
    public double perSecond(int column, int i) {
        return columns[column][i] / (widthNanos / 1e9);
    }

    /** Mean of {@code sumColumn} over {@code countColumn} in bucket {@code i}, in milliseconds; NaN when none. */
    public double meanMillis(int sumColumn, int countColumn, int i) {
        long n = columns[countColumn][i];
        return n == 0 ? Double.NaN : columns[sumColumn][i] / (double) n / 1e6;
    }

    /** The first frame in bucket {@code i} or after it, or -1 when none is counted there or later. */
    public long firstSeqFrom(int i) {
        for (int b = Math.max(0, i); b < buckets(); b++) {
            long seq = columns[TimeBuckets.FIRST_SEQ][b];
            if (seq != Long.MAX_VALUE) {
                return seq;
            }
        }
        return -1;
    }

    /** Sum of {@code column} over every bucket. */
    public long total(int column) {
        long sum = 0;
        for (long v : columns[column]) {
            sum += v;
        }
        return sum;
    }
}
