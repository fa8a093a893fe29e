package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The saved messages of the tab's profile: each row sends with one click; the buttons below reorder, mark
 * for sending on connect, edit and delete the selected one.
 */
public final class SavedMessagesPanel extends VBox {

    private final SavedMessagesViewModel model;
    private final ListView<SavedMessage> list;

    public SavedMessagesPanel(SavedMessagesViewModel model) {
        super(6);
        this.model = model;
        setId("savedMessagesPanel");
        getStyleClass().add("saved-messages");
        setPadding(new Insets(6));
        list = new ListView<>(model.messages());
        list.setId("savedMessagesList");
        list.setCellFactory(v -> new MessageCell());
        list.setPlaceholder(placeholder());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button up = button("↑", "moveMessageUp", "Move up (also the send-on-connect order)",
                () -> model.moveUp(index()));
        Button down = button("↓", "moveMessageDown", "Move down", () -> model.moveDown(index()));
        Button auto = button("On connect", "toggleSendOnConnect", "Send automatically when the connection opens",
                () -> model.toggleSendOnConnect(index()));
        Button edit = button("Edit…", "editMessage", "Change name, type or body", this::editSelected);
        Button delete = button("Delete", "deleteMessage", "Remove from the profile", () -> model.delete(index()));
        HBox actions = new HBox(4, up, down, auto, edit, delete);
        actions.getChildren().forEach(b -> b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()));
        actions.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("savedMessagesStatus");
        status.getStyleClass().add("composer-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(list, actions, status);
        list.disableProperty().bind(model.availableProperty().not());
    }

    public ListView<SavedMessage> list() {
        return list;
    }

    private int index() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void editSelected() {
        int index = index();
        if (index < 0) {
            return;
        }
        new SavedMessageDialog(getScene().getWindow(), "Edit saved message", model.messages().get(index),
                m -> model.replace(index, m)).show();
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label placeholder() {
        Label l = new Label("No saved messages.\nUse \"Save…\" in the composer, or right-click a frame → Save this frame.");
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    /** Name, type and a one-line body; a Send button on every row; double-click edits. */
    private final class MessageCell extends ListCell<SavedMessage> {
        private final Label name = new Label();
        private final Label kind = new Label();
        private final Label auto = new Label("on connect");
        private final Label body = new Label();
        private final Button send = new Button("Send");
        private final HBox graphic;

        MessageCell() {
            name.getStyleClass().add("message-name");
            kind.getStyleClass().add("message-type");
            auto.getStyleClass().add("message-auto");
            body.getStyleClass().add("message-preview");
            send.getStyleClass().add("message-send");
            send.setOnAction(e -> model.send(getIndex()));
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            HBox top = new HBox(6, name, kind, auto, grow);
            top.setAlignment(Pos.CENTER_LEFT);
            VBox text = new VBox(2, top, body);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            name.setMinWidth(0);
            body.setMinWidth(0);
            send.setMinWidth(Region.USE_PREF_SIZE);
            graphic = new HBox(8, send, text);
            // Long bodies are cut with "…" instead of widening the list (no horizontal scrolling).
            setPrefWidth(0);
            graphic.setAlignment(Pos.CENTER_LEFT);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    editSelected();
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
            setTooltip(m.description().isBlank() ? null : new Tooltip(m.description()));
            setGraphic(graphic);
        }
    }
}
