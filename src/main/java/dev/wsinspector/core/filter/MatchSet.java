package dev.wsinspector.core.filter;

import java.util.Arrays;

/**
 * Which rows matched, as an immutable bit set over row numbers (frame seqs, or event indexes) below
 * {@link #limit()}: one bit a row, so ten million frames take 1.25 MB, with a count per block of 32768 rows so
 * that "the k-th match" and "how many before this row" (the filtered timeline's scroll position, "N of M") cost
 * a binary search and at most 512 word counts.
 */
public final class MatchSet {

    private static final int BLOCK_WORDS = 512;

    /** Nothing decided yet. */
    public static final MatchSet EMPTY = new MatchSet(new long[0], 0);

    private final long[] words;
    private final long limit;
    /** {@code before[b]}: matches in the words before block {@code b}; one more entry holds the total. */
    private final long[] before;

    /** @param words bits below {@code limit} (a copy that nobody changes later); bits at or above it are ignored */
    MatchSet(long[] words, long limit) {
        int n = (int) ((limit + 63) >>> 6);
        this.words = Arrays.copyOf(words, n);
        if (limit % 64 != 0 && n > 0) {
            this.words[n - 1] &= (1L << (limit % 64)) - 1;
        }
        this.limit = limit;
        int blocks = (n + BLOCK_WORDS - 1) / BLOCK_WORDS;
        before = new long[blocks + 1];
        long count = 0;
        for (int b = 0; b < blocks; b++) {
            before[b] = count;
            for (int w = b * BLOCK_WORDS; w < Math.min(n, (b + 1) * BLOCK_WORDS); w++) {
                count += Long.bitCount(this.words[w]);
            }
        }
        before[blocks] = count;
    }

    /** Every row below {@code limit} (the frames shown when no filter is on but some rows are folded away). */
    public static MatchSet all(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        long[] words = new long[(int) ((limit + 63) >>> 6)];
        Arrays.fill(words, -1L);
        return new MatchSet(words, limit);
    }

    /** These matches without the rows {@code rows[0..count)} (any order; rows outside the set are ignored). */
    public MatchSet without(long[] rows, int count) {
        long[] copy = Arrays.copyOf(words, words.length);
        for (int i = 0; i < count; i++) {
            long row = rows[i];
            if (row >= 0 && row < limit) {
                copy[(int) (row >>> 6)] &= ~(1L << row);
            }
        }
        return new MatchSet(copy, limit);
    }

    /** Rows below this were looked at; those at or above it are not decided yet (never matches). */
    public long limit() {
        return limit;
    }

    /** Matching rows. */
    public long count() {
        return before[before.length - 1];
    }

    public boolean contains(long row) {
        return row >= 0 && row < limit && (words[(int) (row >>> 6)] & 1L << row) != 0;
    }

    /** How many rows below {@code row} matched. */
    public long rank(long row) {
        if (row <= 0) {
            return 0;
        }
        if (row >= limit) {
            return count();
        }
        int w = (int) (row >>> 6);
        int b = w / BLOCK_WORDS;
        long n = before[b];
        for (int i = b * BLOCK_WORDS; i < w; i++) {
            n += Long.bitCount(words[i]);
        }
        return n + Long.bitCount(words[w] & ((1L << row) - 1));
    }

    /** The row of the {@code k}-th match (from 0), or -1 when there are not that many. */
    public long select(long k) {
        if (k < 0 || k >= count()) {
            return -1;
        }
        int lo = 0;
        int hi = before.length - 2;
        while (lo < hi) { // the last block whose count before it is <= k
            int mid = (lo + hi + 1) >>> 1;
            if (before[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long left = k - before[lo];
        for (int w = lo * BLOCK_WORDS; w < words.length; w++) {
            int c = Long.bitCount(words[w]);
            if (left < c) {
                long bits = words[w];
                for (int i = 0; i < left; i++) {
                    bits &= bits - 1;
                }
                return ((long) w << 6) + Long.numberOfTrailingZeros(bits);
            }
            left -= c;
        }
        return -1;
    }

    /** The first matching row at or after {@code row}, or -1. */
    public long next(long row) {
        if (row < 0) {
            row = 0;
        }
        if (row >= limit) {
            return -1;
        }
        int w = (int) (row >>> 6);
        long bits = words[w] & (-1L << row);
        while (bits == 0) {
            if (++w == words.length) {
                return -1;
            }
            bits = words[w];
        }
        return ((long) w << 6) + Long.numberOfTrailingZeros(bits);
    }

    /** The last matching row at or before {@code row}, or -1. */
    public long previous(long row) {
        if (row < 0 || limit == 0) {
            return -1;
        }
        if (row >= limit) {
            row = limit - 1;
        }
        int w = (int) (row >>> 6);
        long bits = words[w] & (-1L >>> (63 - (row & 63)));
        while (bits == 0) {
            if (--w < 0) {
                return -1;
            }
            bits = words[w];
        }
        return ((long) w << 6) + 63 - Long.numberOfLeadingZeros(bits);
    }

    /** The matching rows in order (tests, small sets). */
    public long[] toArray() {
        long[] out = new long[(int) count()];
        int i = 0;
        for (long r = next(0); r >= 0; r = next(r + 1)) {
            out[i++] = r;
        }
        return out;
    }
}
