package dev.wsinspector.ui.profiles;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/** The editor's Variables tab (ProfileVariablesTabView.fxml): bindings to {@link EnvironmentChoice}. */
public final class ProfileVariablesTabController {

    private final ProfileEditorModel draft;
    private final EnvironmentChoice environments;

    @FXML private ChoiceBox<EnvironmentDraft> environmentChoice;
    @FXML private StackPane removeEnvironmentHolder;
    @FXML private Button removeEnvironment;
    @FXML private TextField newEnvironmentName;
    @FXML private StackPane addEnvironmentHolder;
    @FXML private Button addEnvironment;
    @FXML private EntryListEditor variables;
    @FXML private Label variablesError;

    public ProfileVariablesTabController(ProfileEditorModel draft) {
        this.draft = draft;
        this.environments = new EnvironmentChoice(draft);
    }

    @FXML
    private void initialize() {
        environmentChoice.setItems(environments.choices());
        environmentChoice.valueProperty().bindBidirectional(environments.chosenProperty());
        removeEnvironment.disableProperty().bind(environments.removeDisabledProperty());
        Forms.explain(removeEnvironmentHolder, removeEnvironment, environments.removeTipProperty());
        newEnvironmentName.textProperty().bindBidirectional(environments.newNameProperty());
        addEnvironment.disableProperty().bind(environments.addDisabledProperty());
        Forms.explain(addEnvironmentHolder, addEnvironment, environments.addTipProperty());
        variables.show(environments.shownProperty().get());
        environments.shownProperty().addListener((o, a, rows) -> variables.show(rows));
        Forms.showError(variablesError, draft.errorOf(ProfileEditorModel.VARIABLES));
    }

    @FXML
    private void add() {
        environments.add();
    }

    @FXML
    private void remove() {
        environments.remove();
    }
}
