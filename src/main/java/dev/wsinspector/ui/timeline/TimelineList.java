package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline as an observable list that is a window onto a {@link Session}: rows are made on demand from the
 * frame store's columns (only the few on screen exist), so a million frames cost no million row objects.
 *
 * <p>Only the FX thread touches this list. It never changes by itself: {@link #pull()}, called by the one UI
 * pulse, looks at what the transport appended since the last pull and announces it as a single change.
 * Events (open, close, errors) are placed among the frames where they happened.
 *
 * <p>The list shows a window of the capture: {@link #DEFAULT_WINDOW} rows, growing to twice that while it
 * follows new rows before the older half is dropped in one step. JavaFX 21's VirtualFlow
 * walks every row to place the viewport near the end of a long list (linear in the row count, several times per
 * layout), which made UI pulses stall for 100+ ms once captures reached millions of rows. While the view
 * follows new rows the window slides along with the capture; otherwise it stays put and {@link #showOlder()},
 * {@link #showNewer()} and {@link #showLatest()} move it.
 */
public final class TimelineList extends ObservableListBase<TimelineRow> {

    private static final int CACHE_ROWS = 4096;
    /** Rows the list holds at most; see the class comment. */
    public static final int DEFAULT_WINDOW = Integer.getInteger("wsi.timelineWindow", 25_000);

    private final Session session;
    private final FrameStore store;
    private final RowFormatter formatter;

    private final List<ConnectionEvent> events = new ArrayList<>();
    /** Absolute row position of each known event; strictly increasing. */
    private long[] eventRows = new long[16];
    private long framesKnown;
    /** Absolute rows before this one were cleared from view. */
    private long clearedRows;
    /** Absolute row of list index 0 (at least {@code clearedRows}). */
    private long firstRow;
    private int visible;
    private boolean paused;
    private boolean following = true;
    private final int window;
    private TimeMode timeMode = TimeMode.ABSOLUTE;

    private final Map<Long, TimelineRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TimelineRow> eldest) {
            return size() > CACHE_ROWS;
        }
    };

    public TimelineList(Session session, RowFormatter formatter) {
        this(session, formatter, DEFAULT_WINDOW);
    }

    /** @param window most rows the list holds at once (tests use small windows) */
    public TimelineList(Session session, RowFormatter formatter, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.session = session;
        this.store = session.frames();
        this.formatter = formatter;
        this.window = window;
    }

    /**
     * Takes in what arrived since the last pull. When not paused, the new rows are added to the list in one
     * change. Returns the number of rows added to the list.
     */
    public int pull() {
        long frames = store.size();
        // Events come after the frames they follow; one whose frames are not visible yet waits a pulse.
        for (ConnectionEvent event : session.eventsFrom(events.size())) {
            if (event.frameIndex() > frames) {
                break;
            }
            // An event stamped before frames we already placed goes after them: rows never move once shown.
            long position = events.size() + Math.max(event.frameIndex(), framesKnown);
            // Events from different threads (transport, replay) may arrive slightly out of frame order.
            if (!events.isEmpty()) {
                position = Math.max(position, eventRows[events.size() - 1] + 1);
            }
            if (events.size() == eventRows.length) {
                eventRows = Arrays.copyOf(eventRows, eventRows.length * 2);
            }
            eventRows[events.size()] = position;
            events.add(event);
        }
        framesKnown = frames;
        return paused ? 0 : reveal();
    }

    /**
     * Brings new rows into the list: all of them while following (dropping the oldest beyond the window),
     * otherwise only until the window is full. Returns the number of rows added.
     */
    private int reveal() {
        long end = totalRows();
        long newFirst = firstRow;
        if (following && end - firstRow > 2L * window) {
            // Drop old rows in big steps, not every pulse: removing rows at the head makes the table rebuild
            // its cells, while rows added at the tail are cheap.
            newFirst = end - window;
        }
        int newVisible = (int) Math.min(end - newFirst, following ? 2L * window : window);
        return moveWindow(newFirst, newVisible);
    }

    /** Announces the window [newFirst, newFirst + newVisible) as one change against the current one. */
    private int moveWindow(long newFirst, int newVisible) {
        long oldFirst = firstRow;
        long oldEnd = oldFirst + visible;
        long newEnd = newFirst + newVisible;
        if (newFirst == oldFirst && newVisible == visible) {
            return 0;
        }
        beginChange();
        if (newFirst >= oldEnd || newEnd <= oldFirst || newFirst < oldFirst) {
            // No overlap, or moving backwards: replace everything.
            if (visible > 0) {
                nextRemove(0, removedPlaceholder(visible));
            }
            firstRow = newFirst;
            visible = newVisible;
            if (newVisible > 0) {
                nextAdd(0, newVisible);
            }
            endChange();
            return newVisible;
        }
        int dropped = (int) (newFirst - oldFirst);
        if (dropped > 0) {
            nextRemove(0, removedPlaceholder(dropped));
        }
        int kept = visible - dropped;
        int keptAfterEnd = (int) Math.min(kept, newEnd - newFirst);
        if (keptAfterEnd < kept) {
            nextRemove(keptAfterEnd, removedPlaceholder(kept - keptAfterEnd));
        }
        firstRow = newFirst;
        visible = newVisible;
        int added = newVisible - keptAfterEnd;
        if (added > 0) {
            nextAdd(keptAfterEnd, newVisible);
        }
        endChange();
        return Math.max(added, 0);
    }

    /**
     * Whether the view is at the newest rows (the window slides with the capture) or the user is reading
     * older ones (the window stays). The view tells this before every pull.
     */
    public void setFollowing(boolean value) {
        following = value;
    }

    /** Rows a window holds when moved by Older / Newer (a following window grows to twice this). */
    public int window() {
        return window;
    }

    /** Rows of the capture before the window (since the last Clear). */
    public long rowsBefore() {
        return firstRow - clearedRows;
    }

    /** Moves the window one window-length back. */
    public void showOlder() {
        long newFirst = Math.max(clearedRows, firstRow - window);
        following = false;
        moveWindow(newFirst, (int) Math.min(totalRows() - newFirst, window));
    }

    /** Moves the window one window-length forward (not past the newest rows). */
    public void showNewer() {
        long newFirst = Math.max(clearedRows, Math.min(firstRow + window, totalRows() - window));
        moveWindow(newFirst, (int) Math.min(totalRows() - newFirst, window));
    }

    /** Moves the window to the newest rows and follows them again. */
    public void showLatest() {
        following = true;
        long newFirst = Math.max(clearedRows, totalRows() - window);
        moveWindow(newFirst, (int) Math.min(totalRows() - newFirst, window));
    }

    /**
     * Moves the window so that frame {@code seq} is in it (about in its middle) and stops following; returns the
     * list index of that frame's row, or -1 when the frame is not known yet or was cleared from view.
     */
    public int showAround(long seq) {
        if (seq < 0 || seq >= framesKnown) {
            return -1;
        }
        return showRow(rowOfFrame(seq));
    }

    /**
     * Moves the window so that absolute row {@code absolute} is in it (about in its middle) and stops following;
     * returns its list index, or -1 when that row was cleared from view or is not known yet.
     */
    public int showRow(long absolute) {
        long end = totalRows();
        if (absolute < clearedRows || absolute >= end) {
            return -1;
        }
        following = false;
        if (absolute < firstRow || absolute >= firstRow + visible) {
            long newFirst = Math.max(clearedRows, Math.min(absolute - window / 2, end - window));
            moveWindow(newFirst, (int) Math.min(end - newFirst, window));
        }
        return (int) (absolute - firstRow);
    }

    /** Absolute row of list index {@code index} (for searches that start at the selection). */
    public long absoluteRow(int index) {
        return firstRow + index;
    }

    /** List index of absolute row {@code absolute}, or -1 when it is not in the window. */
    public int indexOfRow(long absolute) {
        return absolute >= firstRow && absolute < firstRow + visible ? (int) (absolute - firstRow) : -1;
    }

    /** Absolute row of frame {@code seq}: the frame plus the events placed before it. */
    long rowOfFrame(long seq) {
        // Event i follows eventRows[i] - i frames (non-decreasing in i); count the events with at most seq frames before.
        int lo = 0;
        int hi = events.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (eventRows[mid] - mid <= seq) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return seq + lo;
    }

    /**
     * What a background search needs, copied on the FX thread: the rows known now (since the last Clear), the
     * events and where they sit. The frame store itself is safe to read from any thread.
     */
    public FrameSearch.Rows searchRows() {
        return new FrameSearch.Rows(store, List.copyOf(events), Arrays.copyOf(eventRows, events.size()),
                clearedRows, totalRows());
    }

    /** Rows captured (frames and events) since the last Clear, shown or not. */
    public long capturedRows() {
        return totalRows() - clearedRows;
    }

    /** Rows captured after the window's last row (while paused or reading older rows). */
    public long pendingRows() {
        return totalRows() - firstRow - visible;
    }

    /** Absolute row number (from 1) of list index 0, for "rows X–Y of Z". */
    public long firstRowNumber() {
        return firstRow - clearedRows + 1;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Freezes the list (capture continues); resuming shows everything that arrived at once. */
    public void setPaused(boolean value) {
        paused = value;
        if (!value) {
            reveal();
        }
    }

    /** Empties the view; the capture itself (and exports) keep every frame. */
    public void clearView() {
        clearedRows = totalRows();
        firstRow = clearedRows;
        int removed = visible;
        visible = 0;
        cache.clear();
        if (removed > 0) {
            beginChange();
            nextRemove(0, removedPlaceholder(removed));
            endChange();
        }
    }

    public TimeMode timeMode() {
        return timeMode;
    }

    /** Changes the time column; cached rows are dropped, so the table must be refreshed by the caller. */
    public void setTimeMode(TimeMode mode) {
        timeMode = mode;
        cache.clear();
    }

    @Override
    public TimelineRow get(int index) {
        if (index < 0 || index >= visible) {
            throw new IndexOutOfBoundsException("row " + index + " of " + visible);
        }
        long absolute = firstRow + index;
        return cache.computeIfAbsent(absolute, this::makeRow);
    }

    @Override
    public int size() {
        return visible;
    }

    /** The frame sequence number at list index {@code index}, or -1 when that row is an event. */
    public long seqAt(int index) {
        long absolute = firstRow + index;
        return eventIndexAt(absolute) >= 0 ? -1 : absolute - eventsBefore(absolute);
    }

    private TimelineRow makeRow(long absolute) {
        long prevEpoch = absolute == 0 ? -1 : epochAt(absolute - 1);
        long connectEpoch = events.isEmpty() ? -1 : events.get(0).epochMicros();
        int eventIndex = eventIndexAt(absolute);
        long number = absolute + 1;
        if (eventIndex >= 0) {
            return formatter.eventRow(number, events.get(eventIndex), timeMode, prevEpoch, connectEpoch);
        }
        long seq = absolute - eventsBefore(absolute);
        return formatter.frameRow(number, store, seq, timeMode, prevEpoch, connectEpoch);
    }

    private long epochAt(long absolute) {
        int eventIndex = eventIndexAt(absolute);
        return eventIndex >= 0 ? events.get(eventIndex).epochMicros()
                : store.epochMicros(absolute - eventsBefore(absolute));
    }

    private int eventIndexAt(long absolute) {
        int found = Arrays.binarySearch(eventRows, 0, events.size(), absolute);
        return found >= 0 ? found : -1;
    }

    /** Number of events placed before absolute row {@code absolute}. */
    private long eventsBefore(long absolute) {
        int found = Arrays.binarySearch(eventRows, 0, events.size(), absolute);
        return found >= 0 ? found : -found - 1;
    }

    private long totalRows() {
        return events.size() + framesKnown;
    }

    private static List<TimelineRow> removedPlaceholder(int count) {
        // Listeners of a removal want the removed items; the rows are cheap to describe as nulls and nobody
        // here reads them (the table only needs the range).
        return java.util.Collections.nCopies(count, null);
    }
}
