package dev.wsinspector.core.frame;

import java.util.Arrays;

/**
 * Which frames of a {@link FrameStore} belong to a text message: the one place that answers "is this
 * continuation frame text?" for the detail view, the exports, the CLI's lines and saving a frame as a message.
 *
 * <p>The rule: a TEXT frame is text and a BINARY frame is not; a continuation frame is text when the message it
 * continues, the last TEXT or BINARY frame in the same direction that was not FIN yet, is a text message. A
 * continuation with no message open in its direction (a protocol error) is not text. Control frames (and reserved
 * opcodes) are never text and may sit between fragments without ending the message. Both directions may be in
 * the middle of a message at once.
 *
 * <p>{@link #isText} answers a data or control frame from its opcode alone, and a continuation from the bits of
 * the frames classified so far ({@link #advance(long)}, in order, one bit each: 10 million frames 1.25 MB) or, for
 * one beyond them, by looking back from it for its message's start (the same-direction frames before it, at most
 * {@link #LOOK_BACK}). So a click anywhere in a reopened ten-million-frame session reads a few frames, not all.
 * {@link Tracker} is the same rule for code that meets the frames one by one (the file writers).
 */
public final class MessageKinds {

    /**
     * How far {@link Tracker#from(FrameStore, long)} looks back for the start of a message that is open where it
     * starts. A message whose start is further back is taken for binary (JSONL then writes base64: the same
     * bytes, shown differently).
     */
    public static final int LOOK_BACK = 1 << 20;

    private final FrameStore store;
    private final Tracker tracker;
    /** First frame answered for. */
    private final long first;
    /** Bit {@code seq - first}: frame {@code seq} is part of a text message. */
    private long[] text = new long[16];
    /** Frames classified so far, counted from 0 (the next frame to classify). */
    private long classified;

    /** Answers for every frame of {@code store}. */
    public MessageKinds(FrameStore store) {
        this(store, 0);
    }

    /**
     * Answers for the frames from {@code from} on (a window or a range that starts late); a message open at
     * {@code from} is found by looking back at most {@link #LOOK_BACK} frames, once, and only if a continuation
     * asks.
     */
    public MessageKinds(FrameStore store, long from) {
        if (from < 0) {
            throw new IllegalArgumentException("from " + from);
        }
        this.store = store;
        this.first = from;
        this.classified = from;
        this.tracker = Tracker.from(store, from);
    }

    /** True when frame {@code seq} (stored already, and not before the first one answered for) is part of a text message. */
    public synchronized boolean isText(long seq) {
        if (seq < first || seq >= store.size()) {
            throw new IndexOutOfBoundsException("frame " + seq + " of " + first + ".." + store.size());
        }
        int firstByte = store.firstByte(seq);
        Opcode opcode = Opcode.of(firstByte);
        if (opcode != Opcode.CONTINUATION) {
            return opcode == Opcode.TEXT; // every frame but a continuation answers from its own opcode
        }
        if (seq < classified) {
            long bit = seq - first;
            return (text[(int) (bit >>> 6)] & 1L << bit) != 0;
        }
        // A continuation beyond the classified frames (a click far into a reopened session): look back from it
        // for its message's start, instead of classifying every frame before it on the FX thread.
        return Tracker.from(store, seq).next(store.direction(seq), firstByte);
    }

    /** Classifies the frames stored before {@code end} (at most {@link FrameStore#size()}). */
    public synchronized void advance(long end) {
        long upTo = Math.min(end, store.size());
        if (upTo <= classified) {
            return;
        }
        int words = (int) ((upTo - first + 63) >>> 6);
        if (words > text.length) {
            text = Arrays.copyOf(text, Math.max(words, text.length * 2));
        }
        for (long s = classified; s < upTo; s++) {
            if (tracker.next(store.direction(s), store.firstByte(s))) {
                long bit = s - first;
                text[(int) (bit >>> 6)] |= 1L << bit;
            }
        }
        classified = upTo;
    }

    /** Bytes held for the answers (one bit a frame). */
    public synchronized long retainedBytes() {
        return (long) text.length * Long.BYTES;
    }

    /**
     * The rule for frames met one by one in capture order, keeping only the message open in each direction: for
     * writers that see every frame once. Not thread-safe.
     */
    public static final class Tracker {

        private static final byte NONE = 0;
        private static final byte TEXT = 1;
        private static final byte BINARY = 2;
        /** Not looked up yet: the message open where the tracker started (see {@link #from}). */
        private static final byte UNKNOWN = 3;

        /** Per direction, the kind of the message open in that direction. */
        private final byte[] open = new byte[Direction.values().length];
        private final FrameStore store;
        private final long origin;

        /** A tracker for a capture's frames from its first on. */
        public Tracker() {
            this(null, 0);
        }

        private Tracker(FrameStore store, long origin) {
            this.store = store;
            this.origin = origin;
            if (origin > 0) {
                Arrays.fill(open, UNKNOWN);
            }
        }

        /**
         * A tracker for the frames of {@code store} from {@code seq} on. A message already open at {@code seq} is
         * looked up (back at most {@link #LOOK_BACK} frames) when the first continuation in its direction asks.
         */
        public static Tracker from(FrameStore store, long seq) {
            return seq <= 0 ? new Tracker() : new Tracker(store, seq);
        }

        /** Classifies the next frame; true when it is part of a text message. */
        public boolean next(Frame frame) {
            return next(frame.direction(), frame.header().firstByte());
        }

        /**
         * Classifies the next frame from its direction and first header byte (FIN, RSV and opcode bits); true when
         * it is part of a text message.
         */
        public boolean next(Direction direction, int firstByte) {
            int d = direction.ordinal();
            boolean fin = (firstByte & 0x80) != 0;
            switch (Opcode.of(firstByte)) {
                case TEXT -> {
                    open[d] = fin ? NONE : TEXT;
                    return true;
                }
                case BINARY -> {
                    open[d] = fin ? NONE : BINARY;
                    return false;
                }
                case CONTINUATION -> {
                    if (open[d] == UNKNOWN) {
                        open[d] = lookBack(direction);
                    }
                    boolean text = open[d] == TEXT;
                    if (fin) {
                        open[d] = NONE;
                    }
                    return text;
                }
                default -> {
                    return false; // control frames and reserved opcodes leave the open message as it is
                }
            }
        }

        /** The message open in {@code direction} just before {@link #origin}: the state {@link #next} would have. */
        private byte lookBack(Direction direction) {
            long stop = Math.max(0, origin - LOOK_BACK);
            for (long s = origin - 1; s >= stop; s--) {
                if (store.direction(s) != direction) {
                    continue;
                }
                int firstByte = store.firstByte(s);
                Opcode opcode = Opcode.of(firstByte);
                if (opcode != Opcode.TEXT && opcode != Opcode.BINARY && opcode != Opcode.CONTINUATION) {
                    continue;
                }
                if ((firstByte & 0x80) != 0) {
                    return NONE; // the last message in this direction had ended
                }
                if (opcode != Opcode.CONTINUATION) {
                    return opcode == Opcode.TEXT ? TEXT : BINARY;
                }
                // a fragment in the middle: its start lies further back
            }
            return NONE;
        }
    }
}
