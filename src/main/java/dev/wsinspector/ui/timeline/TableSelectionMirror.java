package dev.wsinspector.ui.timeline;

import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import javafx.scene.control.TableView.TableViewSelectionModel;

import java.util.Arrays;

/**
 * The table's own selection shows the {@link RowSelection} for the rows on screen (rows elsewhere stay selected in
 * ours): the table paints selected rows, and the row the user clicked last is its selected and focused one. It is
 * rewritten only when it differs, since each write makes the table restyle its rows.
 */
final class TableSelectionMirror {

    private final TableView<TimelineRow> table;
    private final TimelineViewModel model;

    TableSelectionMirror(TableView<TimelineRow> table, TimelineViewModel model) {
        this.table = table;
        this.model = model;
    }

    /** After the viewport moved or the selection changed. */
    void apply() {
        TimelineList rows = model.rows();
        if (rows == null) {
            return;
        }
        TableViewSelectionModel<TimelineRow> selected = table.getSelectionModel();
        int[] wanted = model.selectedIndicesShown();
        int leadIndex = rows.indexOfRow(model.selection().lead());
        boolean leadWanted = Arrays.binarySearch(wanted, leadIndex) >= 0;
        if (same(wanted, selected.getSelectedIndices()) && (!leadWanted || selected.getSelectedIndex() == leadIndex)
                && table.getFocusModel().getFocusedIndex() == leadIndex) {
            return;
        }
        selected.clearSelection();
        if (wanted.length > 0) {
            selected.selectIndices(wanted[0], Arrays.copyOfRange(wanted, 1, wanted.length));
            if (leadWanted) {
                selected.select(leadIndex); // the row clicked last is the table's selected item
            }
        }
        table.getFocusModel().focus(leadIndex);
    }

    /** Whether the table selects just the {@code wanted} indices (ascending); its own list may be in any order. */
    private static boolean same(int[] wanted, ObservableList<Integer> now) {
        if (now.size() != wanted.length) {
            return false;
        }
        int[] sorted = new int[wanted.length];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = now.get(i);
        }
        Arrays.sort(sorted);
        return Arrays.equals(sorted, wanted);
    }
}
