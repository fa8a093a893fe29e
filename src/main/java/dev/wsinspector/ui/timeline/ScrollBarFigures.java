package dev.wsinspector.ui.timeline;

/**
 * Where the timeline's scroll bar stands over every row of a {@link TimelineList}, in rows below the first
 * reachable one: its range is where the viewport's first row can be, and its thumb's share of the track is the
 * screen's share of the rows. The table's own scroll bar cannot say this, as the table holds only the rows on
 * screen.
 *
 * @param disabled       nothing to scroll: every reachable row is on screen
 * @param max            the bar's maximum (its minimum is 0)
 * @param visibleAmount  the thumb's length, in the bar's units
 * @param blockIncrement a page: the rows on screen but one, so one row stays in view
 * @param value          where the viewport's first row is
 */
record ScrollBarFigures(boolean disabled, double max, double visibleAmount, double blockIncrement, double value) {

    static ScrollBarFigures of(TimelineList rows) {
        long reachable = rows.reachableRows();
        long range = rows.maxFirstRow() - rows.firstReachableRow();
        return new ScrollBarFigures(range <= 0, Math.max(range, 0),
                reachable == 0 ? 0 : (double) rows.viewportRows() * Math.max(range, 1) / reachable,
                Math.max(1, rows.viewportRows() - 1), rows.firstRow() - rows.firstReachableRow());
    }
}
