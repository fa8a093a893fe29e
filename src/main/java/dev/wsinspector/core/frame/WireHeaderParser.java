package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;

/**
 * Reads WebSocket frame headers from a byte stream that arrives in chunks split anywhere (one byte at a
 * time works). It keeps only the state of the header in progress and how much payload is left, so it never
 * buffers payloads itself: payload bytes are handed to the listener as slices of the input.
 *
 * <p>Not thread-safe: one parser per direction of one connection, fed from one thread.
 */
public final class WireHeaderParser {

    /** Receives what the parser finds, in stream order. */
    public interface Listener {
        /** A complete header was read; its payload (possibly empty) follows. */
        void onHeader(WireHeader header);

        /**
         * A part of the current frame's payload, exactly as on the wire (still masked if the frame is).
         * The slice is only valid during the call.
         *
         * @param part            the bytes; read them, do not keep the buffer
         * @param payloadOffset   offset of {@code part}'s first byte within the frame's payload
         */
        default void onPayload(ByteBuffer part, long payloadOffset) {
        }

        /** The last payload byte of the current frame was read (called right after {@link #onHeader} for empty payloads). */
        default void onFrameEnd(WireHeader header) {
        }
    }

    private static final int MAX_HEADER = 14;

    private final Listener listener;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerFill;
    private WireHeader current;
    /** The last header made; reused when the next one is identical (records are immutable). */
    private WireHeader previous;
    private long payloadRead;
    private long framesParsed;

    public WireHeaderParser(Listener listener) {
        this.listener = listener;
    }

    /**
     * Parses all remaining bytes of {@code data}. The buffer's position and limit are left unchanged.
     *
     * <p>Runs on the socket read thread for every chunk, so it allocates nothing per frame in the common case:
     * one view of {@code data} per call is reused for every payload slice (listeners must not keep it, see
     * {@link Listener#onPayload}), a header that lies wholly in the chunk is read in place, and a header equal
     * to the previous one (a server sending same-sized unmasked frames) is the same immutable instance.
     */
    public void feed(ByteBuffer data) {
        int pos = data.position();
        int limit = data.limit();
        ByteBuffer part = null;
        while (pos < limit) {
            if (current == null) {
                int whole = headerFill == 0 ? completeHeaderLength(data, pos, limit) : 0;
                if (whole > 0) {
                    data.get(pos, header, 0, whole); // absolute bulk get: position unchanged
                    headerFill = whole;
                    pos += whole;
                    startFrame();
                    continue;
                }
                header[headerFill++] = data.get(pos++);
                int needed = headerLengthSoFar();
                if (headerFill == needed) {
                    startFrame();
                }
            } else {
                long remaining = current.payloadLength() - payloadRead;
                int take = (int) Math.min(remaining, limit - pos);
                if (part == null) {
                    part = data.duplicate();
                }
                // limit first: it only grows from one slice to the next, so position(pos) is always legal
                part.limit(pos + take).position(pos);
                listener.onPayload(part, payloadRead);
                payloadRead += take;
                pos += take;
                if (payloadRead == current.payloadLength()) {
                    endFrame();
                }
            }
        }
    }

    /** Length of the header starting at {@code pos} when all of it is in {@code [pos, limit)}, else 0. */
    private static int completeHeaderLength(ByteBuffer data, int pos, int limit) {
        if (limit - pos < 2) {
            return 0;
        }
        int b1 = data.get(pos + 1);
        int len7 = b1 & 0x7F;
        int length = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((b1 & 0x80) != 0 ? 4 : 0);
        return limit - pos >= length ? length : 0;
    }

    /** The header of the frame whose payload is being read, or null between frames. */
    public WireHeader currentHeader() {
        return current;
    }

    /** Payload bytes of the current frame read so far. */
    public long currentPayloadRead() {
        return payloadRead;
    }

    /** True when the parser stopped in the middle of a header or a payload. */
    public boolean isMidFrame() {
        return current != null || headerFill > 0;
    }

    /** Number of complete frames parsed. */
    public long framesParsed() {
        return framesParsed;
    }

    /** Forgets any partial frame (after the connection was reset). */
    public void reset() {
        headerFill = 0;
        current = null;
        payloadRead = 0;
    }

    /** Header length implied by the bytes read so far (grows as the length and mask bytes are known). */
    private int headerLengthSoFar() {
        if (headerFill < 2) {
            return 2;
        }
        int len7 = header[1] & 0x7F;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        boolean masked = (header[1] & 0x80) != 0;
        return 2 + extended + (masked ? 4 : 0);
    }

    private void startFrame() {
        int b0 = header[0] & 0xFF;
        int b1 = header[1] & 0xFF;
        boolean masked = (b1 & 0x80) != 0;
        int len7 = b1 & 0x7F;
        long length;
        int at;
        if (len7 == 126) {
            length = ((header[2] & 0xFFL) << 8) | (header[3] & 0xFFL);
            at = 4;
        } else if (len7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (header[i] & 0xFFL);
            }
            // The most significant bit must be 0 (RFC 6455 5.2); a peer that sets it sent a protocol error.
            // Keep the value non-negative so arithmetic stays sane; the engine reports the error.
            length &= Long.MAX_VALUE;
            at = 10;
        } else {
            length = len7;
            at = 2;
        }
        int maskKey = 0;
        if (masked) {
            maskKey = ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16)
                    | ((header[at + 2] & 0xFF) << 8) | (header[at + 3] & 0xFF);
            at += 4;
        }
        WireHeader last = previous;
        if (last != null && last.payloadLength() == length && last.firstByte() == b0 && last.masked() == masked
                && last.maskKey() == maskKey && last.headerLength() == at) {
            current = last;
        } else {
            current = new WireHeader((b0 & 0x80) != 0, (b0 & 0x40) != 0, (b0 & 0x20) != 0, (b0 & 0x10) != 0,
                    Opcode.of(b0), masked, maskKey, length, at);
            previous = current;
        }
        headerFill = 0;
        payloadRead = 0;
        listener.onHeader(current);
        if (length == 0) {
            endFrame();
        }
    }

    private void endFrame() {
        WireHeader done = current;
        current = null;
        payloadRead = 0;
        framesParsed++;
        listener.onFrameEnd(done);
    }

    /**
     * Unmasks (or masks: the operation is its own inverse) {@code len} bytes of {@code data} in place.
     *
     * @param payloadOffset offset of {@code data[off]} within the frame payload, which selects the key byte
     */
    public static void unmask(byte[] data, int off, int len, int maskKey, long payloadOffset) {
        for (int i = 0; i < len; i++) {
            int shift = 24 - 8 * (int) ((payloadOffset + i) & 3);
            data[off + i] ^= (byte) (maskKey >>> shift);
        }
    }
}
