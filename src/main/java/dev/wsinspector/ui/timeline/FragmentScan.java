package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;

import java.util.Arrays;

/**
 * Which frames are continuations of a fragmented message, found by reading each frame's first header byte and
 * direction once, in order, as {@link dev.wsinspector.core.frame.WholeMessage}'s rule does: a TEXT or BINARY
 * frame without FIN opens a message in its direction, the continuations in that direction belong to it until the
 * one with FIN; control frames and the other direction may sit between.
 *
 * <p>Reading every new frame is per-frame work, so in the app it runs off the FX thread: the window's sampler
 * thread advances it ({@code ShownCapture.advance}), one thread at a time, and each step publishes an immutable
 * {@link Classified} through a volatile field. {@link FragmentFolds} on the FX thread only takes the latest one and
 * reads it. Memory: two longs a continuation frame; nothing for whole one-frame messages.
 */
public final class FragmentScan {

    /**
     * Frames {@code 0..scanned-1} as classified: the continuation frames in seq order and the first frame of the
     * message each belongs to, in the first {@code count} slots. The slots below {@code count} never change.
     */
    public record Classified(long scanned, long[] continuations, long[] messageOf, int count) {

        static final Classified NONE = new Classified(0, new long[0], new long[0], 0);
    }

    private final FrameStore store;
    private long scanned;
    /** The first frame of the message open in each direction (index: {@link Direction#ordinal()}), or -1. */
    private final long[] open = {-1, -1};
    private long[] continuations = new long[16];
    private long[] messageOf = new long[16];
    private int count;
    private volatile Classified published = Classified.NONE;

    public FragmentScan(FrameStore store) {
        this.store = store;
    }

    /**
     * Classifies at most {@code most} of the frames stored before {@code end} and publishes the result. Any one
     * thread at a time (synchronized); the FX thread only reads {@link #published}.
     */
    public synchronized Classified advance(long end, long most) {
        long upTo = Math.min(end, store.size());
        upTo = Math.min(upTo, scanned + Math.min(most, Math.max(0, upTo - scanned)));
        for (long s = scanned; s < upTo; s++) {
            int firstByte = store.firstByte(s);
            boolean fin = (firstByte & 0x80) != 0;
            Opcode opcode = Opcode.of(firstByte);
            int dir = store.direction(s).ordinal();
            if (opcode == Opcode.TEXT || opcode == Opcode.BINARY) {
                open[dir] = fin ? -1 : s;
            } else if (opcode == Opcode.CONTINUATION && open[dir] >= 0) {
                add(s, open[dir]);
                if (fin) {
                    open[dir] = -1;
                }
            }
        }
        if (upTo > scanned) {
            scanned = upTo;
            // Later slots are written after this publication, never the ones below count: a reader sees them whole.
            published = new Classified(scanned, continuations, messageOf, count);
        }
        return published;
    }

    private void add(long seq, long first) {
        if (count == continuations.length) {
            continuations = Arrays.copyOf(continuations, count * 2);
            messageOf = Arrays.copyOf(messageOf, count * 2);
        }
        continuations[count] = seq;
        messageOf[count++] = first;
    }

    /** The result of the last {@link #advance}: what the FX thread reads. */
    public Classified published() {
        return published;
    }
}
