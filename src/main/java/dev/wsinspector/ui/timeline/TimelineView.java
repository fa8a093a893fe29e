package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.function.Consumer;

/**
 * The timeline: one list over the whole session, any length. The tab, Find and the tests hold this node; its
 * layout is {@code TimelineView.fxml} ({@link TimelineController}) and its state and moves are the
 * {@link TimelineViewModel}, which these methods reach. A {@link TimelineTable} shows the rows that fit, the scroll
 * bar beside it spans every row of the {@link TimelineList}, and the selection is a {@link RowSelection} in
 * absolute rows, mirrored into the table for the rows on screen, so a selected frame stays selected however far
 * the user scrolls and however fast rows arrive. The view needs none of the app's services, so it loads itself.
 */
public final class TimelineView extends BorderPane {

    /** Most rows Ctrl+C copies at once; more is a job for Save capture. */
    public static final int COPY_LIMIT = TimelineViewModel.COPY_LIMIT;

    private final TimelineViewModel model = new TimelineViewModel(TimelineView::toClipboard);
    private final TimelineTable table;

    public TimelineView() {
        getStyleClass().add("timeline-view");
        ViewLoader.View<Parent, TimelineController> view = new ViewLoader(Controllers.none())
                .load(TimelineController.class, model);
        table = view.controller().table();
        setCenter(view.root());
    }

    /** Shows {@code list} (a new capture after each connect); the selection starts empty. */
    public void show(TimelineList list) {
        model.show(list);
    }

    public TimelineList rows() {
        return model.rows();
    }

    /** The selection, in absolute rows; its lead is the row whose frame the detail pane shows. */
    public RowSelection selection() {
        return model.selection();
    }

    /** The rows on screen (tests and the clipping check look at them). */
    public ObservableList<TimelineRow> shownRows() {
        return table.getItems();
    }

    /** The rows the table highlights as selected (the selection's rows on screen). */
    public List<TimelineRow> highlightedRows() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    /** Shows the rows from absolute row {@code absolute} on (clamped); following stops unless that is the end. */
    public void scrollTo(long absolute) {
        model.scrollTo(absolute);
    }

    /** The table's context menu, for the tab's entries. */
    public ContextMenu contextMenu() {
        return table.getContextMenu();
    }

    /** Where a message for the user goes (copy limits); the tab puts it on its status line. */
    public void onNotice(Consumer<String> target) {
        model.onNotice(target);
    }

    /** Takes in the rows that arrived since the last pulse; returns how many became reachable. */
    public int pull() {
        return model.pull();
    }

    /** Shows only the matching rows (both null: all of them); see {@link TimelineViewModel#setFilter}. */
    public void setFilter(MatchSet frames, MatchSet events) {
        model.setFilter(frames, events);
    }

    /** The same filter decided more rows (see {@link TimelineViewModel#extendFilter}). */
    public void extendFilter(MatchSet frames, MatchSet events) {
        model.extendFilter(frames, events);
    }

    /** Pauses or resumes the list. */
    public void setPaused(boolean paused) {
        model.setPaused(paused);
    }

    /** Back to the newest rows, following them. */
    public void follow() {
        model.follow();
    }

    public boolean isFollowing() {
        return model.isFollowing();
    }

    /** Empties the view (the capture keeps every frame); the empty table says so. */
    public void clearView() {
        model.clearView();
    }

    /** The column showing {@code cell} draws a frame row's text from {@code text} (by seq), e.g. the latency. */
    public void setLiveText(RowColumn.Cell cell, java.util.function.LongFunction<String> text) {
        for (var column : table.getColumns()) {
            if (column instanceof RowColumn c && c.getCell() == cell) {
                c.setLiveText(text);
            }
        }
    }

    /** The column of {@code cell} shows {@code text} of each row instead of the row's own text. */
    public void setRowText(RowColumn.Cell cell, java.util.function.Function<TimelineRow, String> text) {
        for (var column : table.getColumns()) {
            if (column instanceof RowColumn c && c.getCell() == cell) {
                c.setRowText(text);
            }
        }
    }

    /** Rebuilds the cells (after the time mode changed). */
    public void refresh() {
        table.refresh();
    }

    @Override
    public void requestFocus() {
        table.requestFocus();
    }

    /** Selects absolute row {@code absolute} alone and scrolls it to the middle of the screen (find, go to). */
    public boolean selectRow(long absolute) {
        return model.selectRow(absolute);
    }

    /** Fragments: every frame of fragmented messages as its own row (true), or each message folded to one row. */
    public void setExpandAll(boolean all) {
        model.setExpandAll(all);
    }

    /** Expands or folds the fragmented message of row {@code absolute} (see {@link TimelineViewModel#setExpanded}). */
    public boolean setExpanded(long absolute, boolean expanded) {
        return model.setExpanded(absolute, expanded);
    }

    /** Selects frame {@code seq} (expanding the message it is folded into) and brings it on screen; false when there is no such frame to show. */
    public boolean goToFrame(long seq) {
        return model.goToFrame(seq);
    }

    /** Selects the row at list index {@code index} of the screen alone, as a click would. */
    public void selectIndex(int index) {
        model.selectIndex(index);
    }

    /** The lead row (clicked or moved to last), or null. */
    public TimelineRow leadRow() {
        return model.leadRow();
    }

    /** The first {@code limit} selected rows, in order. */
    public List<TimelineRow> selectedRows(int limit) {
        return model.selectedRows(limit);
    }

    /** Lowest and highest selected frame seq, or null when no frame is selected. */
    public long[] selectedFrameRange() {
        return model.selectedFrameRange();
    }

    /** Copies the selected rows as tab-separated text (at most {@link #COPY_LIMIT}). */
    public void copySelection() {
        model.copySelection();
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
