package dev.wsinspector.ui.connection;

import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.ui.timeline.TimeMode;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The state of a tab's timeline toolbar, apart from any node: whether the view is paused, the time column's
 * mode, what the pending label says (a notice for a while, else how many rows wait), Go to #'s text and whether
 * it named no frame, and where the screen is in a long capture. The tab applies pause and time mode to its
 * timeline and feeds {@link #refresh} from the pulse, so the label changes once per pulse at most.
 */
public final class TimelineToolbarViewModel {

    /** How long a notice (copy limit, Go to) stays on the bar. */
    static final long NOTICE_NANOS = 6_000_000_000L;

    /** What the toolbar acts on: the tab's timeline and its capture. */
    public interface Timeline {
        /** Scrolls to frame {@code seq} and selects it; false when the capture has no such frame. */
        boolean goToFrame(long seq);

        /** True while the filter bar hides rows (Go to then says a frame is hidden rather than missing). */
        default boolean isFiltered() {
            return false;
        }

        /** Frames in the shown capture (0 without one). */
        long frameCount();

        /** Shows the newest rows and follows them again. */
        void follow();

        /** Empties the list (the capture keeps every frame). */
        void clearView();

        /** Shows the find bar. */
        void openFind();

        /** Saves the capture to a file the user picks. */
        void saveCapture(CaptureFormat format, boolean includeSecrets);
    }

    private final Timeline timeline;
    private final LongSupplier clock;

    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper pauseText = new ReadOnlyStringWrapper("Pause view");
    private final ObjectProperty<TimeMode> timeMode = new SimpleObjectProperty<>(TimeMode.ABSOLUTE);
    private final ReadOnlyStringWrapper pendingText = new ReadOnlyStringWrapper("");
    private final StringProperty goToText = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper goToInvalid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper latestShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper("");
    private final BooleanProperty toolsShown = new SimpleBooleanProperty(false);
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty(false);
    private final BooleanProperty saveAvailable = new SimpleBooleanProperty(false);
    private final BooleanProperty hasCapture = new SimpleBooleanProperty(false);

    private String notice = "";
    private long noticeUntil;

    /**
     * @param clock nanoseconds, as {@link System#nanoTime()} (tests pass their own)
     */
    public TimelineToolbarViewModel(Timeline timeline, LongSupplier clock) {
        this.timeline = timeline;
        this.clock = clock;
        paused.addListener((o, a, now) -> pauseText.set(now ? "Resume view" : "Pause view"));
        goToText.addListener((o, a, b) -> goToInvalid.set(false));
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** "Pause view", or "Resume view" while paused. */
    public ReadOnlyStringProperty pauseTextProperty() {
        return pauseText.getReadOnlyProperty();
    }

    public ObjectProperty<TimeMode> timeModeProperty() {
        return timeMode;
    }

    /** A notice while it lasts, else "1,234 new" while rows wait (paused, or scrolled up), else empty. */
    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText.getReadOnlyProperty();
    }

    public StringProperty goToTextProperty() {
        return goToText;
    }

    /** The last Go to named no frame; typing clears it. */
    public ReadOnlyBooleanProperty goToInvalidProperty() {
        return goToInvalid.getReadOnlyProperty();
    }

    /** Latest is offered while the user reads older rows of a capture longer than the screen. */
    public ReadOnlyBooleanProperty latestShownProperty() {
        return latestShown.getReadOnlyProperty();
    }

    /** "Rows X–Y of Z" while the capture is longer than the screen, else empty (for the status bar). */
    public ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Whether the tools pane (saved messages, replay) is shown. */
    public BooleanProperty toolsShownProperty() {
        return toolsShown;
    }

    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    /** Save capture is offered only where the window gave a way to save. */
    public BooleanProperty saveAvailableProperty() {
        return saveAvailable;
    }

    /** There is a capture to save. */
    public BooleanProperty hasCaptureProperty() {
        return hasCapture;
    }

    /** Shows {@code text} on the bar for a few seconds, in place of the pending count. */
    public void notice(String text) {
        notice = text;
        noticeUntil = clock.getAsLong() + NOTICE_NANOS;
    }

    /**
     * Goes to the frame typed in Go to ("#1,234" and "1_234" too). A text that names no frame marks the field
     * and says which frames there are.
     *
     * @return whether it went to a frame
     */
    public boolean goTo() {
        String text = goToText.get().strip().replace("#", "").replace(",", "").replace("_", "");
        boolean found;
        try {
            found = !text.isEmpty() && timeline.goToFrame(Long.parseLong(text));
        } catch (NumberFormatException e) {
            found = false;
        }
        goToInvalid.set(!found);
        if (!found) {
            long frames = timeline.frameCount();
            long seq = parsedOrMinusOne(text);
            notice(frames == 0 ? "No frames yet"
                    : seq >= 0 && seq < frames && timeline.isFiltered()
                    ? String.format(Locale.ROOT, "Frame #%,d does not match the filter", seq)
                    : String.format(Locale.ROOT, "No frame #%s: frames are #0–#%,d", text, frames - 1));
        }
        return found;
    }

    private static long parsedOrMinusOne(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public void follow() {
        timeline.follow();
    }

    public void clearView() {
        timeline.clearView();
    }

    public void openFind() {
        timeline.openFind();
    }

    public void saveCapture(CaptureFormat format) {
        timeline.saveCapture(format, includeSecrets.get());
    }

    /**
     * Called once per pulse while a capture is shown.
     *
     * @param pendingRows rows that wait to be shown
     * @param fromRow     the first shown row, counted from the first reachable one (0-based)
     * @param shownRows   rows on screen
     * @param reachable   rows the user can scroll to
     * @param following   whether the screen follows the newest rows
     */
    public void refresh(long pendingRows, long fromRow, long shownRows, long reachable, boolean following) {
        pendingText.set(!notice.isEmpty() && clock.getAsLong() - noticeUntil < 0 ? notice
                : pendingRows > 0 ? String.format(Locale.ROOT, "%,d new", pendingRows) : "");
        boolean scrolls = reachable > shownRows;
        position.set(scrolls ? String.format(Locale.ROOT, "Rows %,d–%,d of %,d", fromRow + 1, fromRow + shownRows,
                reachable) : "");
        latestShown.set(!following && scrolls);
    }
}
