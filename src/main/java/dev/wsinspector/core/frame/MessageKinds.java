package dev.wsinspector.core.frame;

import java.util.Arrays;

/**
 * Which frames of a {@link FrameStore} belong to a text message, answered in O(1): a continuation frame is text
 * when the data frame that began its message (the last TEXT or BINARY frame in the same direction) was TEXT.
 * Data and control frames answer from their opcode; a continuation frame looks back for the frame that began its
 * message, and only when that is very far back are frames classified once, in order, one bit each (a million
 * frames: 128 KB). A reopened ten-million-frame session is never read whole to answer a click.
 */
public final class MessageKinds {

    private static final byte NONE = 0;
    private static final byte TEXT = 1;
    private static final byte BINARY = 2;

    /** How far a continuation frame looks back for the start of its message before classifying in order. */
    static final long SCAN_BACK = 100_000;

    private final FrameStore store;
    /** Bit {@code seq}: frame {@code seq} is part of a text message. */
    private long[] text = new long[16];
    /** Frames classified so far. */
    private long classified;
    /** Per direction, the type of the message its last data frame began. */
    private final byte[] open = new byte[Direction.values().length];

    public MessageKinds(FrameStore store) {
        this.store = store;
    }

    /**
     * True when frame {@code seq} (stored already) is a TEXT frame or a continuation of a text message. O(1) for
     * every frame but a continuation; a continuation looks back (at most {@link #SCAN_BACK} frames) for the
     * data frame that began its message, and only a message begun further back than that classifies every
     * frame up to it once.
     */
    public synchronized boolean isText(long seq) {
        if (seq < 0 || seq >= store.size()) {
            throw new IndexOutOfBoundsException("frame " + seq + " of " + store.size());
        }
        Opcode opcode = store.opcode(seq);
        if (opcode != Opcode.CONTINUATION) {
            return opcode == Opcode.TEXT;
        }
        if (seq < classified) {
            return (text[(int) (seq >>> 6)] & 1L << seq) != 0;
        }
        Direction direction = store.direction(seq);
        long floor = Math.max(classified, seq - SCAN_BACK);
        for (long s = seq - 1; s >= floor; s--) {
            if (store.direction(s) == direction) {
                Opcode began = store.opcode(s);
                if (began == Opcode.TEXT || began == Opcode.BINARY) {
                    return began == Opcode.TEXT;
                }
            }
        }
        if (floor == classified) {
            return open[direction.ordinal()] == TEXT; // the message began before the frames classified so far
        }
        advance(seq + 1);
        return (text[(int) (seq >>> 6)] & 1L << seq) != 0;
    }

    /** Classifies the frames stored before {@code end} (at most {@link FrameStore#size()}). */
    public synchronized void advance(long end) {
        long upTo = Math.min(end, store.size());
        if (upTo <= classified) {
            return;
        }
        int words = (int) ((upTo + 63) >>> 6);
        if (words > text.length) {
            text = Arrays.copyOf(text, Math.max(words, text.length * 2));
        }
        for (long s = classified; s < upTo; s++) {
            int d = store.direction(s).ordinal();
            Opcode opcode = store.opcode(s);
            boolean isText;
            if (opcode == Opcode.TEXT) {
                open[d] = TEXT;
                isText = true;
            } else if (opcode == Opcode.BINARY) {
                open[d] = BINARY;
                isText = false;
            } else if (opcode == Opcode.CONTINUATION) {
                isText = open[d] == TEXT;
            } else {
                isText = false; // control frames (and reserved opcodes) may sit between fragments
            }
            if (isText) {
                text[(int) (s >>> 6)] |= 1L << s;
            }
        }
        classified = upTo;
    }
}
