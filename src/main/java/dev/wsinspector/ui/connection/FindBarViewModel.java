package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.timeline.FrameSearch;
import dev.wsinspector.ui.timeline.TimelineList;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Find in capture, apart from any node: the query, whether the bar is open, and its one-line status. The search
 * ({@link FrameSearch}) runs off the FX thread over a snapshot of the rows, from the selected row on, wrapping
 * once; a newer search (or closing the bar) supersedes an older one, and a result for a capture that is no
 * longer shown is not applied. Only the FX thread moves the timeline, to the match. Works without the toolkit.
 */
public final class FindBarViewModel {

    /** What the bar searches and moves: the tab's timeline. Called on the FX thread. */
    public interface Timeline {
        /** The rows shown now, or null when the tab has no capture. */
        TimelineList rows();

        /** The selected row (absolute), where a search starts; outside the rows when none is selected. */
        long lead();

        /** Selects {@code row} alone and scrolls to it; false when it is no longer there. */
        boolean selectRow(long row);
    }

    private final Timeline timeline;
    private final Supplier<BackgroundTasks> tasks;
    /** Key of this bar's search in {@link #tasks}. */
    private final Object key = new Object();
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");

    /** A match and how many rows match in all (counted in the same background task). */
    private record Found(FrameSearch.Match match, FrameSearch.Count count) {
    }

    /**
     * @param tasks runs the search (asked for when first needed: a tab may make its own then)
     */
    public FindBarViewModel(Timeline timeline, Supplier<BackgroundTasks> tasks) {
        this.timeline = timeline;
        this.tasks = tasks;
        query.addListener((o, was, now) -> {
            status.set("");
            count.set("");
        });
    }

    /** Shows the bar (Ctrl+F, the Find button). */
    public void open() {
        open.set(true);
    }

    /** Hides the bar and drops a search still running (Esc, ✕). */
    public void close() {
        tasks.get().cancel(key);
        open.set(false);
        status.set("");
        count.set("");
    }

    /** Searches after the selected row (before it when {@code forward} is false), the first row when none is. */
    public void find(boolean forward) {
        TimelineList rows = timeline.rows();
        String text = query.get();
        if (rows == null || text == null || text.isEmpty()) {
            status.set(rows == null ? "no capture" : "");
            return;
        }
        long lead = timeline.lead();
        long from = lead >= 0 && lead < rows.endRow() ? rows.realRow(lead) : -1; // the search walks capture rows
        FrameSearch search;
        try {
            search = new FrameSearch(rows.searchRows(), text);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        status.set("searching…");
        tasks.get().submitLatest(key, () -> {
            FrameSearch.Match match = search.find(from, forward);
            return Optional.of(new Found(match, match == null ? null : search.count(match.row())));
        }, found -> show(rows, found.get()),
                e -> status.set(e instanceof CancellationException ? "" : "search failed"));
    }

    private void show(TimelineList rows, Found found) {
        show(rows, found.match());
        FrameSearch.Count c = found.count();
        count.set(c == null || status.get().equals("no match") ? "0 matches"
                : String.format(java.util.Locale.ROOT, "%,d of %,d", c.before() + 1, c.total()));
    }

    /** Selects the match; "no match" when there is none (or the capture changed meanwhile). */
    private void show(TimelineList rows, FrameSearch.Match match) {
        if (match == null || rows != timeline.rows() || !timeline.selectRow(rows.viewRow(match.row()))) {
            status.set("no match");
            return;
        }
        status.set((match.isFrame() ? "frame #" + match.seq() : "event row " + (match.row() + 1))
                + (match.wrapped() ? " (wrapped)" : ""));
    }

    /** What to look for, ignoring case; editing it clears the status. */
    public StringProperty queryProperty() {
        return query;
    }

    /** "searching…", "frame #12", "event row 3 (wrapped)", "no match", "no capture", or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "3 of 41" (the match found, of all matching rows, counted off the FX thread), "0 matches", or empty. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }
}
