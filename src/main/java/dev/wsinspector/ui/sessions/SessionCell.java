package dev.wsinspector.ui.sessions;

import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * One session in the list, a few lines: title and how it ended; URL; start and duration; frames and bytes.
 * The nodes are built once per cell and {@link #updateItem} only sets the row's ready-made texts, so scrolling
 * a long list formats nothing. A layout of its own rather than FXML: a cell is made by the list, many times.
 */
final class SessionCell extends ListCell<SessionRow> {

    /** The list's border, the cell's padding and a vertical scroll bar: what a row's text cannot use. */
    private static final double CELL_ROOM = 32;

    private final ListView<SessionRow> list;
    private final Label pin = new Label("★");
    private final Label title = new Label();
    private final Label ended = new Label();
    private final Label url = new Label();
    private final Label when = new Label();
    private final Label counts = new Label();
    private final VBox box;

    private SessionCell(ListView<SessionRow> list, Runnable open) {
        this.list = list;
        pin.getStyleClass().add("session-pin");
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.managedProperty().bind(pin.visibleProperty());
        title.getStyleClass().add("session-title");
        title.setMinWidth(40);
        ended.getStyleClass().add("session-ended");
        ended.setMinWidth(Region.USE_PREF_SIZE);
        url.getStyleClass().add("session-url");
        url.setMinWidth(0);
        url.managedProperty().bind(url.visibleProperty());
        when.getStyleClass().add("session-details");
        when.setMinWidth(0);
        counts.getStyleClass().add("session-details");
        counts.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(4, pin, title, grow, ended);
        top.setAlignment(Pos.CENTER_LEFT);
        box = new VBox(1, top, url, when, counts);
        box.setMinWidth(0);
        box.setPrefWidth(1);  // take the cell's width, never widen the list
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                open.run();
            }
        });
    }

    /** Gives {@code list} these cells; a double click on a row runs {@code open}. */
    static void install(ListView<SessionRow> list, Runnable open) {
        list.setCellFactory(l -> new SessionCell(list, open));
        // The counts of a row take one line or two depending on the width (fitsOneLine).
        list.widthProperty().addListener((o, was, now) -> {
            if (Math.abs(was.doubleValue() - now.doubleValue()) >= 1) {
                list.refresh();
            }
        });
    }

    /**
     * Whether frames and bytes fit on one line of the list (a long session's counts do not): else they take
     * two, decided here because a cell's height does not follow a wrapping label.
     */
    private boolean fitsOneLine(String text) {
        double room = list.getWidth() - snappedLeftInset() - snappedRightInset() - CELL_ROOM;
        if (list.getWidth() <= 0) {
            return true;
        }
        Text measure = new Text(text);
        measure.setFont(counts.getFont());
        return measure.getLayoutBounds().getWidth() <= room;
    }

    @Override
    protected void updateItem(SessionRow row, boolean empty) {
        super.updateItem(row, empty);
        getStyleClass().removeAll("session-running", "session-abrupt");
        setText(null);
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        pin.setVisible(row.pinned());
        title.setText(row.title());
        ended.setText(row.ended());
        url.setText(row.url());
        url.setVisible(!row.url().equals(row.title()));  // a session without a name shows its URL once
        when.setText(row.when());
        counts.setText(fitsOneLine(row.counts()) ? row.counts() : row.frames() + "\n" + row.bytes());
        switch (row.endKind()) {
            case RUNNING -> getStyleClass().add("session-running");
            case ABRUPT -> getStyleClass().add("session-abrupt");
            default -> { }
        }
        setTooltip(new Tooltip(row.details()));
        setGraphic(box);
    }
}
