package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.Pacing;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.wsinspector.ui.replay.ReplayStepController.shownWhen;

/**
 * The Replay panel (ReplayPanelView.fxml), bound to {@link ReplayViewModel}. Each step of a sequence is a
 * ReplayStepView of its own, loaded once per step and kept while the step is in the list, so adding or
 * removing one step renumbers the others instead of building them again.
 */
public final class ReplayPanelController {

    private final ReplayViewModel model;
    private final ObservableList<SavedMessage> messages;
    private final ViewLoader views;
    private final Map<StepDraft, ViewLoader.View<Parent, ReplayStepController>> stepViews = new IdentityHashMap<>();

    @FXML private ChoiceBox<ReplayViewModel.Kind> replayKind;
    @FXML private VBox sequenceSection;
    @FXML private VBox stepRows;
    @FXML private CheckBox continueAfterFailedWait;
    @FXML private VBox everySection;
    @FXML private ChoiceBox<SavedMessage> everyMessage;
    @FXML private TextField everyInterval;
    @FXML private TextField everyCount;
    @FXML private CheckBox everyUntilStopped;
    @FXML private VBox recordedSection;
    @FXML private Label replayRange;
    @FXML private ChoiceBox<Pacing> replayPacing;
    @FXML private HBox loopRow;
    @FXML private TextField replayLoops;
    @FXML private CheckBox replayUntilStopped;
    @FXML private Button startReplay;
    @FXML private Button stopReplay;
    @FXML private ProgressBar replayProgress;
    @FXML private Label replayProgressText;
    @FXML private Label replayError;

    /** @param messages the tab's saved messages, to build steps from */
    public ReplayPanelController(ReplayViewModel model, ObservableList<SavedMessage> messages, ViewLoader views) {
        this.model = model;
        this.messages = messages;
        this.views = views;
    }

    @FXML
    private void initialize() {
        replayKind.getItems().setAll(ReplayViewModel.Kind.values());
        replayKind.valueProperty().bindBidirectional(model.kindProperty());
        shownWhen(sequenceSection, model.kindProperty().isEqualTo(ReplayViewModel.Kind.SEQUENCE));
        shownWhen(everySection, model.kindProperty().isEqualTo(ReplayViewModel.Kind.EVERY));
        shownWhen(recordedSection, model.kindProperty().isEqualTo(ReplayViewModel.Kind.RECORDED));
        shownWhen(loopRow, model.kindProperty().isNotEqualTo(ReplayViewModel.Kind.EVERY));

        model.steps().addListener((ListChangeListener<StepDraft>) c -> showSteps());
        showSteps();
        continueAfterFailedWait.selectedProperty().bindBidirectional(model.continueAfterFailedWaitProperty());

        everyMessage.setItems(messages);
        everyMessage.setConverter(new MessageNameConverter());
        everyMessage.valueProperty().bindBidirectional(model.everyMessageProperty());
        everyInterval.textProperty().bindBidirectional(model.intervalMillisProperty());
        everyCount.textProperty().bindBidirectional(model.countProperty());
        everyUntilStopped.selectedProperty().bindBidirectional(model.untilStoppedProperty());
        everyCount.disableProperty().bind(everyUntilStopped.selectedProperty());

        replayRange.textProperty().bind(Bindings.createStringBinding(model::rangeText, model.fromSeqProperty(),
                model.toSeqProperty()));
        replayPacing.getItems().setAll(ReplayViewModel.PACINGS);
        replayPacing.valueProperty().bindBidirectional(model.pacingProperty());

        replayLoops.textProperty().bindBidirectional(model.loopsProperty());
        replayUntilStopped.selectedProperty().bindBidirectional(model.untilStoppedProperty());
        replayLoops.disableProperty().bind(replayUntilStopped.selectedProperty());

        startReplay.disableProperty().bind(model.runningProperty());
        stopReplay.disableProperty().bind(model.runningProperty().not());
        replayProgress.progressProperty().bind(model.progressProperty());
        replayProgressText.textProperty().bind(model.progressTextProperty());
        replayError.textProperty().bind(model.errorProperty());
    }

    /** The steps' rows in the model's order, numbered; a row leaves with its step. */
    private void showSteps() {
        List<Parent> rows = new ArrayList<>(model.steps().size());
        stepViews.keySet().retainAll(List.copyOf(model.steps()));
        for (StepDraft step : model.steps()) {
            ViewLoader.View<Parent, ReplayStepController> view = stepViews.computeIfAbsent(step,
                    s -> views.load(ReplayStepController.class, s, messages, model));
            view.controller().number(rows.size() + 1);
            rows.add(view.root());
        }
        stepRows.getChildren().setAll(rows);
    }

    @FXML
    private void addStep() {
        model.addStep(messages);
    }

    @FXML
    private void addAllSteps() {
        model.addSteps(messages);
    }

    @FXML
    private void start() {
        model.start();
    }

    @FXML
    private void stop() {
        model.stop();
    }
}
