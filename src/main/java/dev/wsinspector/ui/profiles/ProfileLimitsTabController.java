package dev.wsinspector.ui.profiles;

import javafx.fxml.FXML;
import dev.wsinspector.core.protocol.ClientProtocol;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * The editor's Reconnect & limits tab (ProfileLimitsTabView.fxml): bindings to the {@link ProfileEditorModel}, the
 * decoder choice and protobuf schema included (they sit with strictness: both say how messages are read).
 */
public final class ProfileLimitsTabController {

    private final ProfileEditorModel draft;

    @FXML private CheckBox profileReconnect;
    @FXML private Label reconnectError;
    @FXML private TextField profileAttempts;
    @FXML private TextField profileBackoff;
    @FXML private TextField profileBackoffCap;
    @FXML private TextField profileJitter;
    @FXML private TextField profilePing;
    @FXML private Label pingError;
    @FXML private TextField profileMaxSize;
    @FXML private Label maxSizeError;
    @FXML private CheckBox profileLenient;
    @FXML private ChoiceBox<String> profileDecoder;
    @FXML private TextField profileDescriptorSet;
    @FXML private TextField profileMessageType;
    @FXML private Label decoderError;
    @FXML private ChoiceBox<String> profileProtocol;

    public ProfileLimitsTabController(ProfileEditorModel draft) {
        this.draft = draft;
    }

    @FXML
    private void initialize() {
        profileReconnect.selectedProperty().bindBidirectional(draft.reconnectProperty());
        Forms.showError(reconnectError, draft.errorOf(ProfileEditorModel.RECONNECT));
        profileAttempts.textProperty().bindBidirectional(draft.reconnectAttemptsProperty());
        profileBackoff.textProperty().bindBidirectional(draft.backoffMillisProperty());
        profileBackoffCap.textProperty().bindBidirectional(draft.backoffCapMillisProperty());
        profileJitter.textProperty().bindBidirectional(draft.jitterProperty());
        profilePing.textProperty().bindBidirectional(draft.pingSecondsProperty());
        Forms.showError(pingError, draft.errorOf(ProfileEditorModel.PING));
        profileMaxSize.textProperty().bindBidirectional(draft.maxMessageSizeProperty());
        Forms.showError(maxSizeError, draft.errorOf(ProfileEditorModel.MAX_SIZE));
        profileLenient.selectedProperty().bindBidirectional(draft.lenientProperty());
        profileDecoder.setItems(FXCollections.observableArrayList(ProfileEditorModel.decoderChoices()));
        profileDecoder.valueProperty().bindBidirectional(draft.decoderProperty());
        profileDescriptorSet.textProperty().bindBidirectional(draft.descriptorSetProperty());
        profileMessageType.textProperty().bindBidirectional(draft.messageTypeProperty());
        Forms.showError(decoderError, draft.errorOf(ProfileEditorModel.DECODER));
        profileProtocol.setItems(FXCollections.observableArrayList(ClientProtocol.ids()));
        profileProtocol.valueProperty().bindBidirectional(draft.protocolProperty());
    }
}
