package dev.wsinspector.ui.timeline;

import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse presses on rows, the keys and the wheel reach {@link RowGestures} before the table sees them (event
 * filters): the table's own selection and scrolling know only the rows on screen, the gestures every row.
 * Presses on the header or the table's horizontal scroll bar stay the table's.
 */
final class TimelineInput {

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);

    private final TimelineTable table;
    private final TimelineViewModel model;
    private final RowGestures gestures;

    private TimelineInput(TimelineTable table, TimelineViewModel model) {
        this.table = table;
        this.model = model;
        this.gestures = new RowGestures(model);
    }

    /** From now on {@code table}'s presses on rows, keys and wheel move {@code model}. */
    static void install(TimelineTable table, TimelineViewModel model) {
        TimelineInput input = new TimelineInput(table, model);
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, input::mousePressed);
        table.addEventFilter(KeyEvent.KEY_PRESSED, input::keyPressed);
        table.addEventFilter(ScrollEvent.SCROLL, input::scrolled);
    }

    private void mousePressed(MouseEvent e) {
        TableRow<?> row = null;
        boolean onFin = false;
        for (Node n = (Node) e.getTarget(); n != null && n != table; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() instanceof RowColumn column) {
                onFin = column.getCell() == RowColumn.Cell.FIN;
            }
            if (n instanceof TableRow<?> r) {
                row = r;
                break;
            }
        }
        if (row == null || model.rows() == null) {
            return;
        }
        table.requestFocus();
        gestures.pressed(row.isEmpty() ? -1 : row.getIndex(), e.getButton() == MouseButton.PRIMARY, e.isShiftDown(),
                e.isShortcutDown());
        if (onFin && e.getButton() == MouseButton.PRIMARY && !e.isShiftDown() && !e.isShortcutDown()) {
            gestures.foldPressed(row.isEmpty() ? -1 : row.getIndex()); // the ▸/▾ glyph
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (model.rows() == null) {
            return;
        }
        if (COPY.match(e)) {
            model.copySelection();
            e.consume();
        } else if (SELECT_ALL.match(e)) {
            gestures.selectAll();
            e.consume();
        } else if (gestures.key(e.getCode(), e.isShiftDown(), e.isShortcutDown())) {
            e.consume();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (gestures.wheel(e.getDeltaY(), e.getMultiplierY())) {
            e.consume();
        }
    }
}
