package dev.wsinspector.ui.profiles;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The editor's Reconnect & limits tab (ProfileLimitsTabView.fxml): bindings to the {@link ProfileEditorModel}. */
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
    }
}
