package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.charts.ChartsViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tools pane right of a tab's timeline (ToolsPaneView.fxml): the saved messages, the replay panel and the
 * conformance run and the charts, each included as its own view. The charts count only while their tab is the
 * one shown and the pane is on screen.
 */
public final class ToolsPaneController {

    private final ChartsViewModel charts;

    @FXML private TabPane tabTools;
    @FXML private Tab chartsTab;

    public ToolsPaneController(ChartsViewModel charts) {
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        charts.activeProperty().bind(chartsTab.selectedProperty().and(tabTools.sceneProperty().isNotNull()));
    }

    /** Selects the tool titled {@code title} ("Messages", "Replay", "Conformance", "Charts"). */
    public void select(String title) {
        tabTools.getTabs().stream().filter(t -> title.equals(t.getText()) || title.equals(t.getUserData())).findFirst()
                .ifPresent(t -> tabTools.getSelectionModel().select(t));
    }
}
