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

    /**
     * Appends a frame the user crafted, as {@link #append} does (never inflated), marked so that it is shown and
     * exported as crafted ({@link #crafted}). {@code header} is what went on the wire, so its length may lie:
     * {@code payload} holds the bytes that really followed it (unmasked).
     *
     * @throws UnsupportedOperationException for a store that cannot keep the mark (a read-only one)
     */
    default long appendCrafted(Direction direction, WireHeader header, long monoNanos, ByteBuffer payload) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not keep crafted frames");
    }

    /** True when frame {@code seq} was crafted by the user (see {@link #appendCrafted}). */
    default boolean crafted(long seq) {
        return false;
    }

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

    /**
     * Fills {@code batch} with frames {@code from}, {@code from + 1}, … below {@code to}: as many as the batch
     * holds, at least one when {@code from < to}. For readers that visit every frame in order (the journal
     * writer); implementations copy whole column runs and one contiguous payload range instead of answering
     * field by field.
     *
     * @return the number of frames filled in ({@code batch.count()})
     * @throws IndexOutOfBoundsException when {@code from} is not a stored frame (and {@code from < to})
     */
    default int read(long from, long to, FrameBatch batch) {
        int n = 0;
        int bytes = 0;
        long end = Math.min(to, from + batch.capacity());
        for (long seq = from; seq < end; seq++) {
            int length = payloadLength(seq);
            if (n > 0 && (long) bytes + length > batch.payloadCapacity()) {
                break;
            }
            byte[] dst = batch.payloadFor((long) bytes + length); // grows only for a first, larger frame
            WireHeader h = header(seq);
            int extended = h.headerLength() - 2 - (h.masked() ? 4 : 0);
            batch.monoNanos[n] = monoNanos(seq);
            batch.flags[n] = h.firstByte() | (h.masked() ? FrameBatch.MASKED : 0)
                    | (direction(seq) == Direction.IN ? FrameBatch.INBOUND : 0)
                    | (inflated(seq) ? FrameBatch.INFLATED : 0)
                    | (crafted(seq) ? FrameBatch.CRAFTED : 0)
                    | (extended == 8 ? 2 : extended == 2 ? 1 : 0) << FrameBatch.LENGTH_CODE_SHIFT;
            batch.maskKey[n] = h.maskKey();
            batch.wirePayloadLength[n] = h.payloadLength();
            batch.payloadLength[n] = length;
            batch.payloadOffset[n] = bytes;
            int copied = readPayload(seq, 0, dst, bytes, length);
            if (copied != length) {
                throw new IllegalStateException("frame " + seq + " payload ended at " + copied + " of " + length + " bytes");
            }
            bytes += length;
            n++;
        }
        batch.filled(from, n);
        return n;
    }

    /** Sum of stored payload lengths. */
    long payloadBytes();

    /** Approximate heap held by this store (columns, chunks, bookkeeping), for the memory indicator. */
    long retainedBytes();
}
