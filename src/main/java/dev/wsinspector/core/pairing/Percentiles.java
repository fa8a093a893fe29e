package dev.wsinspector.core.pairing;

import java.util.Arrays;

/**
 * Figures of a list of values (latencies in nanoseconds, sizes in bytes): count, min, mean, p50, p95, p99 (nearest
 * rank: the smallest value with at least that share of values at or below it) and max; -1 for each when empty.
 */
public record Percentiles(long count, long min, double mean, long p50, long p95, long p99, long max) {

    public static final Percentiles EMPTY = new Percentiles(0, -1, -1, -1, -1, -1, -1);

    /** Sorts {@code values} in place. */
    public static Percentiles of(long[] values) {
        if (values.length == 0) {
            return EMPTY;
        }
        Arrays.sort(values);
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return new Percentiles(values.length, values[0], sum / values.length, rank(values, 50), rank(values, 95),
                rank(values, 99), values[values.length - 1]);
    }

    static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
