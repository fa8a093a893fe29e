package dev.wsinspector.ui.sessions;

import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What may be done with the selected session, and for each action a tooltip that says what it does or, when
 * it is disabled, why and what to do instead. Kept apart from the buttons so that every reason is decided (and
 * tested) in one place without a toolkit, and the buttons and the context menu cannot disagree.
 */
public final class SessionActions {

    /**
     * One action on the selection.
     *
     * @param disabled true while it cannot be done
     * @param tip      what it does, or why it is disabled
     */
    public record Action(BooleanBinding disabled, StringBinding tip) {
    }

    private final Action open;
    private final Action rename;
    private final Action pin;
    private final Action delete;
    private final StringBinding pinText;
    private final StringBinding hint;

    SessionActions(ObservableObjectValue<SessionRow> selected) {
        open = action(selected, row -> true, "Select a session to open it", row -> row.running()
                ? "Show what '" + row.title() + "' recorded so far, read-only in a new tab (Enter, double-click)"
                : "Show '" + row.title() + "' read-only in a new tab (Enter, double-click); Connect there goes live"
                        + " at the same address");
        rename = action(selected, row -> true, "Select a session to rename it",
                row -> "Give '" + row.title() + "' a name (empty: show its profile or URL)");
        pin = action(selected, row -> true, "Select a session to pin it", row -> row.pinned()
                ? "Let the retention delete it again when it is old"
                : "Keep it: the retention at start never deletes pinned sessions");
        delete = action(selected, row -> !row.running(), "Select a session to delete it", row -> row.running()
                ? SessionsViewModel.RUNNING_REASON
                : "Move '" + row.title() + "' to the trash (Undo follows; the trash is emptied when the app closes)");
        pinText = Bindings.createStringBinding(() -> selected.get() != null && selected.get().pinned() ? "Unpin"
                : "Pin", selected);
        hint = Bindings.createStringBinding(() -> selected.get() != null && selected.get().running() ? SessionsViewModel.RUNNING_REASON
                : "", selected);
    }

    private static Action action(ObservableObjectValue<SessionRow> selected, Predicate<SessionRow> allowed,
                                 String noSelection, Function<SessionRow, String> tip) {
        return new Action(
                Bindings.createBooleanBinding(() -> selected.get() == null || !allowed.test(selected.get()), selected),
                Bindings.createStringBinding(() -> selected.get() == null ? noSelection : tip.apply(selected.get()),
                        selected));
    }

    /** Reads the session back into a new tab; a running one as far as it was written. */
    public Action open() {
        return open;
    }

    public Action rename() {
        return rename;
    }

    /** Pin or unpin: pinned sessions are never deleted by the retention. */
    public Action pin() {
        return pin;
    }

    /** To the trash, with Undo; not while the session is being recorded. */
    public Action delete() {
        return delete;
    }

    /** "Pin" or "Unpin", for the selection. */
    public StringBinding pinText() {
        return pinText;
    }

    /** A line under the actions when something is disabled for a reason the tooltip alone would hide; or empty. */
    public StringBinding hint() {
        return hint;
    }
}
