package dev.wsinspector.ui.timeline;

import javafx.scene.input.KeyCode;

/**
 * What the user's hands do to the timeline (a press on a row, the arrow and page keys, the wheel) as moves of
 * the {@link TimelineViewModel} in absolute rows. The table's own handling cannot do this: it knows only the rows
 * on screen. {@link TimelineInput} hands the events over before the table sees them; this part is plain Java,
 * tested without a toolkit.
 */
final class RowGestures {

    /** Rows one wheel notch scrolls, as lists do elsewhere on the desktop. */
    static final int ROWS_PER_NOTCH = 3;
    /** The wheel delta of one notch when the platform gives no multiplier. */
    private static final double NOTCH_DELTA = 40;

    private final TimelineViewModel model;
    /** Rows scrolled by the wheel but not yet moved: a touchpad sends a notch in small parts. */
    private double wheelRemainder;

    RowGestures(TimelineViewModel model) {
        this.model = model;
    }

    /**
     * A mouse press on the row at list index {@code index} (-1 for an empty row): the primary button selects it,
     * with Shift up to it, with the shortcut key in or out; another button selects it unless it is selected, so
     * the menu is about that row.
     */
    void pressed(int index, boolean primary, boolean shift, boolean shortcut) {
        TimelineList rows = model.rows();
        if (rows == null || index < 0 || index >= rows.size()) {
            return;
        }
        RowSelection selection = model.selection();
        long absolute = rows.absoluteRow(index);
        if (primary) {
            if (shift) {
                selection.extendTo(absolute, shortcut);
            } else if (shortcut) {
                selection.toggle(absolute);
            } else {
                selection.select(absolute);
            }
        } else if (!selection.isSelected(absolute)) {
            selection.select(absolute);
        }
        model.holdStill(absolute);
    }

    /** A plain click on the FIN cell (its ▸/▾) of the row at list index {@code index}: its message expands or folds. */
    void foldPressed(int index) {
        TimelineList rows = model.rows();
        if (rows != null && index >= 0 && index < rows.size()) {
            model.toggleExpanded(rows.absoluteRow(index));
        }
    }

    /** Ctrl/Cmd+A: every reachable row, however many. */
    void selectAll() {
        TimelineList rows = model.rows();
        if (rows != null) {
            model.selection().selectRange(rows.firstReachableRow(), rows.endRow());
        }
    }

    /**
     * Up, Down, Page Up/Down, Home and End move the lead (with Shift: extend the selection) and the screen goes
     * with it; End follows the newest rows again.
     *
     * @return whether the key was one of them (the table must not see it then)
     */
    boolean key(KeyCode code, boolean shift, boolean shortcut) {
        TimelineList rows = model.rows();
        if (rows == null) {
            return false;
        }
        RowSelection selection = model.selection();
        if ((code == KeyCode.RIGHT || code == KeyCode.LEFT) && !shift && !shortcut) {
            // Right expands the selected fragmented message, Left folds it; elsewhere the keys stay the table's
            if (selection.lead() < 0 || !rows.isFoldable(selection.lead())) {
                return false;
            }
            model.setExpanded(selection.lead(), code == KeyCode.RIGHT);
            return true;
        }
        long from = selection.lead() >= 0 ? selection.lead() : rows.firstRow() - 1;
        long page = Math.max(1, rows.viewportRows() - 1);
        long target = switch (code) {
            case UP -> from - 1;
            case DOWN -> from + 1;
            case PAGE_UP -> from - page;
            case PAGE_DOWN -> from + page;
            case HOME -> rows.firstReachableRow();
            case END -> rows.endRow() - 1;
            default -> Long.MIN_VALUE;
        };
        if (target == Long.MIN_VALUE) {
            return false;
        }
        if (rows.endRow() <= rows.firstReachableRow()) {
            return true;
        }
        target = Math.max(rows.firstReachableRow(), Math.min(target, rows.endRow() - 1));
        if (shift) {
            selection.extendTo(target, shortcut);
        } else {
            selection.select(target);
        }
        if (code == KeyCode.END) {
            rows.follow();
        } else {
            rows.ensureVisible(target);
            model.holdStill(target);
        }
        model.afterMove();
        return true;
    }

    /**
     * The wheel turned by {@code deltaY} (JavaFX's sign: negative scrolls down), {@code multiplierY} being one
     * notch's delta (0 when the platform gives none).
     *
     * @return whether the wheel was for the timeline (the table must not scroll itself then)
     */
    boolean wheel(double deltaY, double multiplierY) {
        TimelineList rows = model.rows();
        if (rows == null || deltaY == 0) {
            return false;
        }
        double notches = multiplierY > 0 ? deltaY / multiplierY : deltaY / NOTCH_DELTA;
        wheelRemainder -= notches * ROWS_PER_NOTCH;
        long by = (long) wheelRemainder;
        wheelRemainder -= by;
        if (by != 0) {
            rows.scrollBy(by);
            model.afterMove();
        }
        return true;
    }
}
