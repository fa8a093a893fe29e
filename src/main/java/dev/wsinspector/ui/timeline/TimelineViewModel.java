package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The timeline's state and its moves, without a toolkit: the {@link TimelineList} shown (a new one after each
 * connect), the {@link RowSelection} in absolute rows, the empty table's text, and every way the viewport moves
 * (the scroll bar, go to, select, pull, pause, follow, clear, a window that fits more or fewer rows). After a move
 * it tells the view once ({@link #onMoved}), which brings the scroll bar and the table's own selection up to date:
 * once per pulse however many rows arrived, never once per row or frame.
 */
public final class TimelineViewModel {

    /** Most rows Ctrl+C copies at once; more is a job for Save capture. */
    public static final int COPY_LIMIT = 100_000;
    static final String EMPTY = "No frames yet: connect and send something.";

    private final RowSelection selection = new RowSelection();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper(this, "placeholder", EMPTY);
    private final Consumer<String> clipboard;
    private TimelineList rows;
    /** Rows that fit on screen, once the table has been laid out; -1 before. */
    private int fit = -1;
    private Consumer<String> notice = text -> { };
    private Consumer<TimelineList> shown = list -> { };
    private Runnable moved = () -> { };
    /** Fragments: every frame of fragmented messages shown (kept for the next capture's list). */
    private boolean expandAll;

    /** @param clipboard where copied rows go as text: the system clipboard (a list in tests) */
    public TimelineViewModel(Consumer<String> clipboard) {
        this.clipboard = clipboard;
    }

    /** The view puts {@code list} in its table (null: no capture). */
    void onShown(Consumer<TimelineList> target) {
        shown = target;
    }

    /** The view brings its scroll bar and its table's selection up to date after each move. */
    void onMoved(Runnable target) {
        moved = target;
    }

    /** Where a message for the user goes (copy limits); the tab puts it on its status line. */
    public void onNotice(Consumer<String> target) {
        notice = target;
    }

    /** What the empty table says. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    /** Shows {@code list} (a new capture after each connect); the selection starts empty. */
    public void show(TimelineList list) {
        placeholder.set(EMPTY);
        selection.clear();
        if (list != null && fit > 0) {
            list.setViewportRows(fit);
        }
        if (list != null) {
            list.setExpandAll(expandAll); // Fragments stays as set across connections
        }
        rows = list;
        shown.accept(list);
        moved.run();
    }

    public TimelineList rows() {
        return rows;
    }

    /** The selection, in absolute rows; its lead is the row whose frame the detail pane shows. */
    public RowSelection selection() {
        return selection;
    }

    /** The table now fits {@code rows} rows: the viewport takes as many, and the row the user reads stays on it. */
    void fitChanged(int rowsThatFit) {
        fit = rowsThatFit;
        if (rows != null && fit > 0) {
            long lead = selection.lead();
            boolean leadShown = rows.indexOfRow(lead) >= 0;
            rows.setViewportRows(fit);
            if (leadShown && !rows.isFollowing()) {
                rows.ensureVisible(lead); // a smaller window keeps the row the user is reading on screen
            }
            moved.run();
        }
    }

    /** The viewport moved or the selection changed by a gesture ({@link RowGestures}): the view catches up. */
    void afterMove() {
        moved.run();
    }

    /** The scroll bar was moved to {@code value} rows below the first reachable one. */
    void barMoved(double value) {
        if (rows != null) {
            rows.scrollTo(rows.firstReachableRow() + Math.round(value));
            moved.run();
        }
    }

    /** Shows the rows from absolute row {@code absolute} on (clamped); following stops unless that is the end. */
    public void scrollTo(long absolute) {
        if (rows != null) {
            rows.scrollTo(absolute);
            moved.run();
        }
    }

    /** Takes in the rows that arrived since the last pulse; returns how many became reachable. */
    public int pull() {
        if (rows == null) {
            return 0;
        }
        int added = rows.pull();
        moved.run();
        return added;
    }

    /**
     * Shows only the rows that match (both null: every row again). The lead row stays selected and on screen when
     * it still matches; a list that follows the newest rows goes on following them.
     *
     * @param frames the matching frame seqs, decided below its limit
     * @param events the matching event indexes
     */
    public void setFilter(MatchSet frames, MatchSet events) {
        if (rows == null) {
            return;
        }
        long lead = selection.lead();
        long leadReal = lead >= 0 && lead < rows.endRow() ? rows.realRow(lead) : -1;
        boolean following = rows.isFollowing();
        boolean changedFilter = rows.isFiltered() != (frames != null);
        rows.setFilter(frames, events);
        long now = leadReal < 0 ? -1 : rows.viewRow(leadReal);
        if (now != lead || changedFilter) {
            if (now >= 0 && now < rows.endRow()) {
                selection.select(now);
                if (!following) {
                    rows.center(now);
                }
            } else {
                selection.clear();
            }
        }
        if (following) {
            rows.follow();
        }
        moved.run();
    }

    /** The same filter decided more rows: new matching rows join the end, the rest stay as they are. */
    public void extendFilter(MatchSet frames, MatchSet events) {
        if (rows == null || !rows.isFiltered() || frames == null) {
            setFilter(frames, events);
            return;
        }
        long lead = selection.lead();
        long leadReal = lead >= 0 && lead < rows.endRow() ? rows.realRow(lead) : -1;
        rows.extendFilter(frames, events);
        long now = leadReal < 0 ? -1 : rows.viewRow(leadReal);
        if (now != lead) {
            if (now >= 0) {
                selection.select(now);
            } else {
                selection.clear();
            }
        }
        moved.run();
    }

    /**
     * Expands (true) or folds the fragmented message whose first row is {@code absolute} (click on its ▸/▾, Right
     * and Left on the selected row); the selected row stays selected, and on screen unless following.
     */
    public boolean setExpanded(long absolute, boolean expanded) {
        return rows != null && keepingLead(() -> rows.setExpanded(absolute, expanded));
    }

    /** Flips the fragmented message of row {@code absolute}; false when that row starts none. */
    public boolean toggleExpanded(long absolute) {
        return rows != null && rows.isFoldable(absolute) && setExpanded(absolute, !rows.isExpanded(absolute));
    }

    /** Shows every frame of every fragmented message (the toolbar's "Fragments"), or folds them all again. */
    public void setExpandAll(boolean value) {
        expandAll = value;
        if (rows != null && value != rows.isExpandAll()) {
            keepingLead(() -> {
                rows.setExpandAll(value);
                return true;
            });
        }
    }

    public boolean isExpandAll() {
        return expandAll;
    }

    /** Runs a change of the rows shown that may move every row after some point, keeping the lead selected. */
    private boolean keepingLead(java.util.function.BooleanSupplier change) {
        long lead = selection.lead();
        long leadReal = lead >= 0 && lead < rows.endRow() ? rows.realRow(lead) : -1;
        boolean following = rows.isFollowing();
        long offset = lead - rows.firstRow();
        if (!change.getAsBoolean()) {
            return false;
        }
        long now = leadReal < 0 ? -1 : rows.viewRow(leadReal);
        if (now >= 0 && now < rows.endRow()) {
            selection.select(now);
            if (!following) {
                rows.scrollTo(now - Math.max(0, Math.min(offset, rows.viewportRows() - 1)));
            }
        } else {
            selection.clear();
        }
        if (following) {
            rows.follow();
        }
        moved.run();
        return true;
    }

    /** Pauses or resumes the list. */
    public void setPaused(boolean paused) {
        if (rows != null) {
            rows.setPaused(paused);
            moved.run();
        }
    }

    /** Back to the newest rows, following them. */
    public void follow() {
        if (rows != null) {
            rows.follow();
            moved.run();
        }
    }

    public boolean isFollowing() {
        return rows == null || rows.isFollowing();
    }

    /** Empties the view (the capture keeps every frame); the empty table says so. */
    public void clearView() {
        if (rows != null) {
            long kept = rows.capturedRows();
            rows.clearView();
            selection.clear();
            moved.run();
            placeholder.set(String.format(Locale.ROOT, "Cleared. The capture keeps all %,d rows (Save capture, "
                    + "Sessions); new frames appear here.", kept));
        }
    }

    /** Selects absolute row {@code absolute} alone and scrolls it to the middle of the screen (find, go to). */
    public boolean selectRow(long absolute) {
        if (rows == null || absolute < rows.firstReachableRow() || absolute >= rows.endRow()) {
            return false;
        }
        rows.center(absolute);
        selection.select(absolute);
        moved.run();
        return true;
    }

    /** Selects frame {@code seq} and brings it on screen; false when there is no such frame to show. */
    public boolean goToFrame(long seq) {
        if (rows != null && rows.rowOfFrame(seq) < 0 && seq >= 0) {
            rows.reveal(seq); // a continuation frame folded into its message: its message expands
        }
        return rows != null && selectRow(rows.rowOfFrame(seq));
    }

    /** Selects the row at list index {@code index} of the screen alone, as a click would. */
    public void selectIndex(int index) {
        if (rows != null && index >= 0 && index < rows.size()) {
            selection.select(rows.absoluteRow(index));
        }
    }

    /**
     * A row the user picked stays where it is on screen: new rows no longer push it up and away (End or Latest
     * follow them again). Picking the newest row keeps following.
     */
    void holdStill(long picked) {
        if (picked < rows.endRow() - 1) {
            rows.stopFollowing();
            moved.run();
        }
    }

    /** The lead row (clicked or moved to last), or null. */
    public TimelineRow leadRow() {
        long lead = selection.lead();
        return rows == null || lead < 0 || lead >= rows.endRow() ? null : rows.row(lead);
    }

    /** The first {@code limit} selected rows, in order. */
    public List<TimelineRow> selectedRows(int limit) {
        List<TimelineRow> out = new ArrayList<>();
        if (rows != null) {
            for (long row : selection.rows(limit)) {
                if (row < rows.endRow()) {
                    out.add(rows.rowUncached(row));
                }
            }
        }
        return out;
    }

    /** Lowest and highest selected frame seq, or null when no frame is selected. */
    public long[] selectedFrameRange() {
        if (rows == null || selection.isEmpty()) {
            return null;
        }
        long first = -1;
        for (long row = selection.first(); row <= selection.last() && row < rows.endRow(); row++) {
            if (selection.isSelected(row) && rows.seqOfRow(row) >= 0) {
                first = rows.seqOfRow(row);
                break;
            }
        }
        long last = -1;
        for (long row = Math.min(selection.last(), rows.endRow() - 1); row >= selection.first(); row--) {
            if (selection.isSelected(row) && rows.seqOfRow(row) >= 0) {
                last = rows.seqOfRow(row);
                break;
            }
        }
        return first < 0 ? null : new long[] {first, last};
    }

    /** Copies the selected rows as tab-separated text (at most {@link #COPY_LIMIT}); past it, says so. */
    public void copySelection() {
        long count = selection.count();
        String text = selectedRows(COPY_LIMIT).stream().map(TimelineRow::asText).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            clipboard.accept(text);
        }
        if (count > COPY_LIMIT) {
            notice.accept(String.format(Locale.ROOT, "Copied the first %,d of %,d selected rows; "
                    + "Save capture writes them all.", COPY_LIMIT, count));
        }
    }

    /** The list indices of the selected rows on screen, ascending (what the table shows as selected). */
    int[] selectedIndicesShown() {
        if (rows == null) {
            return new int[0];
        }
        int[] shown = new int[rows.size()];
        int count = 0;
        for (int i = 0; i < shown.length; i++) {
            if (selection.isSelected(rows.absoluteRow(i))) {
                shown[count++] = i;
            }
        }
        return Arrays.copyOf(shown, count);
    }
}
