package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.ui.common.CompactBar;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The saved messages of the tab's profile (SavedMessagesPanelView.fxml), bound to {@link SavedMessagesViewModel}. */
public final class SavedMessagesPanelController {

    private final SavedMessagesViewModel model;
    private final ViewLoader views;

    @FXML private ListView<SavedMessage> savedMessagesList;
    @FXML private CompactBar messageActions;
    @FXML private Button toggleSendOnConnect;
    @FXML private Button editMessage;
    @FXML private Button deleteMessage;
    @FXML private Label savedMessagesStatus;

    public SavedMessagesPanelController(SavedMessagesViewModel model, ViewLoader views) {
        this.model = model;
        this.views = views;
    }

    @FXML
    private void initialize() {
        savedMessagesList.setItems(model.messages());
        savedMessagesList.setCellFactory(v -> new SavedMessageCell(model::send, this::edit));
        savedMessagesList.disableProperty().bind(model.availableProperty().not());
        messageActions.getChildren().forEach(b -> b.disableProperty()
                .bind(savedMessagesList.getSelectionModel().selectedItemProperty().isNull()));
        savedMessagesStatus.textProperty().bind(model.statusProperty());
        // Beside a sidebar the pane is narrow: the texts give way to their icons (and tooltips), longest first.
        CompactBar.withIcon(toggleSendOnConnect, MaterialDesignL.LIGHTNING_BOLT_OUTLINE);
        CompactBar.withIcon(editMessage, MaterialDesignP.PENCIL_OUTLINE);
        CompactBar.withIcon(deleteMessage, MaterialDesignD.DELETE_OUTLINE);
        messageActions.collapsible(toggleSendOnConnect, editMessage, deleteMessage);
    }

    private int index() {
        return savedMessagesList.getSelectionModel().getSelectedIndex();
    }

    @FXML
    private void moveUp() {
        model.moveUp(index());
    }

    @FXML
    private void moveDown() {
        model.moveDown(index());
    }

    @FXML
    private void toggleSendOnConnect() {
        model.toggleSendOnConnect(index());
    }

    @FXML
    private void delete() {
        model.delete(index());
    }

    /** Opens the editor for the selected message; Save puts the edited one in its place. */
    @FXML
    private void edit() {
        int index = index();
        if (index >= 0) {
            new SavedMessageDialog(views, savedMessagesList.getScene().getWindow(), "Edit saved message",
                    model.messages().get(index), m -> model.replace(index, m)).show();
        }
    }
}
