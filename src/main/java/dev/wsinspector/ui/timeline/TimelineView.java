package dev.wsinspector.ui.timeline;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The timeline: one list over the whole session, any length. A {@link TimelineTable} shows the rows that fit,
 * the scroll bar beside it spans every row of the {@link TimelineList}, and the wheel, the keyboard and
 * {@link #goToFrame "go to #seq"} move the viewport. The selection is a {@link RowSelection} in absolute rows,
 * mirrored into the table for the rows on screen, so a selected frame stays selected however far the user
 * scrolls and however fast rows arrive.
 */
public final class TimelineView extends BorderPane {

    /** Most rows Ctrl+C copies at once; more is a job for Save capture. */
    public static final int COPY_LIMIT = 100_000;
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private static final String EMPTY = "No frames yet: connect and send something.";
    private final TimelineTable table = new TimelineTable();
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label(EMPTY);
    private final ScrollBar bar = new ScrollBar();
    private final RowSelection selection = new RowSelection();
    private TimelineList rows;
    /** True while the view itself writes into the table's selection or the scroll bar. */
    private boolean syncing;
    private double wheelRemainder;
    private Consumer<String> notice = text -> { };

    public TimelineView() {
        getStyleClass().add("timeline-view");
        bar.setOrientation(Orientation.VERTICAL);
        bar.setId("timelineScrollBar");
        bar.setMin(0);
        bar.setUnitIncrement(1);
        bar.setDisable(true);
        bar.valueProperty().addListener((o, a, value) -> {
            if (!syncing && rows != null) {
                rows.scrollTo(rows.firstReachableRow() + Math.round(value.doubleValue()));
                afterMove();
            }
        });
        placeholder.setId("timelinePlaceholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        setCenter(table);
        setRight(bar);
        table.onFitChanged(this::fitChanged);

        MenuItem copy = new MenuItem("Copy rows");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelection());
        table.setContextMenu(new ContextMenu(copy));
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.addEventFilter(ScrollEvent.SCROLL, this::scrolled);
        selection.revisionProperty().addListener((o, a, b) -> mirrorSelection());
    }

    /** Shows {@code list} (a new capture after each connect); the selection starts empty. */
    public void show(TimelineList list) {
        rows = list;
        placeholder.setText(EMPTY);
        selection.clear();
        if (list != null && table.fit() > 0) {
            list.setViewportRows(table.fit());
        }
        table.setItems(list == null ? FXCollections.observableArrayList() : list);
        afterMove();
    }

    public TimelineList rows() {
        return rows;
    }

    /** The selection, in absolute rows; its lead is the row whose frame the detail pane shows. */
    public RowSelection selection() {
        return selection;
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
        if (rows != null) {
            rows.scrollTo(absolute);
            afterMove();
        }
    }

    /** The table's context menu, for the tab's entries. */
    public ContextMenu contextMenu() {
        return table.getContextMenu();
    }

    /** Where a message for the user goes (copy limits); the tab puts it on its status line. */
    public void onNotice(Consumer<String> target) {
        notice = target;
    }

    /** Takes in the rows that arrived since the last pulse; returns how many became reachable. */
    public int pull() {
        if (rows == null) {
            return 0;
        }
        int added = rows.pull();
        afterMove();
        return added;
    }

    /** Pauses or resumes the list. */
    public void setPaused(boolean paused) {
        if (rows != null) {
            rows.setPaused(paused);
            afterMove();
        }
    }

    /** Back to the newest rows, following them. */
    public void follow() {
        if (rows != null) {
            rows.follow();
            afterMove();
        }
    }

    public boolean isFollowing() {
        return rows == null || rows.isFollowing();
    }

    /** Empties the view (the capture keeps every frame); the empty table says so. */
    public void clearView() {
        if (rows != null) {
            long kept = rows.capturedRows();
            rows.clearView();
            selection.clear();
            afterMove();
            placeholder.setText(String.format(Locale.ROOT, "Cleared. The capture keeps all %,d rows (Save capture, "
                    + "Sessions); new frames appear here.", kept));
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
        if (rows == null || absolute < rows.firstReachableRow() || absolute >= rows.endRow()) {
            return false;
        }
        rows.center(absolute);
        selection.select(absolute);
        afterMove();
        return true;
    }

    /** Selects frame {@code seq} and brings it on screen; false when there is no such frame to show. */
    public boolean goToFrame(long seq) {
        return rows != null && selectRow(rows.rowOfFrame(seq));
    }

    /** Selects the row at list index {@code index} of the screen alone, as a click would. */
    public void selectIndex(int index) {
        if (rows != null && index >= 0 && index < rows.size()) {
            selection.select(rows.absoluteRow(index));
        }
    }

    /** The lead row (clicked or moved to last), or null. */
    public TimelineRow leadRow() {
        long lead = selection.lead();
        return rows == null || lead < 0 || lead >= rows.endRow() ? null : rows.row(lead);
    }

    /** The first {@code limit} selected rows, in order. */
    public List<TimelineRow> selectedRows(int limit) {
        List<TimelineRow> out = new ArrayList<>();
        if (rows != null) {
            for (long row : selection.rows(limit)) {
                if (row < rows.endRow()) {
                    out.add(rows.rowUncached(row));
                }
            }
        }
        return out;
    }

    /** Lowest and highest selected frame seq, or null when no frame is selected. */
    public long[] selectedFrameRange() {
        if (rows == null || selection.isEmpty()) {
            return null;
        }
        long first = -1;
        for (long row = selection.first(); row <= selection.last() && row < rows.endRow(); row++) {
            if (selection.isSelected(row) && rows.seqOfRow(row) >= 0) {
                first = rows.seqOfRow(row);
                break;
            }
        }
        long last = -1;
        for (long row = Math.min(selection.last(), rows.endRow() - 1); row >= selection.first(); row--) {
            if (selection.isSelected(row) && rows.seqOfRow(row) >= 0) {
                last = rows.seqOfRow(row);
                break;
            }
        }
        return first < 0 ? null : new long[] {first, last};
    }

    /** Copies the selected rows as tab-separated text (at most {@link #COPY_LIMIT}). */
    public void copySelection() {
        long count = selection.count();
        String text = selectedRows(COPY_LIMIT).stream().map(TimelineRow::asText).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
        if (count > COPY_LIMIT) {
            notice.accept(String.format(Locale.ROOT, "Copied the first %,d of %,d selected rows; "
                    + "Save capture writes them all.", COPY_LIMIT, count));
        }
    }

    private void fitChanged() {
        setMargin(bar, new Insets(Math.max(0, table.headerHeight()), 0, table.hbarHeight(), 0));
        if (rows != null && table.fit() > 0) {
            long lead = selection.lead();
            boolean leadShown = rows.indexOfRow(lead) >= 0;
            rows.setViewportRows(table.fit());
            if (leadShown && !rows.isFollowing()) {
                rows.ensureVisible(lead); // a smaller window keeps the row the user is reading on screen
            }
            afterMove();
        }
    }

    /** After the viewport moved or rows arrived: scroll bar and the table's selection follow. */
    private void afterMove() {
        updateBar();
        mirrorSelection();
    }

    private void updateBar() {
        syncing = true;
        try {
            if (rows == null) {
                bar.setDisable(true);
                bar.setMax(0);
                bar.setValue(0);
                return;
            }
            long reachable = rows.reachableRows();
            long range = rows.maxFirstRow() - rows.firstReachableRow();
            bar.setDisable(range <= 0);
            bar.setMax(Math.max(range, 0));
            // The thumb's share of the track is the screen's share of the rows.
            bar.setVisibleAmount(reachable == 0 ? 0 : (double) rows.viewportRows() * Math.max(range, 1) / reachable);
            bar.setBlockIncrement(Math.max(1, rows.viewportRows() - 1));
            bar.setValue(rows.firstRow() - rows.firstReachableRow());
        } finally {
            syncing = false;
        }
    }

    /** The table's own selection shows ours for the rows on screen (rows elsewhere stay selected in ours). */
    private void mirrorSelection() {
        if (rows == null || syncing) {
            return;
        }
        var model = table.getSelectionModel();
        int n = rows.size();
        List<Integer> wanted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (selection.isSelected(rows.absoluteRow(i))) {
                wanted.add(i);
            }
        }
        int leadIndex = rows.indexOfRow(selection.lead());
        List<Integer> now = new ArrayList<>(model.getSelectedIndices());
        now.sort(null);
        if (wanted.equals(now) && (!wanted.contains(leadIndex) || model.getSelectedIndex() == leadIndex)
                && table.getFocusModel().getFocusedIndex() == leadIndex) {
            return;
        }
        syncing = true;
        try {
            model.clearSelection();
            if (!wanted.isEmpty()) {
                int[] rest = wanted.subList(1, wanted.size()).stream().mapToInt(Integer::intValue).toArray();
                model.selectIndices(wanted.get(0), rest);
                if (wanted.contains(leadIndex)) {
                    model.select(leadIndex); // the row clicked last is the table's selected item
                }
            }
            table.getFocusModel().focus(leadIndex);
        } finally {
            syncing = false;
        }
    }

    private void mousePressed(MouseEvent e) {
        TableRow<?> row = null;
        for (Node n = (Node) e.getTarget(); n != null && n != table; n = n.getParent()) {
            if (n instanceof TableRow<?> r) {
                row = r;
                break;
            }
        }
        if (row == null || rows == null) {
            return; // headers, the table's own scroll bar: the table handles them
        }
        table.requestFocus();
        int index = row.getIndex();
        if (row.isEmpty() || index < 0 || index >= rows.size()) {
            e.consume();
            return;
        }
        long absolute = rows.absoluteRow(index);
        if (e.getButton() == MouseButton.PRIMARY) {
            if (e.isShiftDown()) {
                selection.extendTo(absolute, e.isShortcutDown());
            } else if (e.isShortcutDown()) {
                selection.toggle(absolute);
            } else {
                selection.select(absolute);
            }
        } else if (!selection.isSelected(absolute)) {
            selection.select(absolute); // right-click on another row: the menu is about that row
        }
        holdStill(absolute);
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (rows == null) {
            return;
        }
        if (COPY.match(e)) {
            copySelection();
            e.consume();
            return;
        }
        if (SELECT_ALL.match(e)) {
            selection.selectRange(rows.firstReachableRow(), rows.endRow());
            e.consume();
            return;
        }
        long from = selection.lead() >= 0 ? selection.lead() : rows.firstRow() - 1;
        long page = Math.max(1, rows.viewportRows() - 1);
        long target = switch (e.getCode()) {
            case UP -> from - 1;
            case DOWN -> from + 1;
            case PAGE_UP -> from - page;
            case PAGE_DOWN -> from + page;
            case HOME -> rows.firstReachableRow();
            case END -> rows.endRow() - 1;
            default -> Long.MIN_VALUE;
        };
        if (target == Long.MIN_VALUE) {
            return;
        }
        e.consume();
        if (rows.endRow() <= rows.firstReachableRow()) {
            return;
        }
        target = Math.max(rows.firstReachableRow(), Math.min(target, rows.endRow() - 1));
        if (e.isShiftDown()) {
            selection.extendTo(target, e.isShortcutDown());
        } else {
            selection.select(target);
        }
        if (e.getCode() == KeyCode.END) {
            rows.follow();
        } else {
            rows.ensureVisible(target);
            holdStill(target);
        }
        afterMove();
    }

    /**
     * A row the user picked stays where it is on screen: new rows no longer push it up and away (End or Latest
     * follow them again). Picking the newest row keeps following.
     */
    private void holdStill(long picked) {
        if (picked < rows.endRow() - 1) {
            rows.stopFollowing();
            afterMove();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (rows == null || e.getDeltaY() == 0) {
            return;
        }
        // A wheel notch scrolls three rows, as lists do elsewhere on the desktop (a touchpad: its share of one).
        double notches = e.getMultiplierY() > 0 ? e.getDeltaY() / e.getMultiplierY() : e.getDeltaY() / 40;
        wheelRemainder -= notches * 3;
        long by = (long) wheelRemainder;
        wheelRemainder -= by;
        if (by != 0) {
            rows.scrollBy(by);
            afterMove();
        }
        e.consume();
    }
}
