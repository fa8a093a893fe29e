package dev.wsinspector.core.charts;

/**
 * Counts of non-negative values in powers-of-two buckets: bucket 0 holds 0, bucket {@code k ≥ 1} holds
 * {@code [2^(k-1), 2^k)}. 64 longs whatever was counted.
 */
public final class LogHistogram {

    public static final int BUCKETS = 64;

    private final long[] counts = new long[BUCKETS];
    private long total;

    /** The bucket of {@code value} (negative values count as 0). */
    public static int bucketOf(long value) {
        return value <= 0 ? 0 : Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(value));
    }

    /** Smallest value of bucket {@code k}. */
    public static long lowerBound(int k) {
        return k == 0 ? 0 : 1L << (k - 1);
    }

    /** One past the largest value of bucket {@code k}. */
    public static long upperBound(int k) {
        return k == 0 ? 1 : k >= 63 ? Long.MAX_VALUE : 1L << k;
    }

    public void add(long value) {
        counts[bucketOf(value)]++;
        total++;
    }

    public long total() {
        return total;
    }

    /** A copy of the counts, bucket by bucket. */
    public long[] counts() {
        return counts.clone();
    }
}
