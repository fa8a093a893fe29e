package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;

/**
 * Where a {@link ColumnarFrameStore} keeps payload bytes: an append-only byte space in which every record
 * gets an address. The frame store keeps the address and the record's length in its own columns, so an
 * implementation needs no per-record bookkeeping. Today's implementation is {@link ChunkedPayloadStore}
 * (heap chunks); the interface is kept this small so that an on-disk journal read back on demand can
 * replace it.
 *
 * <p>Threading: the caller serialises {@link #append} (one writer at a time). Reads may run concurrently
 * with appends, for records whose address reached the reader through a happens-before edge (the frame
 * store publishes its size after the record was written).
 */
public interface PayloadStore {

    /**
     * Appends one record, {@code prefix[0, prefixLength)} followed by the remaining bytes of
     * {@code payload}, and returns its address. The payload buffer's position is left unchanged.
     * Must not allocate per call beyond occasional new chunks: it runs on the socket read thread.
     */
    long append(byte[] prefix, int prefixLength, ByteBuffer payload);

    /**
     * Copies {@code len} bytes of the record at {@code address}, starting {@code offset} bytes into the
     * record, to {@code dst[dstOffset, dstOffset + len)}. The caller knows each record's length and never
     * reads past it.
     *
     * @throws IndexOutOfBoundsException when the range lies outside what was appended or outside {@code dst}
     */
    void read(long address, long offset, byte[] dst, int dstOffset, int len);

    /** Reads a big-endian int at {@code offset} within the record at {@code address}. */
    default int readInt(long address, long offset) {
        byte[] b = new byte[4];
        read(address, offset, b, 0, 4);
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    /** Reads a big-endian long at {@code offset} within the record at {@code address}. */
    default long readLong(long address, long offset) {
        return (long) readInt(address, offset) << 32 | (readInt(address, offset + 4) & 0xFFFF_FFFFL);
    }

    /** Bytes appended so far, prefixes included. */
    long size();

    /** Approximate heap held (chunks and bookkeeping); an on-disk implementation reports only its buffers. */
    long retainedBytes();
}
