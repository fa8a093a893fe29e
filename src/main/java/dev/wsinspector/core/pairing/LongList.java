package dev.wsinspector.core.pairing;

import java.util.Arrays;

/** A growable list of longs (latencies, sizes) without boxing. Not thread-safe. */
final class LongList {

    private long[] values = new long[16];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
