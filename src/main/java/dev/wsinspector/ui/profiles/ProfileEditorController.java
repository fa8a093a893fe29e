package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The profile editor (ProfileEditorView.fxml, a dialog whose tabs are views of their own): the banners and the
 * Save button, bound to {@link ProfileSaving}. It does not block the window, so a profile can be looked up in a
 * tab while it is being edited.
 */
public final class ProfileEditorController {

    private final ProfileEditorModel draft;
    private final ProfileSaving saving;
    private final ViewLoader views;
    private final Dialog<StoredProfile> dialog = new Dialog<>();

    @FXML private DialogPane profileEditor;
    @FXML private ButtonType save;
    @FXML private Label insecureWarning;
    @FXML private Label readOnlyWarning;
    @FXML private HBox conflictBar;
    @FXML private Label profileEditorStatus;
    @FXML private Label errorSummary;

    public ProfileEditorController(ProfileEditorModel draft, ProfilesViewModel profiles, ViewLoader views) {
        this.draft = draft;
        this.saving = new ProfileSaving(draft, profiles);
        this.views = views;
    }

    /** Loads an editor on {@code draft} and shows it beside {@code owner} (null: on its own). */
    public static ProfileEditorController open(ViewLoader views, Window owner, ProfileEditorModel draft) {
        ViewLoader.View<DialogPane, ProfileEditorController> view = views.load(ProfileEditorController.class, draft);
        view.controller().show(owner);
        return view.controller();
    }

    public ProfileEditorModel draft() {
        return draft;
    }

    public ProfileSaving saving() {
        return saving;
    }

    public Dialog<StoredProfile> dialog() {
        return dialog;
    }

    @FXML
    private void initialize() {
        Forms.shownWhen(draft.insecureProperty(), insecureWarning);
        readOnlyWarning.setText(draft.readOnlyReason().isEmpty() ? "" : "Read-only: " + draft.readOnlyReason());
        Forms.shownWhen(readOnlyWarning.textProperty().isNotEmpty(), readOnlyWarning);
        Forms.shownWhen(saving.conflictProperty(), conflictBar);
        Forms.showError(profileEditorStatus, saving.statusProperty());
        Forms.showError(errorSummary, draft.errorSummary());

        Button saveButton = (Button) profileEditor.lookupButton(save);
        saveButton.setId("saveProfileButton");
        saveButton.disableProperty().bind(saving.saveDisabledProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(saving.saveTipProperty());
        saveButton.setTooltip(tip);
        saveButton.accessibleHelpProperty().bind(saving.saveTipProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes only once the file is written
            saving.save();
        });
        saving.savedProperty().addListener((o, a, stored) -> {
            dialog.setResult(stored);
            dialog.close();
        });
    }

    private void show(Window owner) {
        dialog.setDialogPane(profileEditor);
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setResizable(true);
        dialog.setTitle(draft.title());
        if (owner != null && owner.getScene() != null) {
            profileEditor.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResultConverter(button -> null);
        dialog.show();
    }

    @FXML
    private void overwrite() {
        saving.overwrite();
    }

    /** Takes the version on disk: this editor closes and one opens on the reloaded profile. */
    @FXML
    private void reloadFromDisk() {
        Window owner = dialog.getOwner();
        dialog.close();
        saving.reloadFromDisk(fresh -> open(views, owner, ProfileEditorModel.of(fresh)));
    }
}
