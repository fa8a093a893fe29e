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
 */
public final class TimelineList extends ObservableListBase<TimelineRow> {

    private static final int CACHE_ROWS = 4096;

    private final Session session;
    private final FrameStore store;
    private final RowFormatter formatter;

    private final List<ConnectionEvent> events = new ArrayList<>();
    /** Absolute row position of each known event; strictly increasing. */
    private long[] eventRows = new long[16];
    private long framesKnown;
    /** Absolute rows before this one were cleared from view. */
    private long firstRow;
    private int visible;
    private boolean paused;
    private TimeMode timeMode = TimeMode.ABSOLUTE;

    private final Map<Long, TimelineRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TimelineRow> eldest) {
            return size() > CACHE_ROWS;
        }
    };

    public TimelineList(Session session, RowFormatter formatter) {
        this.session = session;
        this.store = session.frames();
        this.formatter = formatter;
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

    private int reveal() {
        long target = Math.min(totalRows() - firstRow, Integer.MAX_VALUE - 8);
        int added = (int) (target - visible);
        if (added > 0) {
            int from = visible;
            visible += added;
            beginChange();
            nextAdd(from, visible);
            endChange();
        }
        return Math.max(added, 0);
    }

    /** Rows captured (frames and events) since the last Clear, shown or not. */
    public long capturedRows() {
        return totalRows() - firstRow;
    }

    /** Rows captured while the view was paused and not shown yet. */
    public long pendingRows() {
        return capturedRows() - visible;
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
        firstRow = totalRows();
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
