package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** One step of a replay sequence (ReplayStepView.fxml), bound to its {@link StepDraft}. */
public final class ReplayStepController {

    private final StepDraft step;
    private final ObservableList<SavedMessage> messages;
    private final ReplayViewModel model;

    @FXML private Label stepNumber;
    @FXML private ChoiceBox<SavedMessage> stepMessage;
    @FXML private TextField stepDelay;
    @FXML private ChoiceBox<StepDraft.Wait> stepWait;
    @FXML private TextField stepPattern;
    @FXML private TextField stepJsonPath;
    @FXML private TextField stepJsonValue;
    @FXML private TextField stepTimeout;
    @FXML private Label stepSeconds;

    /** @param messages the tab's saved messages, to pick the step's from */
    public ReplayStepController(StepDraft step, ObservableList<SavedMessage> messages, ReplayViewModel model) {
        this.step = step;
        this.messages = messages;
        this.model = model;
    }

    @FXML
    private void initialize() {
        stepMessage.setItems(messages);
        stepMessage.setConverter(new MessageNameConverter());
        stepMessage.valueProperty().bindBidirectional(step.messageProperty());
        stepDelay.textProperty().bindBidirectional(step.delayMillisProperty());
        stepWait.getItems().setAll(StepDraft.Wait.values());
        stepWait.valueProperty().bindBidirectional(step.waitProperty());
        stepPattern.textProperty().bindBidirectional(step.patternProperty());
        stepJsonPath.textProperty().bindBidirectional(step.jsonPathProperty());
        stepJsonValue.textProperty().bindBidirectional(step.jsonValueProperty());
        stepTimeout.textProperty().bindBidirectional(step.timeoutSecondsProperty());
        shownWhen(stepPattern, step.waitProperty().isEqualTo(StepDraft.Wait.REGEX));
        shownWhen(stepJsonPath, step.waitProperty().isEqualTo(StepDraft.Wait.JSON));
        shownWhen(stepJsonValue, step.waitProperty().isEqualTo(StepDraft.Wait.JSON));
        shownWhen(stepTimeout, step.waitProperty().isNotEqualTo(StepDraft.Wait.NONE));
        shownWhen(stepSeconds, step.waitProperty().isNotEqualTo(StepDraft.Wait.NONE));
    }

    /** The step's place in the sequence, from 1. */
    void number(int number) {
        stepNumber.setText(number + ".");
    }

    @FXML
    private void remove() {
        model.steps().remove(step);
    }

    static void shownWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
