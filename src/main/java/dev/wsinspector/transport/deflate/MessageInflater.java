package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.LimitExceededException;
import org.java_websocket.framing.CloseFrame;

/**
 * Decompresses the frames of incoming messages (RFC 7692 §7.2.2): the fragments' bytes are one raw DEFLATE
 * stream; at the end of a message {@code 00 00 ff ff} is appended before the final inflate. A 15-bit
 * window decodes data compressed with any smaller window, so this works whatever window the peer uses.
 *
 * <p>Guards against decompression bombs: a message that inflates past {@code maxMessageSize} fails with
 * the library's {@link LimitExceededException} (close 1009) without ever holding much more than the limit
 * in memory. Not thread-safe.
 */
final class MessageInflater {

    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final int MIN_OUTPUT = 256;

    private final Inflater inflater = new Inflater(true);
    private final int maxMessageSize;
    private long messageSize;

    MessageInflater(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Inflates one fragment of the current message.
     *
     * @param compressed the fragment's payload as received; consumed
     * @param fin        true for the message's last fragment: appends the tail and ends the message
     * @param resetAfter when ending the message, also forget the LZ77 window (peer has no context takeover)
     * @return the inflated bytes (position 0, limit = length)
     */
    ByteBuffer inflate(ByteBuffer compressed, boolean fin, boolean resetAfter) throws InvalidDataException {
        Output out = new Output(compressed.remaining());
        try {
            inflater.setInput(compressed);
            drain(out);
            if (inflater.finished() && compressed.hasRemaining()) {
                throw new InvalidDataException(CloseFrame.NO_UTF8, "data after the final DEFLATE block");
            }
            if (fin) {
                if (!inflater.finished()) {
                    inflater.setInput(TAIL);
                    drain(out);
                }
                endMessage(resetAfter);
            }
        } catch (DataFormatException e) {
            // 1007 like other servers use for payloads that do not match what the frame claims to carry.
            throw new InvalidDataException(CloseFrame.NO_UTF8, "invalid compressed data: " + e.getMessage());
        }
        return ByteBuffer.wrap(out.bytes, 0, out.length);
    }

    private void drain(Output out) throws DataFormatException, LimitExceededException {
        while (!inflater.finished()) {
            if (out.isFull()) {
                out.grow(maxMessageSize - messageSize + 1);
            }
            int n = inflater.inflate(out.bytes, out.length, out.bytes.length - out.length);
            out.length += n;
            messageSize += n;
            if (messageSize > maxMessageSize) {
                throw new LimitExceededException(
                        "compressed message inflates to more than " + maxMessageSize + " bytes", maxMessageSize);
            }
            if (n == 0) {
                // Inflater returns 0 only when it needs input (done for now) or a preset dictionary,
                // which raw permessage-deflate data never asks for.
                if (inflater.needsDictionary()) {
                    throw new DataFormatException("stream asks for a preset dictionary");
                }
                return;
            }
        }
    }

    private void endMessage(boolean resetContext) {
        messageSize = 0;
        // A peer that ended its DEFLATE stream with a BFINAL block starts a new stream with its next
        // message, so the window cannot carry over in that case either.
        if (resetContext || inflater.finished()) {
            inflater.reset();
        }
    }

    /** Forgets the window and any half-received message (used when the connection is reset). */
    void reset() {
        messageSize = 0;
        inflater.reset();
    }

    /** A growable output array whose growth stops one byte past what the size limit allows. */
    private static final class Output {
        byte[] bytes;
        int length;

        Output(int compressedLength) {
            bytes = new byte[(int) Math.max(MIN_OUTPUT, Math.min(compressedLength * 4L, 1 << 20))];
        }

        boolean isFull() {
            return length == bytes.length;
        }

        void grow(long allowedMore) {
            long wanted = Math.min((long) bytes.length * 2, length + Math.max(1, allowedMore));
            int capacity = (int) Math.min(wanted, Integer.MAX_VALUE - 16);
            bytes = Arrays.copyOf(bytes, Math.max(capacity, length + 1));
        }
    }
}
