package dev.wsinspector.ui.detail;

import dev.wsinspector.core.payload.HexDump;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The Hex view: a virtualized list, one row per 16 bytes, each row formatted only while it is visible. */
public final class HexView extends VBox {

    /** Rows have one height so the list never measures a million cells; CSS may override it. */
    static final double DEFAULT_ROW_HEIGHT = 18;

    private final ListView<Integer> list = new ListView<>();
    private final Label notice = new Label();
    private HexDump dump;

    public HexView() {
        getStyleClass().add("hex-view");
        list.getStyleClass().add("hex-list");
        list.setFixedCellSize(DEFAULT_ROW_HEIGHT);
        list.setCellFactory(view -> new LineCell());
        list.setPlaceholder(new Label("No payload bytes"));
        notice.getStyleClass().add(StyledTextView.NOTICE_CLASS);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(notice, list);
    }

    /** The line above the rows (size and line count), bound to the view model's. */
    StringProperty noticeTextProperty() {
        return notice.textProperty();
    }

    void show(HexDump newDump) {
        dump = newDump;
        list.setItems(new LineIndexList(newDump == null ? 0 : newDump.lineCount()));
        list.scrollTo(0);
    }

    ListView<Integer> list() {
        return list;
    }

    /** Offset, hex and ASCII columns as separately styled texts that join to the full line (also the accessible text). */
    private final class LineCell extends ListCell<Integer> {
        private final Text offset = styled("hex-offset");
        private final Text hex = styled("hex-bytes");
        private final Text ascii = styled("hex-ascii");
        private final HBox row = new HBox(offset, hex, ascii);

        LineCell() {
            getStyleClass().add("hex-line");
            row.getStyleClass().add("hex-row");
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null || dump == null || index >= dump.lineCount()) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            HexDump.Line line = dump.lineParts(index);
            offset.setText(line.offset());
            hex.setText("  " + line.hex() + "  ");
            ascii.setText("|" + line.ascii() + "|");
            setAccessibleText(line.text());
            setGraphic(row);
        }

        private static Text styled(String styleClass) {
            Text t = new Text();
            t.getStyleClass().add(styleClass);
            return t;
        }
    }
}
