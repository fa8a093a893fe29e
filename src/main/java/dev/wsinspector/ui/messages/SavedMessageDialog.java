package dev.wsinspector.ui.messages;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.profile.SavedMessage;
import javafx.collections.FXCollections;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.function.Consumer;

/** Edits one saved message: name, description, type, body, send on connect. Not modal; Save checks first. */
public final class SavedMessageDialog extends Dialog<SavedMessage> {

    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final SavedMessageForm form;

    public SavedMessageDialog(Window owner, String title, SavedMessage initial, Consumer<SavedMessage> onSave) {
        form = new SavedMessageForm(initial);
        initOwner(owner);
        initModality(Modality.NONE);
        setResizable(true);
        setTitle(title);
        getDialogPane().setId("savedMessageEditor");
        if (owner != null && owner.getScene() != null) {
            getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);

        TextField name = new TextField();
        name.setId("messageName");
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField description = new TextField();
        description.setId("messageDescription");
        description.setPromptText("optional");
        description.textProperty().bindBidirectional(form.descriptionProperty());
        ChoiceBox<MessageMode> type = new ChoiceBox<>(FXCollections.observableArrayList(MessageMode.values()));
        type.setId("messageType");
        type.valueProperty().bindBidirectional(form.typeProperty());
        TextArea body = new TextArea();
        body.setId("messageBody");
        body.getStyleClass().add("message-body");
        body.setPrefRowCount(8);
        body.setWrapText(true);
        body.textProperty().bindBidirectional(form.bodyProperty());
        CheckBox auto = new CheckBox("Send automatically when the connection opens (in list order)");
        auto.setId("messageSendOnConnect");
        auto.selectedProperty().bindBidirectional(form.sendOnConnectProperty());
        Label problem = new Label();
        problem.setId("messageProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());

        GridPane grid = new GridPane();
        // The label column keeps its labels' width; the fields' column takes the rest, and gives way first
        // (a long body's pref width squeezed the labels to "N…", "D…").
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHgrow(Priority.NEVER);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setMinWidth(0);
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);
        auto.setWrapText(true);
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Description"), description);
        grid.addRow(2, new Label("Type"), type);
        grid.addRow(3, new Label("Body"), body);
        grid.add(auto, 1, 4);
        grid.add(problem, 1, 5);
        GridPane.setHgrow(body, Priority.ALWAYS);
        GridPane.setVgrow(body, Priority.ALWAYS);
        grid.setPrefWidth(560);
        getDialogPane().setContent(grid);

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("saveMessageButton");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            if (!form.validate()) {
                e.consume(); // stays open, the problem is shown under the body
            }
        });
        setResultConverter(b -> b == SAVE ? form.toMessage() : null);
        resultProperty().addListener((o, a, message) -> {
            if (message != null) {
                onSave.accept(message);
            }
        });
    }

    public SavedMessageForm form() {
        return form;
    }
}
