package dev.wsinspector.ui.tests;

import dev.wsinspector.core.scenario.ScenarioRecorder;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The review before Save as test: the scenario's name (its file in the scenarios directory) and every value the
 * recorder loosened (a UUID, a timestamp, an id) with what replaced it. Save returns the name; Cancel, empty.
 */
final class SaveAsTestDialog {

    private SaveAsTestDialog() {
    }

    static Optional<String> show(Window owner, String name, ScenarioRecorder.Recorded recorded, TestsViewModel model) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Save as test");
        TextField nameField = new TextField(name);
        nameField.setId("saveAsTestName");
        Label file = new Label(model.fileFor(name).toString());
        nameField.textProperty().addListener((o, was, now) -> file.setText(model.fileFor(now).toString()));
        ListView<String> loosened = new ListView<>();
        loosened.setId("saveAsTestLoosenings");
        loosened.getItems().setAll(TestsViewModel.reviewLines(recorded));
        loosened.setPlaceholder(new Label("Nothing loosened: every received message is expected exactly"));
        loosened.setPrefSize(620, 240);
        VBox content = new VBox(6, new Label("Name"), nameField, file,
                new Label(recorded.sends() + " sends, " + recorded.expects() + " expects; values loosened "
                        + "(captured into variables instead of expected):"), loosened);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == save ? nameField.getText() : null);
        return dialog.showAndWait().filter(n -> !n.isBlank());
    }
}
