package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;

/**
 * Tracks where WebSocket frames end in a byte stream that arrives in chunks split anywhere. Keeps only
 * the header in progress and how much payload is left; it never copies payloads.
 */
final class FrameBoundaries {

    private static final int MAX_HEADER = 14;

    private final byte[] header = new byte[MAX_HEADER];
    private int headerFill;
    private long payloadLeft = -1; // -1 while reading a header

    /**
     * Returns the index just past the end of the frame in progress at {@code chunk.position()}, or
     * {@code chunk.limit()} if that frame goes on beyond the chunk. The chunk is not moved; the caller
     * hands the bytes up to the returned index on and continues from there.
     */
    int endOfFrame(ByteBuffer chunk) {
        int pos = chunk.position();
        int limit = chunk.limit();
        while (pos < limit) {
            if (payloadLeft < 0) {
                header[headerFill++] = chunk.get(pos++);
                if (headerFill == headerLength()) {
                    payloadLeft = payloadLength();
                    headerFill = 0;
                    if (payloadLeft == 0) {
                        payloadLeft = -1;
                        return pos;
                    }
                }
            } else {
                int take = (int) Math.min(payloadLeft, limit - pos);
                pos += take;
                payloadLeft -= take;
                if (payloadLeft == 0) {
                    payloadLeft = -1;
                    return pos;
                }
            }
        }
        return limit;
    }

    void reset() {
        headerFill = 0;
        payloadLeft = -1;
    }

    private int headerLength() {
        if (headerFill < 2) {
            return 2;
        }
        int len7 = header[1] & 0x7f;
        boolean masked = (header[1] & 0x80) != 0;
        return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (masked ? 4 : 0);
    }

    private long payloadLength() {
        int len7 = header[1] & 0x7f;
        if (len7 < 126) {
            return len7;
        }
        if (len7 == 126) {
            return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xffL);
        }
        // A negative 64-bit length is invalid; the library rejects the frame itself, we just never end it.
        return length < 0 ? Long.MAX_VALUE : length;
    }
}
