package dev.wsinspector.ui.tests;

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

    public TestsPanelController(TestRuns runs) {
        this.model = new TestsViewModel(runs);
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

    @FXML
    private void showFrames() {
        model.showFrames(testSteps.getSelectionModel().getSelectedItem());
    }
}
