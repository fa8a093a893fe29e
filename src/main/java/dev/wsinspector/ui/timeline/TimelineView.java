package dev.wsinspector.ui.timeline;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The frame table. Cells only copy precomputed strings out of {@link TimelineRow}; rows get their CSS class
 * from the row. Follows new rows while the user is at the bottom; scrolling up stops following.
 */
public final class TimelineView extends TableView<TimelineRow> {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TimelineList rows;
    private VirtualFlow<?> flow;
    /** Whether the view sticks to the newest rows; the user scrolling up turns it off. */
    private boolean following = true;
    private boolean restoring;

    public TimelineView() {
        getStyleClass().add("timeline");
        setId("timeline");
        setPlaceholder(new javafx.scene.control.Label("No frames yet: connect and send something."));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().setAll(List.of(
                // Frames are numbered by their seq, as in the detail pane and the JSONL export; events have no number.
                column("#", 64, "col-number", r -> r.isFrame() ? Long.toString(r.seq()) : ""),
                column("Time", 120, "col-time", TimelineRow::time),
                column("", 28, "col-direction", TimelineRow::arrow),
                column("Type", 96, "col-type", TimelineRow::type),
                column("Size", 76, "col-size", TimelineRow::size),
                column("FIN", 52, "col-fin", TimelineRow::fin),
                column("Preview", 560, "col-preview", TimelineRow::preview)));
        fillWidthWithLastColumn();
        setRowFactory(table -> new StyledRow());
        setFixedCellSize(24);

        MenuItem copy = new MenuItem("Copy rows");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelection());
        setContextMenu(new ContextMenu(copy));
        setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
        // Following stops only on the user's own moves up (our scrollTo calls fire none of these).
        addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following = false;
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> following = false;
                default -> { }
            }
        });
        addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (javafx.scene.Node n = (javafx.scene.Node) e.getTarget(); n != null && n != this; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    following = false;
                    return;
                }
            }
        });
    }

    /**
     * The preview column takes the width the other columns leave (at least 240 px), so it neither hides
     * behind a horizontal scroll bar nor squeezes the time and type columns.
     */
    private void fillWidthWithLastColumn() {
        TableColumn<TimelineRow, ?> last = getColumns().get(getColumns().size() - 1);
        javafx.beans.binding.DoubleExpression others = javafx.beans.binding.Bindings.createDoubleBinding(() -> 0.0);
        for (TableColumn<TimelineRow, ?> column : getColumns().subList(0, getColumns().size() - 1)) {
            others = others.add(column.widthProperty());
        }
        // 18 px: room for the vertical scroll bar, so the last column does not force a horizontal one.
        last.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(240, widthProperty().subtract(others).subtract(18)));
    }

    /** Shows {@code list} (a new capture after each connect). */
    public void show(TimelineList list) {
        rows = list;
        following = true;
        setItems(list == null ? FXCollections.observableArrayList() : list);
    }

    public TimelineList rows() {
        return rows;
    }

    /**
     * Whether to follow new rows, decided once per pulse: on until the user scrolls up, back on once they are
     * at the end of the newest rows again.
     */
    public boolean updateFollowing() {
        if (!following && rows != null && rows.pendingRows() == 0 && isAtBottom()) {
            following = true;
        }
        return following;
    }

    /** Follow the newest rows again (the Latest button, a new capture). */
    public void follow() {
        following = true;
    }

    /** Stay where the user went (Older / Newer). */
    public void stopFollowing() {
        following = false;
    }

    /** True when the last row is on screen (or nothing is shown). */
    public boolean isAtBottom() {
        VirtualFlow<?> flow = flow();
        if (flow == null || getItems().isEmpty()) {
            return true;
        }
        var last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= getItems().size() - 1;
    }

    /** The skin's scrolling flow, looked up once (this runs every pulse) and again only if the skin changed. */
    private VirtualFlow<?> flow() {
        if (flow == null || flow.getScene() == null) {
            flow = (VirtualFlow<?>) lookup(".virtual-flow");
        }
        return flow;
    }

    /** Takes in the rows that arrived since the last pulse; returns how many were added. */
    public int pull() {
        int[] added = new int[1];
        keepingSelection(() -> added[0] = rows.pull());
        return added[0];
    }

    /** Pauses or resumes the list. */
    public void setPaused(boolean paused) {
        keepingSelection(() -> rows.setPaused(paused));
    }

    /**
     * True while the view puts the selection back after the list changed: the same rows, so whoever shows the
     * selected row need not show it again (nor clear it when that row left the window).
     */
    public boolean isRestoringSelection() {
        return restoring;
    }

    /**
     * Runs {@code change} (a pull, a move of the list's window) and keeps the selected rows selected by what they
     * are, not where they were: the table's selection model shifts indices wrongly when one change drops rows
     * at the head and adds rows at the tail, so the highlight drifted to other frames during a burst. A
     * selected row the window no longer holds is deselected, and no other row takes its place.
     */
    public void keepingSelection(Runnable change) {
        List<Integer> before = rows == null ? List.of() : List.copyOf(getSelectionModel().getSelectedIndices());
        if (before.isEmpty()) {
            change.run();
            return;
        }
        long[] selected = before.stream().mapToLong(rows::absoluteRow).toArray();
        int focusedIndex = getFocusModel().getFocusedIndex();
        long focused = focusedIndex < 0 ? -1 : rows.absoluteRow(focusedIndex);
        change.run();
        int[] wanted = java.util.Arrays.stream(selected).mapToInt(rows::indexOfRow).filter(i -> i >= 0).sorted()
                .toArray();
        int focus = focused < 0 ? -1 : rows.indexOfRow(focused);
        int[] now = getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).sorted().toArray();
        if (java.util.Arrays.equals(wanted, now) && focus == getFocusModel().getFocusedIndex()) {
            return;
        }
        restoring = true;
        try {
            getSelectionModel().clearSelection();
            if (wanted.length > 0) {
                getSelectionModel().selectIndices(wanted[0], java.util.Arrays.copyOfRange(wanted, 1, wanted.length));
                if (focus >= 0 && java.util.Arrays.binarySearch(wanted, focus) >= 0) {
                    getSelectionModel().select(focus); // the row the user clicked last stays the selected item
                }
            }
            if (focus >= 0) {
                getFocusModel().focus(focus);
            }
        } finally {
            restoring = false;
        }
    }

    /** Scrolls so the newest row is visible. */
    public void scrollToEnd() {
        if (!getItems().isEmpty()) {
            scrollTo(getItems().size() - 1);
        }
    }

    /** Copies the selected rows as tab-separated text. */
    public void copySelection() {
        String text = getSelectionModel().getSelectedItems().stream().map(TimelineRow::asText)
                .collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static TableColumn<TimelineRow, TimelineRow> column(String title, double width, String styleClass,
                                                               Function<TimelineRow, String> text) {
        TableColumn<TimelineRow, TimelineRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.getStyleClass().add(styleClass);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TimelineRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        return column;
    }

    /** Applies the row's own style class (frame-in, frame-ping, event-error, …). */
    private static final class StyledRow extends TableRow<TimelineRow> {
        private String applied = "";

        @Override
        protected void updateItem(TimelineRow row, boolean empty) {
            super.updateItem(row, empty);
            String wanted = empty || row == null ? "" : row.styleClass();
            if (!wanted.equals(applied)) {
                if (!applied.isEmpty()) {
                    getStyleClass().removeAll(applied.split(" "));
                }
                if (!wanted.isEmpty()) {
                    getStyleClass().addAll(wanted.split(" "));
                }
                applied = wanted;
            }
        }
    }
}
