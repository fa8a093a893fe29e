package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses the frames of outgoing messages as RFC 7692 §7.2.1 describes: raw DEFLATE, each fragment
 * flushed with SYNC_FLUSH, and the {@code 00 00 ff ff} that the flush leaves at the end of the message
 * removed. Not thread-safe.
 */
final class MessageDeflater {

    private static final int MIN_OUTPUT = 64;

    private final Deflater deflater;

    MessageDeflater(int level) {
        this.deflater = new Deflater(level, true);
    }

    /**
     * Compresses one fragment. Each fragment is flushed (not held back until the message ends) so that
     * what the user sent as N fragments shows up on the wire as N fragments that each carry their part.
     *
     * @param payload the fragment's bytes; consumed
     * @param fin     true for the message's last fragment
     * @return the compressed bytes (position 0, limit = length)
     */
    ByteBuffer compress(ByteBuffer payload, boolean fin) {
        deflater.setInput(payload);
        byte[] out = new byte[Math.max(MIN_OUTPUT, payload.remaining() + payload.remaining() / 64 + 16)];
        int length = 0;
        while (true) {
            length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
            // Deflater contract for SYNC_FLUSH: a full output buffer means there may be more to flush.
            if (length < out.length) {
                break;
            }
            out = Arrays.copyOf(out, out.length * 2);
        }
        if (fin) {
            length = finishMessage(out, length);
        }
        return ByteBuffer.wrap(out, 0, length);
    }

    private static int finishMessage(byte[] out, int length) {
        if (endsWithFlushMarker(out, length)) {
            return length - 4;
        }
        if (length == 0) {
            // zlib emits nothing when flushing twice without new input (an empty last fragment, or an
            // empty message right after another). The message must still end with a sync flush, so send
            // the header byte of an empty stored block; the receiver's appended 00 00 ff ff completes it.
            out[0] = 0;
            return 1;
        }
        return length;
    }

    private static boolean endsWithFlushMarker(byte[] out, int length) {
        return length >= 4 && out[length - 4] == 0 && out[length - 3] == 0
                && out[length - 2] == (byte) 0xff && out[length - 1] == (byte) 0xff;
    }

    /** Forgets the LZ77 window, so the next message does not refer back to earlier ones. */
    void resetContext() {
        deflater.reset();
    }
}
