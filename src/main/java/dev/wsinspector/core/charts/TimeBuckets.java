package dev.wsinspector.core.charts;

import java.util.Arrays;

/**
 * Per-time-bucket figures of one capture from its first frame on: at most {@code maxBuckets} buckets of equal
 * width; when a time falls beyond the last one, neighbours merge in pairs and the width doubles (sums add, maxima
 * take the larger, first seqs the smaller), so memory is bounded and totals are kept however long the session.
 */
public final class TimeBuckets {

    public static final int MESSAGES_IN = 0;
    public static final int MESSAGES_OUT = 1;
    public static final int BYTES_IN = 2;
    public static final int BYTES_OUT = 3;
    public static final int RTT_SUM = 4;
    public static final int RTT_COUNT = 5;
    public static final int RTT_MAX = 6;
    public static final int LATENCY_SUM = 7;
    public static final int LATENCY_COUNT = 8;
    public static final int LATENCY_MAX = 9;
    /** The smallest seq of a frame in the bucket ({@link Long#MAX_VALUE}: none). */
    public static final int FIRST_SEQ = 10;
    static final int COLUMNS = 11;

    private final int maxBuckets;
    private final long[][] columns = new long[COLUMNS][];
    private long widthNanos;
    private long originNanos;
    private boolean started;
    private int used;

    /**
     * @param firstWidthNanos the width until the session outgrows {@code maxBuckets} of it
     * @param maxBuckets      even, at least 2
     */
    public TimeBuckets(long firstWidthNanos, int maxBuckets) {
        if (firstWidthNanos <= 0 || maxBuckets < 2 || maxBuckets % 2 != 0) {
            throw new IllegalArgumentException("width " + firstWidthNanos + ", buckets " + maxBuckets);
        }
        this.widthNanos = firstWidthNanos;
        this.maxBuckets = maxBuckets;
        for (int c = 0; c < COLUMNS; c++) {
            columns[c] = new long[maxBuckets];
        }
        Arrays.fill(columns[FIRST_SEQ], Long.MAX_VALUE);
    }

    /** The bucket for time {@code monoNanos}, widening the buckets if need be; the first call sets the origin. */
    public int bucket(long monoNanos) {
        if (!started) {
            started = true;
            originNanos = monoNanos;
        }
        long offset = Math.max(0, monoNanos - originNanos); // frames of two threads may be stamped out of order
        long index = offset / widthNanos;
        while (index >= maxBuckets) {
            halve();
            index = offset / widthNanos;
        }
        used = Math.max(used, (int) index + 1);
        return (int) index;
    }

    public void add(int column, int bucket, long value) {
        columns[column][bucket] += value;
    }

    public void max(int column, int bucket, long value) {
        columns[column][bucket] = Math.max(columns[column][bucket], value);
    }

    public void seq(int bucket, long seq) {
        columns[FIRST_SEQ][bucket] = Math.min(columns[FIRST_SEQ][bucket], seq);
    }

    private void halve() {
        for (int c = 0; c < COLUMNS; c++) {
            long[] col = columns[c];
            for (int i = 0; i < maxBuckets / 2; i++) {
                long a = col[2 * i];
                long b = col[2 * i + 1];
                col[i] = c == FIRST_SEQ ? Math.min(a, b) : c == RTT_MAX || c == LATENCY_MAX ? Math.max(a, b) : a + b;
            }
            Arrays.fill(col, maxBuckets / 2, maxBuckets, c == FIRST_SEQ ? Long.MAX_VALUE : 0);
        }
        widthNanos *= 2;
        used = (used + 1) / 2;
    }

    public long widthNanos() {
        return widthNanos;
    }

    public long originNanos() {
        return originNanos;
    }

    /** Buckets from the first to the one of the latest time. */
    public int used() {
        return used;
    }

    /** A copy of the used part of each column. */
    long[][] copy() {
        long[][] out = new long[COLUMNS][];
        for (int c = 0; c < COLUMNS; c++) {
            out[c] = Arrays.copyOf(columns[c], used);
        }
        return out;
    }
}
