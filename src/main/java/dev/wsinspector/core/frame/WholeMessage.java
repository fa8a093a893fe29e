package dev.wsinspector.core.frame;

import java.util.Arrays;
import java.util.Optional;

/**
 * A fragmented message (a TEXT or BINARY frame without FIN, then its continuation frames up to the one with FIN)
 * found in a {@link FrameStore} by reading headers from its first frame on: control frames and the other
 * direction's frames between the fragments are stepped over, and nothing is copied until {@link #payload} or
 * {@link #prefix} asks, which read the members' payloads by seq. A message whose last frame has not arrived
 * (the end of a live capture), that a new TEXT or BINARY frame breaks off (a protocol error), or that goes on
 * beyond the frames looked at, is not {@link #complete()}.
 *
 * @param direction  who sent it
 * @param text       true for a text message
 * @param seqs       the member frames in order, the first frame first (never shared: not to be changed)
 * @param length     payload bytes of the whole message (after decompression)
 * @param wireLength payload bytes on the wire (the compressed length when permessage-deflate was used)
 * @param inflated   true when the message was compressed
 * @param complete   true when its last frame (FIN) was found
 */
public record WholeMessage(Direction direction, boolean text, long[] seqs, long length, long wireLength,
                           boolean inflated, boolean complete) {

    /** Largest message the views reassemble; a larger one is shown as its first frame, saying so. */
    public static final int MAX_REASSEMBLED_BYTES = 16 * 1024 * 1024;
    /** Most frames (any direction, control frames included) looked at after a message's first frame. */
    public static final int MAX_FRAMES = 1 << 16;

    /**
     * The message whose first frame is {@code first}, or empty when that frame does not start a fragmented message
     * (a whole one-frame message, a continuation, a control frame).
     *
     * @param maxFrames most frames looked at after the first (see {@link #MAX_FRAMES})
     */
    public static Optional<WholeMessage> starting(FrameStore store, long first, int maxFrames) {
        long size = store.size();
        if (first < 0 || first >= size) {
            return Optional.empty();
        }
        int firstByte = store.firstByte(first);
        Opcode opcode = Opcode.of(firstByte);
        if ((firstByte & 0x80) != 0 || (opcode != Opcode.TEXT && opcode != Opcode.BINARY)) {
            return Optional.empty();
        }
        Direction direction = store.direction(first);
        long[] seqs = new long[8];
        seqs[0] = first;
        int count = 1;
        long length = store.payloadLength(first);
        long wire = store.wirePayloadLength(first);
        boolean inflated = store.inflated(first);
        boolean complete = false;
        long end = Math.min(size, first + 1 + (long) Math.max(0, maxFrames));
        for (long s = first + 1; s < end; s++) {
            if (store.direction(s) != direction) {
                continue;
            }
            int b = store.firstByte(s);
            Opcode op = Opcode.of(b);
            if (op == Opcode.TEXT || op == Opcode.BINARY) {
                break; // a new message before the last fragment: this one never ended
            }
            if (op != Opcode.CONTINUATION) {
                continue; // control frames (and reserved opcodes) may sit between fragments
            }
            if (count == seqs.length) {
                seqs = Arrays.copyOf(seqs, count * 2);
            }
            seqs[count++] = s;
            length += store.payloadLength(s);
            wire += store.wirePayloadLength(s);
            inflated |= store.inflated(s);
            if ((b & 0x80) != 0) {
                complete = true;
                break;
            }
        }
        return Optional.of(new WholeMessage(direction, opcode == Opcode.TEXT, Arrays.copyOf(seqs, count), length,
                wire, inflated, complete));
    }

    /** {@link #starting(FrameStore, long, int)} looking at most {@link #MAX_FRAMES} frames. */
    public static Optional<WholeMessage> starting(FrameStore store, long first) {
        return starting(store, first, MAX_FRAMES);
    }

    public long first() {
        return seqs[0];
    }

    public long last() {
        return seqs[seqs.length - 1];
    }

    public int frames() {
        return seqs.length;
    }

    /** True when the payload is small enough to reassemble ({@code maxBytes}, at most an array's size). */
    public boolean fits(long maxBytes) {
        return length <= Math.min(maxBytes, Integer.MAX_VALUE - 8);
    }

    /** The whole payload, the fragments' payloads one after the other; null when over {@code maxBytes}. */
    public byte[] payload(FrameStore store, long maxBytes) {
        return fits(maxBytes) ? prefix(store, (int) length) : null;
    }

    /** The first {@code max} bytes of the payload (fewer when it is shorter), read across the fragments. */
    public byte[] prefix(FrameStore store, int max) {
        byte[] out = new byte[(int) Math.min(max, length)];
        int at = 0;
        for (int i = 0; i < seqs.length && at < out.length; i++) {
            int n = Math.min(store.payloadLength(seqs[i]), out.length - at);
            at += store.readPayload(seqs[i], 0, out, at, n);
        }
        return at == out.length ? out : Arrays.copyOf(out, at);
    }
}
