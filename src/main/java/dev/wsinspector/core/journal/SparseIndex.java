package dev.wsinspector.core.journal;

import java.util.Arrays;

/**
 * The file offset of every {@value #STRIDE}th frame record: enough to find any frame with one short forward
 * walk, at 8 bytes per {@value #STRIDE} frames (80 KB for 10 million). One writer adds entries in order; any
 * thread reads entries below {@link #size()}.
 */
final class SparseIndex {

    static final int SHIFT = 10;
    static final int STRIDE = 1 << SHIFT;

    private volatile long[] offsets = new long[64];
    private volatile int size;

    /** Records the offset of frame {@code size() * STRIDE}. */
    void add(long offset) {
        long[] a = offsets;
        int n = size;
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
            a[n] = offset;
            offsets = a;
        } else {
            a[n] = offset;
        }
        size = n + 1;
    }

    int size() {
        return size;
    }

    /** Offset of the record of frame {@code block * STRIDE}. */
    long offset(int block) {
        if (block >= size) {
            throw new IndexOutOfBoundsException("block " + block + " of " + size);
        }
        return offsets[block];
    }
}
