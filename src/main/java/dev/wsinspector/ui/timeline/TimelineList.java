package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The whole timeline of a {@link Session} — frames and events, live or stored, ten rows or ten million — seen
 * through a <em>viewport</em>: as an observable list it holds only the rows on screen, made on demand from the
 * frame store's columns.
 *
 * <p>Rows have an <em>absolute</em> number: frames in capture order with each event placed where it happened
 * ({@link dev.wsinspector.core.session.CaptureOrder} is the same rule for files). The view scrolls by moving the
 * viewport ({@link #scrollTo}); the table never sees more rows than fit on screen. That is deliberate: JavaFX 21's
 * {@code VirtualFlow} walks every row to place its viewport (linear in the row count, several times per layout),
 * which stalled pulses for 100+ ms at a few million rows. A viewport-sized list keeps every operation
 * independent of the capture's length.
 *
 * <p>Only the FX thread touches this list. It never changes by itself: {@link #pull()}, called by the one UI
 * pulse, looks at what the transport appended since the last pull and announces the change once.
 * While {@linkplain #isFollowing() following}, the viewport stays on the newest rows.
 *
 * <p>A filter ({@link #setFilter}: which frames and events matched, decided off the FX thread) hides the rows that
 * did not match: every row number this class takes or gives ({@code absolute}) is then a position among the
 * matching rows, while each row keeps its number in the capture ({@link TimelineRow#number()}). {@link #realRow} and
 * {@link #viewRow} convert; rows that the filter has not decided yet are not shown.
 */
public final class TimelineList extends ObservableListBase<TimelineRow> {

    private static final int CACHE_ROWS = 4096;
    /**
     * Most events one pull places; more (a reconnect storm) wait for the next pull, so a pulse's work stays bounded.
     * Frames cost nothing to take in: the viewport reads a screenful of them, however many arrived.
     */
    static final int EVENTS_PER_PULL = 1024;
    /** Most frames one pull classifies for folding (a reopened session of millions is taken in over a few pulses). */
    static final int FOLD_FRAMES_PER_PULL = 1 << 20;

    private final Session session;
    private final FrameStore store;
    private final RowFormatter formatter;
    /** Which continuation frames are text (previews, search); answers a row far into a stored session at once. */
    private final MessageKinds kinds;

    private final List<ConnectionEvent> events = new ArrayList<>();
    /** Absolute row position of each known event; strictly increasing. */
    private long[] eventRows = new long[16];
    /** Index of the last open event at or before event i (-1: none): the connection that carried the frames after it. */
    private int[] openAt = new int[16];
    /** The profile's decoder laid over each connection's hint (subprotocol, URL), for the Summary column. */
    private UnaryOperator<ProtocolHint> hints = UnaryOperator.identity();
    private int hintFor = -2;
    private ProtocolHint hint = ProtocolHint.NONE;
    private long framesKnown;
    /** Absolute rows before this one were cleared from view (a position among the filtered rows). */
    private long clearedRows;
    /** Rows [clearedRows, shownEnd) can be scrolled to; rows after it wait for Resume. */
    private long shownEnd;
    /** {@link #clearedRows} and {@link #shownEnd} as rows of the whole capture, whatever the filter. */
    private long clearedReal;
    private long shownEndReal;
    /** The rows shown: the user's filter with the folded fragments taken out ({@link #folds}); null: every row. */
    private MatchSet frameMatches;
    private MatchSet eventMatches;
    /** The user's filter's matching frames (by seq) and events (by index), as given; null: no filter. */
    private MatchSet userFrames;
    private MatchSet userEvents;
    /** The row-hiding layer: a fragmented message folded to its first row unless expanded. */
    private final FragmentFolds folds;
    /** True when another thread advances the folds' scan (the app's sampler), so a pull reads no frame for them. */
    private final boolean scannedElsewhere;
    /** Absolute row of list index 0. */
    private long firstRow;
    private int visible;
    private int viewportRows = 40;
    private boolean paused;
    private boolean following = true;
    private TimeMode timeMode = TimeMode.ABSOLUTE;

    /** Rows made but not cached, because their message was still open (see {@link TimelineRow#open()}). */
    private final java.util.Set<Long> openRows = new java.util.HashSet<>();
    private final Map<Long, TimelineRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TimelineRow> eldest) {
            return size() > CACHE_ROWS;
        }
    };

    /** A list that classifies fragments itself, a bounded number of frames a pull (tests, tools). */
    public TimelineList(Session session, RowFormatter formatter) {
        this(session, formatter, null);
    }

    /**
     * A list whose fragments {@code scan} classifies, advanced off the FX thread (the tab's sampler: see
     * {@code ShownCapture.advance}); a pull only takes what it published. Null: the list scans in its pulls.
     */
    public TimelineList(Session session, RowFormatter formatter, FragmentScan scan) {
        this.session = session;
        this.store = session.frames();
        this.formatter = formatter;
        this.kinds = new MessageKinds(store);
        this.scannedElsewhere = scan != null;
        this.folds = scan == null ? new FragmentFolds(store) : new FragmentFolds(scan);
    }

    /**
     * Takes in what arrived since the last pull. Unless paused, the new rows can be scrolled to, and a following
     * viewport moves to them. Returns the number of rows that became reachable.
     */
    public int pull() {
        // Frames are shown once the fold layer has classified them, so rows never move: classified elsewhere (the
        // sampler thread), the pull only takes the published result; otherwise a bounded number a pull.
        if (scannedElsewhere) {
            folds.take();
        } else {
            folds.advance(store.size(), FOLD_FRAMES_PER_PULL);
        }
        long frames = Math.min(store.size(), folds.scanned());
        int known = events.size();
        int available = session.eventCount();
        // Events come after the frames they follow; one whose frames are not visible yet waits a pulse.
        for (int i = known; i < available && i - known < EVENTS_PER_PULL; i++) {
            ConnectionEvent event = session.event(i);
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
                openAt = Arrays.copyOf(openAt, eventRows.length);
            }
            int index = events.size();
            eventRows[index] = position;
            openAt[index] = event instanceof ConnectionEvent.Opened ? index : index == 0 ? -1 : openAt[index - 1];
            events.add(event);
        }
        if (events.size() < available) {
            // An event that waits holds back the frames after it, so the rows it goes between stay in order.
            frames = Math.min(frames, Math.max(framesKnown, session.event(events.size()).frameIndex()));
        }
        long framesBefore = framesKnown;
        framesKnown = frames;
        if (paused) {
            return 0;
        }
        long before = shownEnd;
        shownEndReal = totalRows();
        if (folds.hidesAny() || frameMatches != null && userFrames == null) {
            layer(true); // the new rows join the end of the layer (a folded message's new fragments stay hidden)
        } else {
            recount();
            place();
        }
        refreshOpenRows(framesBefore);
        return (int) Math.min(Integer.MAX_VALUE, shownEnd - before);
    }

    /** Puts the viewport where it belongs after the reachable rows or the viewport's size changed. */
    private void place() {
        long first = following ? maxFirstRow() : Math.min(firstRow, maxFirstRow());
        moveWindow(Math.max(first, clearedRows));
    }

    /** How many rows fit on screen; the view tells this whenever its height changes. */
    public void setViewportRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("viewport must hold a row: " + rows);
        }
        if (rows != viewportRows) {
            viewportRows = rows;
            place();
        }
    }

    public int viewportRows() {
        return viewportRows;
    }

    /**
     * Shows the rows from absolute row {@code absolute} on (clamped to what can be scrolled to). The viewport
     * follows new rows again exactly when this reaches the newest rows.
     */
    public void scrollTo(long absolute) {
        long max = maxFirstRow();
        long first = Math.max(clearedRows, Math.min(absolute, max));
        following = first >= max;
        moveWindow(first);
    }

    /** Scrolls by {@code rows} (negative: up). */
    public void scrollBy(long rows) {
        if (rows != 0) {
            scrollTo(firstRow + rows);
        }
    }

    /** Scrolls as little as needed for absolute row {@code absolute} to be on screen. */
    public void ensureVisible(long absolute) {
        if (absolute < firstRow) {
            scrollTo(absolute);
        } else if (absolute >= firstRow + viewportRows) {
            scrollTo(absolute - viewportRows + 1);
        }
    }

    /** Scrolls so that absolute row {@code absolute} is about in the middle of the screen. */
    public void center(long absolute) {
        if (absolute < firstRow || absolute >= firstRow + visible) {
            scrollTo(absolute - viewportRows / 2);
        }
    }

    /** Moves to the newest rows and follows them again (End, the Latest button, Resume). */
    public void follow() {
        following = true;
        place();
    }

    /** The viewport stays where it is as new rows arrive. */
    public void stopFollowing() {
        following = false;
    }

    /** True while the viewport stays on the newest rows as they arrive. */
    public boolean isFollowing() {
        return following;
    }

    /** Announces the viewport starting at {@code newFirst} as one change against the current one. */
    private void moveWindow(long newFirst) {
        int newVisible = (int) Math.max(0, Math.min(shownEnd - newFirst, viewportRows));
        long oldFirst = firstRow;
        long oldEnd = oldFirst + visible;
        long newEnd = newFirst + newVisible;
        if (newFirst == oldFirst && newVisible == visible) {
            return;
        }
        beginChange();
        if (newFirst >= oldEnd || newEnd <= oldFirst || newFirst < oldFirst || visible == 0) {
            // No overlap, or moving backwards: replace everything (a screenful of rows at most).
            if (visible > 0) {
                nextRemove(0, removedPlaceholder(visible));
            }
            firstRow = newFirst;
            visible = newVisible;
            if (newVisible > 0) {
                nextAdd(0, newVisible);
            }
            endChange();
            return;
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
        if (newVisible > keptAfterEnd) {
            nextAdd(keptAfterEnd, newVisible);
        }
        endChange();
    }

    /** Absolute row of list index 0. */
    public long firstRow() {
        return firstRow;
    }

    /** The first row that can be scrolled to (rows before it were cleared from view). */
    public long firstReachableRow() {
        return clearedRows;
    }

    /** One past the last row that can be scrolled to. */
    public long endRow() {
        return shownEnd;
    }

    /** The largest {@link #firstRow()} there can be: the newest rows fill the screen. */
    public long maxFirstRow() {
        return Math.max(clearedRows, shownEnd - viewportRows);
    }

    /** Absolute row of list index {@code index}. */
    public long absoluteRow(int index) {
        return firstRow + index;
    }

    /** List index of absolute row {@code absolute}, or -1 when it is not on screen. */
    public int indexOfRow(long absolute) {
        return absolute >= firstRow && absolute < firstRow + visible ? (int) (absolute - firstRow) : -1;
    }

    /** Absolute row of frame {@code seq} (the frame plus the events placed before it), or -1 if not known yet. */
    public long rowOfFrame(long seq) {
        if (seq < 0 || seq >= framesKnown) {
            return -1;
        }
        if (frameMatches != null) {
            return frameMatches.contains(seq) ? viewRank(realRowOfFrame(seq)) : -1;
        }
        return realRowOfFrame(seq);
    }

    private long realRowOfFrame(long seq) {
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

    /** The frame sequence number of absolute row {@code absolute}, or -1 when that row is an event. */
    public long seqOfRow(long absolute) {
        long real = realRow(absolute);
        return real < 0 || eventIndexAt(real) >= 0 ? -1 : real - eventsBefore(real);
    }

    /**
     * Installs which frames (by seq) and events (by session index) match, or removes the filter (both null). The
     * viewport keeps its place as far as it can; the caller moves it and the selection ({@link TimelineViewModel}).
     */
    public void setFilter(MatchSet frames, MatchSet events) {
        if ((frames == null) != (events == null)) {
            throw new IllegalArgumentException("frames and events are filtered together");
        }
        userFrames = frames;
        userEvents = events;
        layer(false);
    }

    /**
     * Shows the user's filter with the folded fragments taken out: keeping the rows on screen when only rows at the
     * end changed ({@code extend}), else anew.
     */
    private void layer(boolean extend) {
        MatchSet frames = folds.visible(userFrames, framesKnown);
        MatchSet events = frames == null ? null : userEvents != null ? userEvents : MatchSet.all(this.events.size());
        if (extend) {
            extend(frames, events);
        } else {
            install(frames, events);
        }
    }

    private void install(MatchSet frames, MatchSet events) {
        frameMatches = frames;
        eventMatches = events;
        cache.clear();
        recount();
        if (visible > 0) { // every row on screen may be another now
            beginChange();
            nextRemove(0, removedPlaceholder(visible));
            visible = 0;
            endChange();
        }
        place();
    }

    /**
     * The same filter decided more rows ({@code frames} and {@code events} hold the earlier matches and more): the
     * rows shown stay where they are and are not made again, unless a newly decided row falls among them (an event
     * decided late), which shows everything anew as {@link #setFilter} does.
     */
    public void extendFilter(MatchSet frames, MatchSet events) {
        if (userFrames == null || frames == null) {
            setFilter(frames, events);
            return;
        }
        userFrames = frames;
        userEvents = events;
        layer(true);
    }

    private void extend(MatchSet frames, MatchSet events) {
        if (frameMatches == null || frames == null) {
            install(frames, events);
            return;
        }
        long oldShown = shownEnd;
        long oldCleared = clearedRows;
        long lastShownReal = oldShown == 0 ? -1 : realRow(oldShown - 1); // under the earlier matches
        MatchSet oldFrames = frameMatches;
        MatchSet oldEvents = eventMatches;
        frameMatches = frames;
        eventMatches = events;
        recount();
        boolean moved = clearedRows != oldCleared || (lastShownReal >= 0 && viewRank(lastShownReal + 1) != oldShown);
        if (moved) {
            frameMatches = oldFrames;
            eventMatches = oldEvents;
            install(frames, events);
            return;
        }
        place();
    }

    /** True while the user's filter is on (folded fragments alone are not a filter). */
    public boolean isFiltered() {
        return userFrames != null;
    }

    /** True when row {@code absolute} starts a fragmented message that can be expanded or folded. */
    public boolean isFoldable(long absolute) {
        long seq = absolute < 0 || absolute >= viewRank(totalRows()) ? -1 : seqOfRow(absolute);
        return seq >= 0 && folds.isFoldable(seq);
    }

    /** True when row {@code absolute} is a fragmented message's first row showing all its frames. */
    public boolean isExpanded(long absolute) {
        return isFoldable(absolute) && folds.isExpanded(seqOfRow(absolute));
    }

    /**
     * Expands or folds the fragmented message of row {@code absolute}; false when that row starts none or is so
     * already. The rows after it move: the caller moves the selection ({@link TimelineViewModel#setExpanded}).
     */
    public boolean setExpanded(long absolute, boolean expanded) {
        if (!isFoldable(absolute) || !folds.setExpanded(seqOfRow(absolute), expanded)) {
            return false;
        }
        layer(false);
        return true;
    }

    /** Expands every fragmented message (true) or folds them all to their first rows (false: the default). */
    public void setExpandAll(boolean value) {
        if (value != folds.isExpandAll()) {
            folds.setExpandAll(value);
            layer(false);
        }
    }

    public boolean isExpandAll() {
        return folds.isExpandAll();
    }

    /** Expands the folded message that hides continuation frame {@code seq}; false when no fold hides it. */
    public boolean reveal(long seq) {
        long first = folds.messageOf(seq);
        if (first < 0 || folds.isExpanded(first) || !folds.setExpanded(first, true)) {
            return false;
        }
        layer(false);
        return true;
    }

    /** The row of the whole capture at filtered position {@code absolute} (the same without a filter), or -1. */
    public long realRow(long absolute) {
        if (frameMatches == null || absolute < 0) {
            return absolute;
        }
        int n = events.size();
        int lo = 0;
        int hi = n;
        while (lo < hi) { // the first event with at least `absolute` matching rows before it
            int mid = (lo + hi) >>> 1;
            if (matchesBeforeEvent(mid) < absolute) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        long event = eventMatches.next(lo);
        if (event >= 0 && event < n && matchesBeforeEvent((int) event) == absolute) {
            return eventRows[(int) event];
        }
        long seq = frameMatches.select(absolute - eventMatches.rank(lo));
        return seq < 0 || seq >= framesKnown ? -1 : realRowOfFrame(seq);
    }

    /** The filtered position of capture row {@code real}, or -1 when the filter hides it. */
    public long viewRow(long real) {
        if (frameMatches == null || real < 0 || real >= totalRows()) {
            return real < 0 || real >= totalRows() ? -1 : real;
        }
        int event = eventIndexAt(real);
        boolean shown = event >= 0 ? eventMatches.contains(event) : frameMatches.contains(real - eventsBefore(real));
        return shown ? viewRank(real) : -1;
    }

    /** Matching rows before capture row {@code real}. */
    private long viewRank(long real) {
        if (frameMatches == null) {
            return real;
        }
        long before = eventsBefore(real);
        return frameMatches.rank(Math.min(real - before, framesKnown)) + eventMatches.rank(before);
    }

    private long matchesBeforeEvent(int event) {
        return frameMatches.rank(eventRows[event] - event) + eventMatches.rank(event);
    }

    /** The filtered positions of the cleared and reachable ends, after they or the filter changed. */
    private void recount() {
        clearedRows = viewRank(clearedReal);
        shownEnd = viewRank(shownEndReal);
    }

    /**
     * What a background search needs, copied on the FX thread: the rows that can be scrolled to (as rows of the
     * whole capture, with the filter's matches: see {@link #realRow}), the events and where they sit. The frame store itself is safe to read from any thread.
     */
    public FrameSearch.Rows searchRows() {
        return new FrameSearch.Rows(store, kinds, List.copyOf(events), Arrays.copyOf(eventRows, events.size()),
                clearedReal, shownEndReal, frameMatches, eventMatches);
    }

    /** Rows captured (frames and events) since the last Clear, reachable or not (matching ones, when filtered). */
    public long capturedRows() {
        return viewRank(totalRows()) - clearedRows;
    }

    /** Rows captured since the last Clear, whatever the filter: the M of "N of M". */
    public long capturedRowsUnfiltered() {
        return totalRows() - clearedReal;
    }

    /** Rows that can be scrolled to (since the last Clear). */
    public long reachableRows() {
        return shownEnd - clearedRows;
    }

    /** Rows captured while paused, not yet reachable. */
    public long pendingRows() {
        return viewRank(totalRows()) - shownEnd;
    }

    /** Rows after the screen's last row: new ones the user is not looking at. */
    public long rowsBelow() {
        return shownEnd - firstRow - visible;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Freezes the list (capture continues); resuming makes everything that arrived reachable at once. */
    public void setPaused(boolean value) {
        paused = value;
        if (!value) {
            pull();
        }
    }

    /** Empties the view; the capture itself (and exports) keep every frame. */
    public void clearView() {
        clearedReal = shownEndReal;
        recount();
        following = true;
        cache.clear();
        openRows.clear();
        moveWindow(clearedRows);
    }

    /**
     * How the Summary column decodes: {@code overlay} lays the profile's decoder choice (and protobuf schema) over
     * the hint of the connection that carried each frame, as the Protocol view does. Cached rows are dropped.
     */
    public void setProtocolHints(UnaryOperator<ProtocolHint> overlay) {
        hints = overlay == null ? UnaryOperator.identity() : overlay;
        hintFor = -2;
        cache.clear();
    }

    /** The decoding hint for a frame row with {@code eventsBefore} events placed before it. */
    private ProtocolHint hintAfter(long eventsBefore) {
        int open = eventsBefore == 0 ? -1 : openAt[(int) eventsBefore - 1];
        if (open != hintFor) {
            ProtocolHint connection = open < 0 ? ProtocolHint.NONE
                    : ProtocolHint.of((ConnectionEvent.Opened) events.get(open));
            hint = hints.apply(connection);
            hintFor = open;
        }
        return hint;
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
        return row(firstRow + index);
    }

    /** Any reachable row by its absolute number, on screen or not (kept in a small cache). */
    public TimelineRow row(long absolute) {
        long total = viewRank(totalRows());
        if (absolute < 0 || absolute >= total) {
            throw new IndexOutOfBoundsException("row " + absolute + " of " + total);
        }
        TimelineRow row = cache.get(absolute);
        if (row == null) {
            row = makeRow(absolute);
            if (row.open()) {
                openRows.add(absolute); // made again once more frames came (its message's size and preview grow)
            } else {
                cache.put(absolute, row);
            }
        }
        return row;
    }

    /** Announces the rows on screen whose message was still open as changed, when frames arrived since. */
    private void refreshOpenRows(long framesBefore) {
        if (openRows.isEmpty() || framesKnown == framesBefore) {
            return;
        }
        List<Long> rows = new ArrayList<>(openRows);
        openRows.clear();
        beginChange();
        for (long absolute : rows) {
            int index = indexOfRow(absolute);
            if (index >= 0) {
                nextSet(index, null);
            }
        }
        endChange();
    }

    /** A row made afresh, not cached (for copying many rows without evicting the screen's). */
    public TimelineRow rowUncached(long absolute) {
        TimelineRow cached = cache.get(absolute);
        return cached != null ? cached : makeRow(absolute);
    }

    @Override
    public int size() {
        return visible;
    }

    /** The frame sequence number at list index {@code index}, or -1 when that row is an event. */
    public long seqAt(int index) {
        return seqOfRow(firstRow + index);
    }

    private TimelineRow makeRow(long shown) {
        long absolute = realRow(shown);
        long prevEpoch = absolute == 0 ? -1 : epochAt(absolute - 1);
        long connectEpoch = events.isEmpty() ? -1 : events.get(0).epochMicros();
        int eventIndex = eventIndexAt(absolute);
        long number = absolute + 1;
        if (eventIndex >= 0) {
            return formatter.eventRow(number, events.get(eventIndex), timeMode, prevEpoch, connectEpoch);
        }
        long before = eventsBefore(absolute);
        long seq = absolute - before;
        TimelineRow row = formatter.frameRow(number, store, kinds, seq, timeMode, prevEpoch, connectEpoch,
                hintAfter(before));
        return folds.isFoldable(seq) ? withFold(row, folds.isExpanded(seq)) : row;
    }

    /** The FIN cell of a fragmented message's first row: ▸ folded (the row is the whole message), ▾ expanded. */
    static final String FOLDED = "▸", EXPANDED = "▾";

    private static TimelineRow withFold(TimelineRow r, boolean expanded) {
        String fin = expanded ? EXPANDED : FOLDED;
        return new TimelineRow(r.row(), r.seq(), r.event(), r.epochMicros(), r.time(), r.arrow(), r.icon(), r.type(),
                r.size(), fin, r.preview(), r.summary(), r.styleClass(), r.open());
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
        return Collections.nCopies(count, null);
    }
}
