package dev.wsinspector.ui.profiles;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

/** The editor's Connection tab (ProfileConnectionTabView.fxml): bindings to the {@link ProfileEditorModel}. */
public final class ProfileConnectionTabController {

    private final ProfileEditorModel draft;

    @FXML private TextField profileName;
    @FXML private Label nameError;
    @FXML private TextField profileFolder;
    @FXML private TextField profileUrl;
    @FXML private Label urlError;
    @FXML private EntryListEditor queryParams;
    @FXML private Label queryError;
    @FXML private EntryListEditor headers;
    @FXML private Label headersError;
    @FXML private TextField profileSubprotocols;
    @FXML private CheckBox profileDeflate;
    @FXML private TextField profileTimeout;
    @FXML private Label timeoutError;
    @FXML private TextArea profileNotes;

    public ProfileConnectionTabController(ProfileEditorModel draft) {
        this.draft = draft;
    }

    @FXML
    private void initialize() {
        profileName.textProperty().bindBidirectional(draft.nameProperty());
        Forms.showError(nameError, draft.errorOf(ProfileEditorModel.NAME));
        profileFolder.textProperty().bindBidirectional(draft.folderProperty());
        profileUrl.textProperty().bindBidirectional(draft.urlProperty());
        Forms.showError(urlError, draft.errorOf(ProfileEditorModel.URL));
        queryParams.show(draft.queryParams());
        Forms.showError(queryError, draft.errorOf(ProfileEditorModel.QUERY));
        headers.show(draft.headers());
        Forms.showError(headersError, draft.errorOf(ProfileEditorModel.HEADERS));
        profileSubprotocols.textProperty().bindBidirectional(draft.subprotocolsProperty());
        profileDeflate.selectedProperty().bindBidirectional(draft.deflateProperty());
        profileTimeout.textProperty().bindBidirectional(draft.connectTimeoutSecondsProperty());
        Forms.showError(timeoutError, draft.errorOf(ProfileEditorModel.TIMEOUT));
        profileNotes.textProperty().bindBidirectional(draft.notesProperty());
    }
}
