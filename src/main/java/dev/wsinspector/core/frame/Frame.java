package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;

/**
 * One captured frame, materialised from a {@link FrameStore} on demand (the store itself keeps frames in
 * columns, not as objects).
 *
 * @param seq         position in the connection's capture, from 0, both directions interleaved
 * @param epochMicros wall-clock time of capture, microseconds since the Unix epoch
 * @param monoNanos   monotonic capture time ({@link System#nanoTime()} scale), for intervals
 * @param direction   who sent it
 * @param header      the header exactly as on the wire
 * @param inflated    true when the payload was decompressed by permessage-deflate, so
 *                    {@code header.payloadLength()} is the compressed length
 * @param payload     the payload after unmasking and decompression, read-only
 * @param crafted     true for a frame the user crafted and sent past the library's encoder (any opcode, RSV
 *                    bits, mask, a length that lies), so it is shown and exported as such
 */
public record Frame(long seq, long epochMicros, long monoNanos, Direction direction, WireHeader header,
                    boolean inflated, ByteBuffer payload, boolean crafted) {

    public Frame {
        payload = payload.asReadOnlyBuffer();
    }

    /** A frame the library made or read (not crafted). */
    public Frame(long seq, long epochMicros, long monoNanos, Direction direction, WireHeader header,
                 boolean inflated, ByteBuffer payload) {
        this(seq, epochMicros, monoNanos, direction, header, inflated, payload, false);
    }

    public Opcode opcode() {
        return header.opcode();
    }

    public boolean fin() {
        return header.fin();
    }

    public boolean masked() {
        return header.masked();
    }

    /** Payload bytes after decompression (what the application sees). */
    public int payloadLength() {
        return payload.remaining();
    }

    /** Payload bytes as on the wire, or -1 when the frame was not compressed. */
    public long compressedLength() {
        return inflated ? header.payloadLength() : -1;
    }

    /** True when the store holds fewer bytes than the header announced (a frame cut short by an error). */
    public boolean truncated() {
        return !inflated && payload.remaining() < header.payloadLength();
    }

    /** A copy of the payload bytes. */
    public byte[] payloadBytes() {
        ByteBuffer copy = payload.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
