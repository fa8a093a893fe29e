package dev.wsinspector.ui.charts;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The Charts panel (ChartsPanelView.fxml) of a tab's tools, bound to the tab's {@link ChartsViewModel}; the chart
 * itself is a {@link TrafficChart}, redrawn when a new snapshot or another chart is chosen.
 */
public final class ChartsPanelController {

    private final ChartsViewModel model;
    private final TrafficChart chart;

    @FXML private ChoiceBox<ChartKind> chartKind;
    @FXML private Button exportChartPng;
    @FXML private Button exportChartCsv;
    @FXML private ProgressBar chartsProgress;
    @FXML private Label chartsStatus;
    @FXML private Label chartsNotice;
    @FXML private StackPane chartHost;

    public ChartsPanelController(ChartsViewModel model) {
        this.model = model;
        this.chart = new TrafficChart(model::jumpTo);
    }

    @FXML
    private void initialize() {
        chartKind.setItems(FXCollections.observableArrayList(ChartKind.values()));
        chartKind.valueProperty().bindBidirectional(model.kindProperty());
        chartsProgress.progressProperty().bind(model.progressProperty());
        shownWhen(chartsProgress.getParent(), model.progressProperty().lessThan(1));
        chartsStatus.textProperty().bind(model.statusProperty());
        chartsNotice.textProperty().bind(model.noticeProperty());
        shownWhen(chartsNotice, model.noticeProperty().isNotEmpty());
        chartHost.getChildren().add(chart.node());
        model.snapshotProperty().addListener((o, a, s) -> chart.show(model.kindProperty().get(), s));
        model.kindProperty().addListener((o, a, k) -> chart.show(k, model.snapshotProperty().get()));
        chart.show(model.kindProperty().get(), model.snapshotProperty().get());
    }

    @FXML
    private void exportPng() {
        File file = choose("Save chart as PNG", "PNG image (*.png)", "*.png", "png");
        if (file != null) {
            model.exportPng(file.toPath(), TrafficChart.png(chart.node()));
        }
    }

    @FXML
    private void exportCsv() {
        File file = choose("Save chart numbers as CSV", "CSV (*.csv)", "*.csv", "csv");
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    private File choose(String title, String description, String pattern, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        chooser.setInitialFileName(model.suggestedFileName(extension));
        return chooser.showSaveDialog(chartHost.getScene().getWindow());
    }

    private static void shownWhen(Node node, ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
