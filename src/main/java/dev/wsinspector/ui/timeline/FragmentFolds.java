package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The row-hiding layer for fragmented messages: a fragmented message is folded to its first frame's row (which
 * {@link RowFormatter} shows as the whole message) unless expanded, one message at a time ({@link #toggle}) or all
 * at once ({@link #setExpandAll}). It is laid over the user's filter, not a second list: {@link #visible} takes the
 * filter's matching frames (or none: every frame) and returns them without the continuation frames of folded
 * messages, which is what {@code TimelineList.setFilter} shows.
 *
 * <p>{@link #advance} classifies the frames stored since the last call, in order, by their first header byte, as
 * {@link dev.wsinspector.core.frame.WholeMessage}'s rule does: a TEXT or BINARY frame without FIN opens a message in its direction, the
 * continuations in that direction belong to it until the one with FIN; control frames and the other direction
 * may sit between. An unfinished message (live) folds its continuations as they arrive. Memory: two longs a
 * continuation frame; nothing for whole one-frame messages. Only the FX thread uses an instance.
 *
 * @see dev.wsinspector.core.frame.WholeMessage
 */
public final class FragmentFolds {

    private final FrameStore store;
    private long scanned;
    /** The first frame of the message open in each direction (index: {@link Direction#ordinal()}), or -1. */
    private final long[] open = {-1, -1};
    /** Continuation frames in seq order, and the first frame of the message each belongs to. */
    private long[] continuations = new long[16];
    private long[] messageOf = new long[16];
    private int count;
    private final Set<Long> toggled = new HashSet<>();
    private boolean expandAll;

    public FragmentFolds(FrameStore store) {
        this.store = store;
    }

    /** Classifies the frames stored before {@code end}; returns true when continuation frames were found. */
    public boolean advance(long end) {
        return advance(end, Long.MAX_VALUE);
    }

    /** {@link #advance(long)} classifying at most {@code most} frames (a bounded step of a pulse). */
    public boolean advance(long end, long most) {
        long upTo = Math.min(end, store.size());
        upTo = Math.min(upTo, scanned + Math.min(most, Math.max(0, upTo - scanned)));
        int before = count;
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
        scanned = Math.max(scanned, upTo);
        return count > before;
    }

    private void add(long seq, long first) {
        if (count == continuations.length) {
            continuations = Arrays.copyOf(continuations, count * 2);
            messageOf = Arrays.copyOf(messageOf, count * 2);
        }
        continuations[count] = seq;
        messageOf[count++] = first;
    }

    /** Frames classified so far. */
    public long scanned() {
        return scanned;
    }

    /** True when frame {@code seq} starts a fragmented message that has continuation frames (so far). */
    public boolean isFoldable(long seq) {
        int i = Arrays.binarySearch(continuations, 0, count, seq);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < count && messageOf[next] == seq;
    }

    /** The first frame of the fragmented message that continuation frame {@code seq} belongs to, or -1. */
    public long messageOf(long seq) {
        int i = Arrays.binarySearch(continuations, 0, count, seq);
        return i >= 0 ? messageOf[i] : -1;
    }

    /** True when the message starting at frame {@code first} shows all its frames. */
    public boolean isExpanded(long first) {
        return expandAll != toggled.contains(first);
    }

    /** Expands or folds the message starting at frame {@code first}; returns false when it is not foldable. */
    public boolean setExpanded(long first, boolean expanded) {
        if (!isFoldable(first) || isExpanded(first) == expanded) {
            return false;
        }
        if (!toggled.remove(first)) {
            toggled.add(first);
        }
        return true;
    }

    /** Flips the message starting at frame {@code first}; false when it is not foldable. */
    public boolean toggle(long first) {
        return setExpanded(first, !isExpanded(first));
    }

    /** Expands every fragmented message (true) or folds every one (false), forgetting the single toggles. */
    public void setExpandAll(boolean value) {
        expandAll = value;
        toggled.clear();
    }

    public boolean isExpandAll() {
        return expandAll;
    }

    /** True when some continuation frame is hidden now. */
    public boolean hidesAny() {
        // O(1) a pull: folded by default, any continuation hides (unless each message was expanded by hand, which
        // only costs a set equal to all); under Fragments only the messages folded by hand hide theirs.
        return count > 0 && (!expandAll || !toggled.isEmpty());
    }

    /**
     * The frames to show: {@code matches} (the filter's frames; null: every frame below {@code frames}) without
     * the continuation frames of folded messages. Null when there is no filter and nothing is folded away.
     */
    public MatchSet visible(MatchSet matches, long frames) {
        if (matches == null && !hidesAny()) {
            return null;
        }
        long[] hidden = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (!isExpanded(messageOf[i])) {
                hidden[n++] = continuations[i];
            }
        }
        return (matches == null ? MatchSet.all(frames) : matches).without(hidden, n);
    }
}
