package dev.wsinspector.ui.timeline;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A timeline column as {@code TimelineView.fxml} declares it: the layout (header, width, style class) is in the
 * FXML, and {@link #setCell cell} names which of the row's precomputed texts it shows, so a cell only assigns a
 * string. The rows are in capture order and the columns in a fixed place, so none sorts or moves.
 */
public final class RowColumn extends TableColumn<TimelineRow, TimelineRow> {

    /** Which text of a {@link TimelineRow} a column shows. */
    public enum Cell {
        /** Frames are numbered by their seq, as in the detail pane and the JSONL export; events have no number. */
        NUMBER(r -> r.isFrame() ? Long.toString(r.seq()) : ""),
        TIME(TimelineRow::time),
        ICON(TimelineRow::icon),
        TYPE(TimelineRow::type),
        SIZE(TimelineRow::size),
        FIN(TimelineRow::fin),
        /** Request/response pairing, which changes after a row is made: its text comes from {@link #setLiveText}. */
        LATENCY(r -> ""),
        PREVIEW(TimelineRow::preview),
        SUMMARY(TimelineRow::summary);

        private final Function<TimelineRow, String> text;

        Cell(Function<TimelineRow, String> text) {
            this.text = text;
        }

        /** The text this column shows for {@code row}. */
        public String text(TimelineRow row) {
            return text.apply(row);
        }
    }

    private Cell cell = Cell.PREVIEW;
    /** For a frame row, text read when the cell is drawn (null: the row's own text). */
    private LongFunction<String> liveText;
    /** For any row, text made from the row when the cell is drawn (null: the row's own text). */
    private Function<TimelineRow, String> rowText;

    public RowColumn() {
        setSortable(false);
        setReorderable(false);
        setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(TimelineRow row, boolean empty) {
                super.updateItem(row, empty);
                LongFunction<String> live = liveText;
                Function<TimelineRow, String> own = rowText;
                setText(empty || row == null ? null : live != null && row.isFrame() ? live.apply(row.seq())
                        : own != null ? own.apply(row) : cell.text(row));
            }
        });
    }

    public Cell getCell() {
        return cell;
    }

    public void setCell(Cell cell) {
        this.cell = cell;
    }

    /** A frame row's text comes from {@code text} (by seq) when the cell is drawn; it must be cheap and thread-safe. */
    public void setLiveText(LongFunction<String> text) {
        this.liveText = text;
    }

    /** A row's text is {@code text} of the row when the cell is drawn (a mock tab's rule marks); cheap, FX thread. */
    public void setRowText(Function<TimelineRow, String> text) {
        this.rowText = text;
    }
}
