package dev.wsinspector.ui.timeline;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleExpression;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The table of {@code TimelineView.fxml} (whose {@link RowColumn}s it shows): row styles, and the measure of how
 * many rows fit. It only ever holds the rows on screen; scrolling, selection and keys belong to the view's other
 * parts ({@link TimelineInput}, {@link ViewportBar}, {@link TableSelectionMirror}). Cells copy precomputed strings
 * out of {@link TimelineRow}; rows show their kind as CSS pseudo-classes.
 */
public final class TimelineTable extends TableView<TimelineRow> {

    static final double ROW_HEIGHT = 24;

    private Runnable fitChanged = () -> { };
    private int fit = -1;
    private double headerHeight = -1;
    private double hbarHeight = -1;

    public TimelineTable() {
        RowIcons.loadFont();  // the direction column's icons are characters of its font
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setRowFactory(table -> new StyledRow());
        setFixedCellSize(ROW_HEIGHT);
    }

    /** Told (after a layout) when the number of rows that fit, the header height or the scroll bar changed. */
    void onFitChanged(Runnable action) {
        fitChanged = action;
    }

    /** Rows that fit wholly on screen (at least 1); -1 before the first layout. */
    int fit() {
        return fit;
    }

    /** Height of the column headers, for lining up the view's scroll bar; -1 before the first layout. */
    double headerHeight() {
        return headerHeight;
    }

    /** Height of the horizontal scroll bar when shown, else 0. */
    double hbarHeight() {
        return Math.max(0, hbarHeight);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Node flow = lookup(".virtual-flow");
        Node header = lookup(".column-header-background");
        if (flow == null || header == null) {
            return;
        }
        double hbar = 0;
        for (Node node : flow.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible()) {
                hbar = bar.getHeight();
            }
        }
        int rows = Math.max(1, (int) Math.floor((flow.getLayoutBounds().getHeight() - hbar) / ROW_HEIGHT));
        double headerNow = header.getLayoutBounds().getHeight();
        if (rows != fit || headerNow != headerHeight || hbar != hbarHeight) {
            fit = rows;
            headerHeight = headerNow;
            hbarHeight = hbar;
            // Not during layout: the view changes the items in answer, which asks for another layout.
            javafx.application.Platform.runLater(fitChanged);
        }
    }

    /**
     * The preview column takes the width the other columns leave (at least {@value #PREVIEW_MIN} px), so it neither
     * hides behind a horizontal scroll bar nor squeezes the time and type columns, and the Summary column shares
     * that room: 40 % of it, between {@value #SUMMARY_MIN} and 260 px. Until the user shows or hides it through the
     * header's menu, the Summary column is shown only while both fit (at 1280 px wide with no sidebar, the table
     * needs no horizontal scroll bar; beside a sidebar or the tools pane it may give way). A column hidden through the
     * menu leaves its width to these two. The table never shows its own vertical scroll bar (it holds only the rows
     * that fit), so no room is kept for one. For after the FXML has added the columns.
     */
    void fillWidthWithLastColumn() {
        TableColumn<TimelineRow, ?> last = getColumns().get(getColumns().size() - 1);
        TableColumn<TimelineRow, ?> summary = getColumns().stream()
                .filter(c -> c instanceof RowColumn r && r.getCell() == RowColumn.Cell.SUMMARY).findFirst().orElse(null);
        DoubleExpression others = Bindings.createDoubleBinding(() -> 0.0);
        for (TableColumn<TimelineRow, ?> column : getColumns().subList(0, getColumns().size() - 1)) {
            if (column != summary) {
                others = others.add(Bindings.when(column.visibleProperty()).then(column.widthProperty()).otherwise(0.0));
            }
        }
        DoubleExpression room = widthProperty().subtract(others).subtract(4);
        DoubleExpression summaryWidth = Bindings.createDoubleBinding(() -> 0.0);
        if (summary != null) {
            summary.prefWidthProperty().bind(Bindings.min(260, Bindings.max(SUMMARY_MIN, room.multiply(0.4))));
            summaryWidth = Bindings.when(summary.visibleProperty()).then(summary.widthProperty()).otherwise(0.0);
            summary.visibleProperty().addListener((o, was, now) -> summaryChosen |= !fittingSummary);
            room.addListener((o, was, now) -> fitSummary(summary, now.doubleValue()));
            fitSummary(summary, room.get());
        }
        last.prefWidthProperty().bind(Bindings.max(PREVIEW_MIN, room.subtract(summaryWidth)));
    }

    static final double SUMMARY_MIN = 104;
    static final double PREVIEW_MIN = 110;
    /** True once the user showed or hid the Summary column: from then on it stays as chosen. */
    private boolean summaryChosen;
    private boolean fittingSummary;

    private void fitSummary(TableColumn<TimelineRow, ?> summary, double room) {
        boolean fits = room >= SUMMARY_MIN + PREVIEW_MIN;
        if (!summaryChosen && summary.isVisible() != fits) {
            fittingSummary = true;
            summary.setVisible(fits);
            fittingSummary = false;
        }
    }

    /**
     * Shows the row's kind (frame-in, frame-ping, event-error, …) as CSS pseudo-classes: switching a pseudo-class
     * only changes the state of the styles already matched, while switching a style class makes JavaFX match the
     * row and every cell again — for every row, on every scroll and jump.
     */
    private static final class StyledRow extends TableRow<TimelineRow> {
        private java.util.List<javafx.css.PseudoClass> applied = java.util.List.of();
        private String appliedFor = "";

        @Override
        protected void updateItem(TimelineRow row, boolean empty) {
            super.updateItem(row, empty);
            String wanted = empty || row == null ? "" : row.styleClass();
            if (!wanted.equals(appliedFor)) {
                for (javafx.css.PseudoClass p : applied) {
                    pseudoClassStateChanged(p, false);
                }
                applied = wanted.isEmpty() ? java.util.List.of() : java.util.Arrays.stream(wanted.split(" "))
                        .map(javafx.css.PseudoClass::getPseudoClass).toList();
                for (javafx.css.PseudoClass p : applied) {
                    pseudoClassStateChanged(p, true);
                }
                appliedFor = wanted;
            }
        }
    }
}
