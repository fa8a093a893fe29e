package dev.wsinspector.ui.sessions;

import dev.wsinspector.core.journal.JournalException;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The Sessions sidebar's state: the sessions of the catalog (newest first, formatted once on the worker), the
 * search text, the selection and what may be done with it, the "Deleted — Undo" notice and the "Opening…"
 * state. Listing, renaming, pinning and deleting run on {@code io} (give it one thread, so a list read after a
 * change sees it); opening a session, which may read a million frames' index, runs on {@code opening} so it
 * holds up neither. Results arrive on the FX thread.
 */
public final class SessionsViewModel {

    /** The retention until the app says otherwise ({@code settings.json}): 30 days, 10 GB. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
    public static final long DEFAULT_MAX_BYTES = 10L << 30;

    /** Why Delete is disabled for a session that is still being recorded. */
    static final String RUNNING_REASON = "Still recording: close its tab (or disconnect) to delete it";

    /** One session as the list shows it; every text is made once, off the FX thread. */
    public record SessionRow(SessionMeta meta, String title, String url, String started, String duration,
                             String frames, String bytes, String ended, EndKind endKind) {
        public String id() {
            return meta.id();
        }

        public boolean running() {
            return meta.running();
        }

        public boolean pinned() {
            return meta.pinned();
        }

        /** Start and duration: {@code 2024-05-01 14:03:12 · 3 min 05 s}. */
        public String when() {
            return started + " · " + duration;
        }

        /** Frames and bytes, sent then received. */
        public String counts() {
            return frames + " · " + bytes;
        }

        /** Everything about the session on a few lines, for the row's tooltip (the row itself may cut some). */
        public String details() {
            return title + "\n" + url + "\nid " + id() + "\nstarted " + started + ", " + duration + ", " + ended + "\n"
                    + frames + "\n" + bytes + (pinned() ? "\npinned: kept by the retention" : "");
        }

        /** Case-insensitive match of title, URL or id; {@code needle} is already lower-case. */
        boolean matches(String needle) {
            return needle.isEmpty() || title.toLowerCase(Locale.ROOT).contains(needle)
                    || url.toLowerCase(Locale.ROOT).contains(needle) || meta.id().toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    /** How a session ended, for its colour: a clean end, an abrupt one (warning), or still running. */
    public enum EndKind { ENDED, ABRUPT, RUNNING }

    /** Shows an opened session (in a new tab); from then on it owns {@code opened} and closes it. FX thread. */
    @FunctionalInterface
    public interface Opener {
        void show(SessionCatalog.Opened opened);
    }

    private final SessionCatalog catalog;
    private final BackgroundTasks io;
    private final BackgroundTasks opening;
    private final Clock clock;
    private final DateTimeFormatter startFormat;
    private final ObservableList<SessionRow> sessions = FXCollections.observableArrayList();
    private List<SessionRow> all = List.of();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SessionRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper undoAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper openingText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper retentionText = new ReadOnlyStringWrapper();
    private final SessionActions actions = new SessionActions(selected);
    private final StringBinding placeholder;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private int openingCount;
    private SessionRow lastDeleted;
    /** Set while the shown list is replaced: the view's selection then briefly empties, which is not the user's. */
    private boolean replacing;

    /**
     * @param io      one thread: list, rename, pin, delete, retention (results on the FX thread)
     * @param opening reads sessions back ({@link SessionCatalog#open}); the app's general workers
     * @param zone    start times are shown in this zone
     */
    public SessionsViewModel(SessionCatalog catalog, BackgroundTasks io, BackgroundTasks opening, Clock clock,
                             ZoneId zone) {
        this.catalog = catalog;
        this.io = io;
        this.opening = opening;
        this.clock = clock;
        this.startFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
        filter.addListener((o, a, b) -> show(all));
        retentionText.set(describeRetention());
        placeholder = Bindings.createStringBinding(() -> !loaded.get() ? "Reading the sessions…"
                        : all.isEmpty() ? "No sessions yet: every connection is kept here.\nConnect a tab and it"
                        + " appears, running; it stays after its tab closes."
                        : sessions.isEmpty() ? "No session matches '" + filter.get().strip() + "'.\nClear the search to"
                        + " see all " + all.size() + "." : "",
                loaded, filter, sessions);
    }

    public ObservableList<SessionRow> sessions() {
        return sessions;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<SessionRow> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The view's selection (null: none). */
    public void select(SessionRow row) {
        if (!replacing) {
            selected.set(row);
        }
    }

    /** What may be done with the selection, and why not. */
    public SessionActions actions() {
        return actions;
    }

    /** What the empty list says: why it is empty and what to do; empty while sessions are shown. */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoAvailableProperty() {
        return undoAvailable.getReadOnlyProperty();
    }

    /** The last operation's failure, one line; empty when it went well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Opening 'name'…" while a session is read back; empty otherwise. */
    public ReadOnlyStringProperty openingProperty() {
        return openingText.getReadOnlyProperty();
    }

    /** True once the first list arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** What the retention at start does, for the panel's footer. */
    public ReadOnlyStringProperty retentionTextProperty() {
        return retentionText.getReadOnlyProperty();
    }

    private String describeRetention() {
        return "Sessions older than " + days(maxAge) + ", or beyond " + gigabytes(maxBytes)
                + ", are deleted at start; pinned sessions are kept";
    }

    /** Reads the list again (the panel shows, Refresh, every few seconds while shown). */
    public void refresh() {
        io.submitLatest(this, () -> rows(catalog.list()), this::show, e -> error.set(listProblem(e)));
    }

    /**
     * At start: empties the trash a previous run may have left, deletes sessions beyond {@code age} or
     * {@code bytes} (pinned and running ones are kept), then lists.
     */
    public void applyRetention(Duration age, long bytes) {
        maxAge = age;
        maxBytes = bytes;
        retentionText.set(describeRetention());
        run(() -> {
            catalog.emptyTrash();
            return catalog.applyRetention(age, bytes).size();
        }, deleted -> {
            if (deleted > 0) {
                notice.set("Deleted " + deleted + (deleted == 1 ? " session" : " sessions") + " beyond the retention ("
                        + days(age) + ", " + gigabytes(bytes) + ")");
            }
        });
    }

    /** Opens the selection (Open, Enter, a double click); nothing without one. */
    public void openSelected(Opener opener) {
        open(selected.get(), opener);
    }

    /** Reads {@code row}'s session back and hands it to {@code opener}; failures are one line in the panel. */
    public void open(SessionRow row, Opener opener) {
        if (row == null) {
            return;
        }
        error.set("");
        openingCount++;
        openingText.set("Opening '" + row.title() + "'…");
        opening.submitLatest(new Object(), () -> catalog.open(row.meta()), opened -> {
            doneOpening();
            opener.show(opened);
        }, e -> {
            doneOpening();
            error.set(openProblem(row.title(), e));
        });
    }

    private void doneOpening() {
        if (--openingCount == 0) {
            openingText.set("");
        }
    }

    /** Shows {@code text} in the panel's notice bar (what became of a Save as test…). */
    public void tell(String text) {
        notice.set(text == null ? "" : text);
    }

    /** What the rename dialog asks. */
    public static String renamePrompt(SessionRow row) {
        return "New name for '" + row.title() + "' (empty: show its profile or URL)";
    }

    /**
     * A new name; an empty one shows the profile or the URL again.
     *
     * @return whether it changes anything (the same name, or no answer, is left alone)
     */
    public boolean rename(SessionRow row, String name) {
        if (row == null || name == null || name.strip().equals(row.meta().name())) {
            return false;
        }
        clearNotice();
        String newName = name.strip();
        run(() -> {
            catalog.rename(row.id(), newName);
            return null;
        }, r -> { });
        return true;
    }

    /** Pins the selection, or unpins it if it is pinned. */
    public void togglePin() {
        SessionRow row = selected.get();
        if (row != null) {
            pin(row, !row.pinned());
        }
    }

    /** Pinned sessions are never deleted by the retention. */
    public void pin(SessionRow row, boolean pinned) {
        if (row == null) {
            return;
        }
        clearNotice();
        run(() -> {
            catalog.pin(row.id(), pinned);
            return null;
        }, r -> { });
    }

    /** Deletes the selection (Delete, the Delete key). */
    public void deleteSelected() {
        delete(selected.get());
    }

    /** Moves a past session to the trash; the notice offers Undo until the next action. */
    public void delete(SessionRow row) {
        if (row == null) {
            return;
        }
        clearNotice();
        if (row.running()) {
            error.set("'" + row.title() + "' is not deleted: " + RUNNING_REASON.toLowerCase(Locale.ROOT));
            return;
        }
        run(() -> {
            catalog.delete(row.id());
            return row;
        }, deleted -> {
            lastDeleted = deleted;
            notice.set("Deleted '" + deleted.title() + "'");
            undoAvailable.set(true);
        });
    }

    /** Brings the last deleted session back from the trash. */
    public void undoDelete() {
        SessionRow deleted = lastDeleted;
        if (deleted == null) {
            return;
        }
        clearNotice();
        run(() -> {
            catalog.undoDelete(deleted.id());
            return deleted;
        }, restored -> notice.set("Restored '" + restored.title() + "'"));
    }

    /** Hides the notice (and gives up the undo). */
    public void clearNotice() {
        lastDeleted = null;
        notice.set("");
        undoAvailable.set(false);
        error.set("");
    }

    // ---- work ----

    private record Outcome<T>(T result, Exception failure, List<SessionRow> rows, Exception listFailure) {
    }

    /** Every change: work and a fresh list on the worker; list and callback on the FX thread. */
    private <T> void run(Callable<T> work, Consumer<T> done) {
        io.submitLatest(new Object(), () -> {
            T result = null;
            Exception failure = null;
            try {
                result = work.call();
            } catch (Exception e) {
                failure = e;
            }
            try {
                return new Outcome<>(result, failure, rows(catalog.list()), null);
            } catch (Exception e) {
                return new Outcome<T>(result, failure, null, e);
            }
        }, outcome -> {
            if (outcome.rows() != null) {
                show(outcome.rows());
            } else {
                error.set(listProblem(outcome.listFailure()));
            }
            if (outcome.failure() == null) {
                done.accept(outcome.result());
            } else {
                error.set(changeProblem(outcome.failure()));
            }
        });
    }

    private List<SessionRow> rows(List<SessionMeta> metas) {
        long nowMicros = clock.millis() * 1000L;
        List<SessionRow> out = new ArrayList<>(metas.size());
        for (SessionMeta m : metas) {
            out.add(row(m, nowMicros));
        }
        return out;
    }

    SessionRow row(SessionMeta m, long nowMicros) {
        EndKind kind = m.running() ? EndKind.RUNNING : m.endedAbruptly() ? EndKind.ABRUPT : EndKind.ENDED;
        String ended = switch (kind) {
            case RUNNING -> "running";
            case ABRUPT -> m.how().isEmpty() || m.how().equals("ended abruptly") ? "ended abruptly"
                    : "ended abruptly (" + m.how() + ")";
            case ENDED -> m.how().isEmpty() ? "ended" : m.how();
        };
        long end = m.running() ? nowMicros : m.endedMicros();
        String started = m.startedMicros() <= 0 ? "start unknown"
                : startFormat.format(Instant.ofEpochMilli(m.startedMicros() / 1000));
        return new SessionRow(m, m.title().isEmpty() ? "(no address)" : m.title(), m.url(), started,
                duration(Math.max(0, end - m.startedMicros()) / 1000), "↑ " + Formats.count(m.framesOut()) + "  ↓ "
                + Formats.count(m.framesIn()) + " frames", "↑ " + Formats.humanBytes(m.bytesOut()) + "  ↓ "
                + Formats.humanBytes(m.bytesIn()), ended, kind);
    }

    /** {@code 850 ms}, {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 03 min}, {@code 3 d 4 h}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long s = millis / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", s / 86_400, s % 86_400 / 3600);
    }

    /** Replaces the shown rows only where they changed, and keeps the selection on the same session. */
    private void show(List<SessionRow> rows) {
        all = List.copyOf(rows);
        loaded.set(true);
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<SessionRow> shown = all.stream().filter(r -> r.matches(needle)).toList();
        SessionRow before = selected.get();
        replacing = true;
        try {
            if (sameSessions(shown)) {
                for (int i = 0; i < shown.size(); i++) {
                    if (!sessions.get(i).equals(shown.get(i))) {
                        sessions.set(i, shown.get(i));
                    }
                }
            } else {
                sessions.setAll(shown);
            }
        } finally {
            replacing = false;
        }
        selected.set(before == null ? null
                : shown.stream().filter(r -> r.id().equals(before.id())).findFirst().orElse(null));
    }

    private boolean sameSessions(List<SessionRow> shown) {
        if (shown.size() != sessions.size()) {
            return false;
        }
        for (int i = 0; i < shown.size(); i++) {
            if (!shown.get(i).id().equals(sessions.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    static String openProblem(String title, Exception e) {
        String why;
        if (e instanceof JournalException) {
            why = e.getMessage();
        } else if (e instanceof NoSuchFileException) {
            why = "its files are gone (deleted meanwhile?)";
        } else if (e instanceof IOException) {
            why = "the journal cannot be read (" + message(e) + ")";
        } else {
            why = message(e);
        }
        return "Cannot open '" + title + "': " + why;
    }

    private static String changeProblem(Exception e) {
        if (e instanceof JournalException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "The session's files are gone (deleted meanwhile?)";
        }
        return "Could not change the session: " + message(e);
    }

    private static String listProblem(Exception e) {
        return "Cannot list the sessions: " + message(e);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String days(Duration age) {
        long d = age.toDays();
        return d == 1 ? "1 day" : d >= 1 ? d + " days" : Formats.count(age.toHours()) + " hours";
    }

    private static String gigabytes(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        return Formats.humanBytes(bytes);
    }
}
