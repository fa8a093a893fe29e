package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.IntConsumer;

/**
 * One saved message in the list: name, type and a one-line body, with a Send button on every row; double-click
 * edits. Built in code, not FXML: a list makes and reuses many cells, and each must be cheap.
 */
final class SavedMessageCell extends ListCell<SavedMessage> {

    private final Label name = new Label();
    private final Label kind = new Label();
    private final Label auto = new Label("on connect");
    private final Label body = new Label();
    private final Button send = new Button("Send");
    private final HBox graphic;

    /**
     * @param send called with the row's index on Send
     * @param edit called on a double-click of a filled row
     */
    SavedMessageCell(IntConsumer send, Runnable edit) {
        name.getStyleClass().add("message-name");
        kind.getStyleClass().add("message-type");
        auto.getStyleClass().add("message-auto");
        body.getStyleClass().add("message-preview");
        this.send.getStyleClass().add("message-send");
        this.send.setOnAction(e -> send.accept(getIndex()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(6, name, kind, auto, grow);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(2, top, body);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        name.setMinWidth(0);  // a long name gives way ("…"; the tooltip has it whole), the type and "on connect" do not
        kind.setMinWidth(Region.USE_PREF_SIZE);
        auto.setMinWidth(Region.USE_PREF_SIZE);
        body.setMinWidth(0);
        this.send.setMinWidth(Region.USE_PREF_SIZE);
        graphic = new HBox(8, this.send, text);
        // Long bodies are cut with "…" instead of widening the list (no horizontal scrolling).
        setPrefWidth(0);
        graphic.setAlignment(Pos.CENTER_LEFT);
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                edit.run();
            }
        });
    }

    @Override
    protected void updateItem(SavedMessage m, boolean empty) {
        super.updateItem(m, empty);
        if (empty || m == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(m.name());
        kind.setText(m.type().toString());
        auto.setVisible(m.sendOnConnect());
        auto.setManaged(m.sendOnConnect());
        String oneLine = m.body().replace('\n', ' ');
        body.setText(oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine);
        send.setId("sendSaved-" + getIndex());
        setTooltip(new Tooltip(m.description().isBlank() ? m.name() : m.name() + "\n" + m.description()));
        setGraphic(graphic);
    }
}
