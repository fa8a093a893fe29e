package dev.wsinspector.core.frame;

/**
 * Heap sizes of arrays for {@code retainedBytes()} estimates, assuming the default 64-bit HotSpot layout
 * (compressed class pointers and oops, i.e. heaps under 32 GiB): a 16-byte array header, objects aligned
 * to 8 bytes. Estimates, not measurements; the JOL test keeps them honest.
 */
final class HeapSizes {

    static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;

    private HeapSizes() {
    }

    static long array(long length, int elementBytes) {
        return align(ARRAY_HEADER + length * elementBytes);
    }

    static long referenceArray(long length) {
        return array(length, REFERENCE);
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
