package dev.wsinspector.ui.conformance;

import dev.wsinspector.ui.connection.ConnectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The Conformance panel (ConformancePanelView.fxml) of a tab's tools, bound to its {@link ConformanceViewModel},
 * which it makes for the tab it is in: the run's address follows the tab's until changed here.
 */
public final class ConformancePanelController {

    private final ConformanceViewModel model;

    @FXML private TextField conformanceUrl;
    @FXML private Button runConformance;
    @FXML private Button stopConformance;
    @FXML private ProgressBar conformanceProgress;
    @FXML private Label conformanceProgressText;
    @FXML private Label conformanceSummary;
    @FXML private Label conformanceError;
    @FXML private ListView<ConformanceViewModel.CaseRow> conformanceCases;
    @FXML private Button saveConformanceReport;
    @FXML private Label conformanceNotice;

    /** @param tab the connection tab whose tools these are */
    public ConformancePanelController(ConformanceRuns runs, ConnectionViewModel tab) {
        this.model = new ConformanceViewModel(runs, tab.urlProperty());
    }

    public ConformanceViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        conformanceUrl.textProperty().bindBidirectional(model.urlProperty());
        conformanceUrl.disableProperty().bind(model.runningProperty());
        conformanceUrl.setOnAction(e -> model.run());
        runConformance.disableProperty().bind(model.runningProperty());
        stopConformance.disableProperty().bind(model.runningProperty().not());
        conformanceProgress.progressProperty().bind(model.progressProperty());
        conformanceProgressText.textProperty().bind(model.progressTextProperty());
        conformanceSummary.textProperty().bind(model.summaryProperty());
        model.failedProperty().addListener((o, was, failed) -> summaryStyle(failed));
        summaryStyle(model.failedProperty().get());
        conformanceError.textProperty().bind(model.errorProperty());
        conformanceNotice.textProperty().bind(model.noticeProperty());
        shownWhen(conformanceSummary, model.summaryProperty().isNotEmpty());
        shownWhen(conformanceError, model.errorProperty().isNotEmpty());
        shownWhen(conformanceNotice, model.noticeProperty().isNotEmpty());
        conformanceCases.setItems(model.rows());
        conformanceCases.setCellFactory(list -> new CaseCell(model::showFrames));
        saveConformanceReport.disableProperty().bind(Bindings.or(model.reportProperty().isNull(),
                model.runningProperty()));
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void stop() {
        model.stop();
    }

    @FXML
    private void saveReport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save conformance report");
        for (ReportFormat format : ReportFormat.values()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format + " (" + format.pattern() + ")",
                    format.pattern()));
        }
        chooser.setInitialFileName(model.suggestedFileName(ReportFormat.JUNIT_XML));
        File file = chooser.showSaveDialog(saveConformanceReport.getScene().getWindow());
        if (file != null) {
            FileChooser.ExtensionFilter filter = chooser.getSelectedExtensionFilter();
            ReportFormat chosen = filter != null && filter.getExtensions().contains(ReportFormat.HTML.pattern())
                    ? ReportFormat.HTML : ReportFormat.JUNIT_XML;
            model.saveReport(file.toPath(), ReportFormat.forFile(file.toPath(), chosen));
        }
    }

    private void summaryStyle(boolean failed) {
        conformanceSummary.getStyleClass().removeAll("run-passed", "run-failed");
        conformanceSummary.getStyleClass().add(failed ? "run-failed" : "run-passed");
    }

    private static void shownWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
