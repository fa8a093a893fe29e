package dev.wsinspector.ui.messages;

import dev.wsinspector.core.compose.MessageMode;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** The saved-message editor's fields (SavedMessageFormView.fxml), bound to a {@link SavedMessageForm}. */
public final class SavedMessageFormController {

    private final SavedMessageForm form;

    @FXML private TextField messageName;
    @FXML private TextField messageDescription;
    @FXML private ChoiceBox<MessageMode> messageType;
    @FXML private TextArea messageBody;
    @FXML private CheckBox messageSendOnConnect;
    @FXML private Label messageProblem;

    public SavedMessageFormController(SavedMessageForm form) {
        this.form = form;
    }

    @FXML
    private void initialize() {
        messageName.textProperty().bindBidirectional(form.nameProperty());
        messageDescription.textProperty().bindBidirectional(form.descriptionProperty());
        messageType.getItems().setAll(MessageMode.savable());
        messageType.valueProperty().bindBidirectional(form.typeProperty());
        messageBody.textProperty().bindBidirectional(form.bodyProperty());
        messageSendOnConnect.selectedProperty().bindBidirectional(form.sendOnConnectProperty());
        messageProblem.textProperty().bind(form.problemProperty());
    }
}
