package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;

/**
 * The capture of one connection: an append-only, thread-safe sequence of frames in both directions.
 *
 * <p>Writers are transport threads (the socket read thread and the send thread); they call
 * {@link #append} and return. Readers (the UI pulse, the CLI printer, exporters) read any
 * {@code seq < size()} at any time without locking the writers out. Implementations keep per-frame overhead
 * small: headers in primitive columns, payloads in large shared chunks (or, later, an on-disk journal read
 * back on demand through {@link #readPayload}); no object graph per frame. {@link #get} materialises one.
 */
public interface FrameStore {

    /**
     * Appends one frame and returns its sequence number.
     *
     * @param direction who sent it
     * @param header    header as on the wire
     * @param inflated  true when {@code payload} was decompressed (permessage-deflate)
     * @param monoNanos capture time from the store's {@link #clock()}
     * @param payload   payload after unmasking and decompression; bytes between position and limit are
     *                  copied, the buffer's position is left unchanged
     */
    long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload);

    /** Frames stored so far; every {@code seq < size()} is readable. */
    long size();

    /** The clock that stamps this capture. */
    CaptureClock clock();

    /**
     * Frame and payload-byte counts per direction when this store is sealed (a stored session, counted when it
     * was opened), so nobody has to read millions of frames again to count them; null for a store that grows.
     */
    default Totals sealedTotals() {
        return null;
    }

    /** Frames and payload bytes (after decompression) per direction. */
    record Totals(long framesIn, long framesOut, long bytesIn, long bytesOut) {
    }

    /** Materialises frame {@code seq} with a copy of its payload. */
    Frame get(long seq);

    Direction direction(long seq);

    /** The header of frame {@code seq} as on the wire, without copying its payload. */
    default WireHeader header(long seq) {
        return get(seq).header();
    }

    Opcode opcode(long seq);

    /** FIN, RSV1-3 and opcode bits, as the first header byte on the wire. */
    int firstByte(long seq);

    boolean masked(long seq);

    boolean inflated(long seq);

    long monoNanos(long seq);

    long epochMicros(long seq);

    /** Stored payload length (after decompression). */
    int payloadLength(long seq);

    /** Payload length field from the wire header (compressed length for inflated frames). */
    long wirePayloadLength(long seq);

    /**
     * Copies up to {@code len} payload bytes of frame {@code seq}, starting at {@code offset}, into
     * {@code dst} and returns how many were copied (fewer near the end of the payload). Cheap for previews.
     */
    int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len);

    /** Sum of stored payload lengths. */
    long payloadBytes();

    /** Approximate heap held by this store (columns, chunks, bookkeeping), for the memory indicator. */
    long retainedBytes();
}
