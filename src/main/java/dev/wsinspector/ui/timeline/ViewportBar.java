package dev.wsinspector.ui.timeline;

import javafx.geometry.Insets;
import javafx.scene.control.ScrollBar;
import javafx.scene.layout.BorderPane;

/**
 * The scroll bar beside the timeline's table, over every row of the session ({@link ScrollBarFigures}): it shows
 * where the viewport is, and moving it moves the viewport. The view's own updates must not read as the user's
 * moves, or each pulse would scroll the viewport to where it already is and stop it following.
 */
final class ViewportBar {

    private final ScrollBar bar;
    /** True while the view itself sets the bar. */
    private boolean syncing;

    ViewportBar(ScrollBar bar, TimelineViewModel model) {
        this.bar = bar;
        bar.valueProperty().addListener((o, a, value) -> {
            if (!syncing) {
                model.barMoved(value.doubleValue());
            }
        });
    }

    /** After the viewport moved or rows arrived; {@code rows} null: no capture, nothing to scroll. */
    void update(TimelineList rows) {
        syncing = true;
        try {
            if (rows == null) {
                bar.setDisable(true);
                bar.setMax(0);
                bar.setValue(0);
                return;
            }
            ScrollBarFigures figures = ScrollBarFigures.of(rows);
            bar.setDisable(figures.disabled());
            bar.setMax(figures.max());
            bar.setVisibleAmount(figures.visibleAmount());
            bar.setBlockIncrement(figures.blockIncrement());
            bar.setValue(figures.value());
        } finally {
            syncing = false;
        }
    }

    /** The bar spans the rows only: below the table's header, above its horizontal scroll bar when it has one. */
    void lineUp(double headerHeight, double hbarHeight) {
        BorderPane.setMargin(bar, new Insets(Math.max(0, headerHeight), 0, hbarHeight, 0));
    }
}
