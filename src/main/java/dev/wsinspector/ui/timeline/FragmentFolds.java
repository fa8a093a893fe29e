package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.FrameStore;

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
 * <p>Which frames are continuations comes from a {@link FragmentScan}: {@link #take} reads what it last
 * published (no frame is read here), {@link #advance} classifies and takes at once (tests, or a list that scans
 * for itself). Only the FX thread uses an instance; only the scan reads frames.
 *
 * @see dev.wsinspector.core.frame.WholeMessage
 */
public final class FragmentFolds {

    private final FragmentScan scan;
    /** The classification taken last: what every question below is answered from until the next take. */
    private FragmentScan.Classified taken = FragmentScan.Classified.NONE;
    private final Set<Long> toggled = new HashSet<>();
    private boolean expandAll;

    /** Folds over a scan of its own ({@link #advance} classifies). */
    public FragmentFolds(FrameStore store) {
        this(new FragmentScan(store));
    }

    /** Folds over {@code scan}, which another thread advances; {@link #take} reads its latest result. */
    public FragmentFolds(FragmentScan scan) {
        this.scan = scan;
    }

    /** Classifies the frames stored before {@code end}; returns true when continuation frames were found. */
    public boolean advance(long end) {
        return advance(end, Long.MAX_VALUE);
    }

    /** {@link #advance(long)} classifying at most {@code most} frames (a bounded step of a pulse). */
    public boolean advance(long end, long most) {
        scan.advance(end, most);
        return take();
    }

    /** Takes the scan's latest published classification; true when it brought continuation frames. */
    public boolean take() {
        int before = taken.count();
        taken = scan.published();
        return taken.count() > before;
    }

    /** Frames classified as of the last take. */
    public long scanned() {
        return taken.scanned();
    }

    /** True when frame {@code seq} starts a fragmented message that has continuation frames (so far). */
    public boolean isFoldable(long seq) {
        FragmentScan.Classified c = taken;
        int i = Arrays.binarySearch(c.continuations(), 0, c.count(), seq);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < c.count() && c.messageOf()[next] == seq;
    }

    /** The first frame of the fragmented message that continuation frame {@code seq} belongs to, or -1. */
    public long messageOf(long seq) {
        FragmentScan.Classified c = taken;
        int i = Arrays.binarySearch(c.continuations(), 0, c.count(), seq);
        return i >= 0 ? c.messageOf()[i] : -1;
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
        return taken.count() > 0 && (!expandAll || !toggled.isEmpty());
    }

    /**
     * The frames to show: {@code matches} (the filter's frames; null: every frame below {@code frames}) without
     * the continuation frames of folded messages. Null when there is no filter and nothing is folded away.
     */
    public MatchSet visible(MatchSet matches, long frames) {
        if (matches == null && !hidesAny()) {
            return null;
        }
        FragmentScan.Classified c = taken;
        long[] hidden = new long[c.count()];
        int n = 0;
        for (int i = 0; i < c.count(); i++) {
            if (!isExpanded(c.messageOf()[i])) {
                hidden[n++] = c.continuations()[i];
            }
        }
        if (n == 0 && matches != null) {
            return matches; // immutable: a copy of every bit (per pulse, on the FX thread) would grow with the capture
        }
        return (matches == null ? MatchSet.all(frames) : matches).without(hidden, n);
    }
}
