package dev.wsinspector.ui.filter;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterRun;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The filter bar apart from any node: the expression and <em>Hide heartbeats</em>, what is wrong with the
 * expression and where, "N of M", and the {@link FilterRun} that decides, off the FX thread, which rows the timeline
 * shows. {@link #apply()} starts a run over the whole capture (progress for long ones, {@link #cancel()}); the tab's
 * pulse ({@link #pulse()}) hands the run the frames that arrived since, one advance at a time, so new matching frames
 * appear while capture goes on. A new capture (after a connect) starts the run again. FX thread only; works without
 * the toolkit.
 */
public final class FilterBarViewModel {

    /** What the bar filters: the tab's capture and its timeline. Called on the FX thread. */
    public interface Target {
        /** The capture shown now, or null. */
        Session session();

        /** What the filter's decoded-field terms read with (the connection's protocol hint). */
        FilterContext context();

        /** Shows only the matching rows; both null: all rows. */
        void show(MatchSet frames, MatchSet events);

        /** The same filter decided more rows: {@code frames} and {@code events} hold the shown ones and more. */
        default void extend(MatchSet frames, MatchSet events) {
            show(frames, events);
        }

        /** Every frame of fragmented messages as its own row (true), or each message folded to one row. */
        default void showFragments(boolean all) {
        }
    }

    /** Runs that look at more frames than this show their progress. */
    static final long PROGRESS_MIN = 200_000;
    private static final String HIDE = "not heartbeat";
    private static final String HIDE_AND = HIDE + " and (";

    private final Target target;
    private final Supplier<BackgroundTasks> tasks;
    private final Object key = new Object();
    private final StringProperty expression = new SimpleStringProperty(this, "expression", "");
    private final BooleanProperty hideHeartbeats = new SimpleBooleanProperty(this, "hideHeartbeats", false);
    private final BooleanProperty showFragments = new SimpleBooleanProperty(this, "showFragments", false);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper errorPosition = new ReadOnlyIntegerWrapper(this, "errorPosition", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final ReadOnlyObjectWrapper<Filter> applied = new ReadOnlyObjectWrapper<>(this, "applied");

    private BoundFilter filter;
    private Session session;
    private FilterRun run;
    private boolean busy;
    private boolean stopped;
    private FilterRun.Result last;
    private long lastCountTotal = -1;
    private long lastCountMatches = -1;

    public FilterBarViewModel(Target target, Supplier<BackgroundTasks> tasks) {
        this.target = target;
        this.tasks = tasks;
        hideHeartbeats.addListener((o, a, b) -> apply());
        showFragments.addListener((o, a, b) -> target.showFragments(b));
    }

    /** Filters by the expression (and Hide heartbeats); a mistake is shown with its position instead. */
    public void apply() {
        String text = expression.get() == null ? "" : expression.get();
        boolean blank = text.isBlank();
        error.set("");
        errorPosition.set(-1);
        if (blank && !hideHeartbeats.get()) {
            stop();
            filter = null;
            applied.set(null);
            active.set(false);
            target.show(null, null);
            refreshCount();
            return;
        }
        String combined = blank ? HIDE : hideHeartbeats.get() ? HIDE_AND + text + ")" : text;
        int shift = blank || !hideHeartbeats.get() ? 0 : HIDE_AND.length();
        BoundFilter bound;
        Filter own = null;
        try {
            if (!blank) {
                own = Filter.parse(text); // the user's mistakes at the user's positions
            }
        } catch (FilterSyntaxException e) {
            showError(text, e, 0);
            return;
        }
        try {
            bound = Filter.parse(combined).bind(target.context());
        } catch (FilterSyntaxException e) { // a term the connection cannot answer (pairing)
            showError(text, e, shift);
            return;
        }
        stop();
        filter = bound;
        applied.set(own);
        active.set(true);
        session = null; // the next step starts a run over the capture shown
        step();
    }

    private void showError(String text, FilterSyntaxException e, int shift) {
        int at = Math.max(0, Math.min(text.length(), e.position() - shift));
        errorPosition.set(at);
        error.set("at " + (at + 1) + ": " + e.problem());
    }

    /** Shows every row again (Esc, ✕); Hide heartbeats stays as it is. */
    public void clear() {
        expression.set("");
        apply();
    }

    /** Stops a long run now and shows every row again, saying so (the expression stays, Enter runs it again). */
    public void cancel() {
        if (run != null && busy) {
            stop();
            filter = null;
            applied.set(null);
            active.set(false);
            target.show(null, null);
            error.set("cancelled: showing all rows");
            refreshCount();
        }
    }

    /** Once per tab pulse: a new capture starts the run again, new frames go to it. */
    public void pulse() {
        if (filter != null && !stopped) {
            step();
        }
        refreshCount();
    }

    private void step() {
        Session now = target.session();
        if (now != session) {
            stop();
            session = now;
            run = now == null ? null : new FilterRun(filter, now);
            last = null;
        }
        if (run == null || busy) {
            return;
        }
        long total = now.frames().size();
        if (last != null && total == run.scanned() && now.eventCount() == last.events().limit()) {
            return;
        }
        FilterRun mine = run;
        busy = true;
        boolean big = total - run.scanned() >= PROGRESS_MIN;
        if (big) {
            progress.set(0);
            running.set(true);
        }
        BackgroundTasks background = tasks.get();
        long[] lastReport = {System.nanoTime()};
        FilterRun.Progress report = big ? (done, all) -> {
            long t = System.nanoTime();
            if (t - lastReport[0] > 100_000_000L) {
                lastReport[0] = t;
                background.onFxThread(() -> {
                    if (run == mine && busy) {
                        progress.set(all == 0 ? 0 : (double) done / all);
                    }
                });
            }
        } : null;
        background.submitLatest(key, () -> mine.advance(report), result -> decided(mine, result),
                e -> failed(mine, e));
    }

    private void decided(FilterRun which, FilterRun.Result result) {
        if (which != run) {
            return;
        }
        busy = false;
        running.set(false);
        progress.set(1);
        boolean first = last == null;
        boolean changed = first || last.frames().limit() != result.frames().limit()
                || last.events().limit() != result.events().limit();
        last = result;
        if (first) {
            target.show(result.frames(), result.events());
        } else if (changed) {
            target.extend(result.frames(), result.events()); // live: the rows shown stay, new ones join
        }
        refreshCount();
    }

    private void failed(FilterRun which, Throwable e) {
        if (which != run) {
            return;
        }
        busy = false;
        running.set(false);
        if (!(e instanceof CancellationException)) {
            stopped = true;
            error.set("the filter stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private void stop() {
        if (run != null) {
            run.cancel();
            tasks.get().cancel(key);
        }
        run = null;
        session = null;
        busy = false;
        stopped = false;
        last = null;
        running.set(false);
    }

    /** "N of M": matching rows of all rows; without a filter every row matches. */
    private void refreshCount() {
        Session now = target.session();
        long total = now == null ? 0 : now.frames().size() + now.eventCount();
        long matches = filter == null || now == null ? total
                : last == null ? 0 : last.frames().count() + last.events().count();
        if (total == lastCountTotal && matches == lastCountMatches && !count.get().isEmpty()) {
            return;
        }
        lastCountTotal = total;
        lastCountMatches = matches;
        count.set(String.format(Locale.ROOT, "%,d of %,d", matches, total));
    }

    public StringProperty expressionProperty() {
        return expression;
    }

    public BooleanProperty hideHeartbeatsProperty() {
        return hideHeartbeats;
    }

    /** <em>Fragments</em>: every frame of a fragmented message its own row; off, the message is one row. */
    public BooleanProperty showFragmentsProperty() {
        return showFragments;
    }

    /** "N of M", always: matching rows of the capture's rows (frames and events). */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** What is wrong with the expression ("at 7: expected a value after 'size>'"), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where in the expression the mistake is (0-based), or -1. */
    public ReadOnlyIntegerProperty errorPositionProperty() {
        return errorPosition.getReadOnlyProperty();
    }

    /** True while a long run goes over the capture (the bar shows progress and Cancel). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** From 0 to 1 while {@link #runningProperty()}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The expression as last applied, without Hide heartbeats (the detail views mark its terms), or null. */
    public ReadOnlyObjectProperty<Filter> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** True while a filter (or Hide heartbeats) hides rows. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
