package dev.wsinspector.ui.tests;

import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.ui.connection.ConnectionViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The Tests panel (TestsPanelView.fxml) of a tab's tools, bound to its {@link TestsViewModel}: Run, Run all and
 * Reload, the scenarios with their last verdicts, and the selected one's steps (double-click a step: its frames).
 */
public final class TestsPanelController {

    private final TestsViewModel model;

    @FXML private Button runTest;
    @FXML private Button runAllTests;
    @FXML private Button reloadTests;
    @FXML private Label testsStatus;
    @FXML private ListView<TestsViewModel.ScenarioRow> testScenarios;
    @FXML private ListView<TestsViewModel.StepRow> testSteps;
    @FXML private Button showStepFrames;
    @FXML private Button saveAsTest;

    private final ConnectionViewModel tab;

    /** @param tab the connection tab whose tools these are (Save as test saves its capture) */
    public TestsPanelController(TestRuns runs, ConnectionViewModel tab) {
        this.model = new TestsViewModel(runs);
        this.tab = tab;
    }

    public TestsViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        testScenarios.setItems(model.scenarios());
        testSteps.setItems(model.steps());
        testSteps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TestsViewModel.StepRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("step-passed", "step-failed");
                setText(empty || row == null ? null : row.text());
                setWrapText(true);
                setPrefWidth(0);
                if (!empty && row != null) {
                    getStyleClass().add(row.passed() ? "step-passed" : "step-failed");
                }
            }
        });
        testSteps.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.showFrames(testSteps.getSelectionModel().getSelectedItem());
            }
        });
        testScenarios.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> model.show(row));
        testsStatus.textProperty().bind(model.statusProperty());
        runTest.disableProperty().bind(model.runningProperty()
                .or(testScenarios.getSelectionModel().selectedItemProperty().isNull()));
        runAllTests.disableProperty().bind(model.runningProperty());
        showStepFrames.disableProperty().bind(testSteps.getSelectionModel().selectedItemProperty().isNull());
        model.reload();
    }

    @FXML
    private void run() {
        model.run(testScenarios.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void runAll() {
        model.runAll();
    }

    @FXML
    private void reload() {
        model.reload();
    }

    /** Save as test: the tab's capture as a scenario, its loosenings shown for review before it is saved. */
    @FXML
    private void saveAsTest() {
        String name = tab.storedSessionProperty().get() == null || tab.storedSessionProperty().get().isEmpty()
                ? "recorded" : tab.storedSessionProperty().get();
        ScenarioRecorder.Recorded recorded = model.prepareSaveAsTest(tab.session(), name);
        if (recorded == null) {
            return;
        }
        SaveAsTestDialog.show(saveAsTest.getScene().getWindow(), name, recorded, model)
                .ifPresent(chosen -> model.saveAsTest(recorded, chosen));
    }

    @FXML
    private void showFrames() {
        model.showFrames(testSteps.getSelectionModel().getSelectedItem());
    }
}
