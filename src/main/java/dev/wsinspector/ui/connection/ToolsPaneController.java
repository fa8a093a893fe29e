package dev.wsinspector.ui.connection;

import dev.wsinspector.ui.charts.ChartsViewModel;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.Map;

/**
 * The tools pane right of a tab's timeline (ToolsPaneView.fxml): the saved messages, the replay panel and the
 * conformance run and the charts, each included as its own view. The charts count only while their tab is the
 * one shown and the pane is on screen. Five names do not fit the pane's 300 px, so each header has an icon and a
 * tooltip, and only the selected one shows its name too (app.css, {@code .tools-tabs}).
 */
public final class ToolsPaneController {

    private static final Map<String, Ikon> ICONS = Map.of(
            "Messages", MaterialDesignM.MESSAGE_TEXT_OUTLINE,
            "Replay", MaterialDesignR.REPLAY,
            "Conformance", MaterialDesignS.SHIELD_CHECK_OUTLINE,
            "Tests", MaterialDesignT.TEST_TUBE,
            "Charts", MaterialDesignC.CHART_LINE);
    private static final Map<String, String> TIPS = Map.of(
            "Messages", "Messages: the profile's saved messages",
            "Replay", "Replay: send a recorded range again",
            "Conformance", "Conformance: check the server against RFC 6455",
            "Tests", "Tests: run scenario files",
            "Charts", "Charts: messages and bytes per second, sizes, ping RTT, latency");

    private final ChartsViewModel charts;

    @FXML private TabPane tabTools;
    @FXML private Tab chartsTab;

    public ToolsPaneController(ChartsViewModel charts) {
        this.charts = charts;
    }

    @FXML
    private void initialize() {
        for (Tab tab : tabTools.getTabs()) {
            Ikon ikon = ICONS.get(tab.getText());
            if (ikon != null) {
                FontIcon icon = new FontIcon(ikon);
                icon.setIconSize(14);
                tab.setGraphic(icon);
            }
            tab.setTooltip(new Tooltip(TIPS.getOrDefault(tab.getText(), tab.getText())));
        }
        charts.activeProperty().bind(chartsTab.selectedProperty().and(tabTools.sceneProperty().isNotNull()));
    }

    /** Selects the tool titled {@code title} ("Messages", "Replay", "Conformance", "Tests", "Charts"). */
    public void select(String title) {
        tabTools.getTabs().stream().filter(t -> title.equals(t.getText()) || title.equals(t.getUserData())).findFirst()
                .ifPresent(t -> tabTools.getSelectionModel().select(t));
    }
}
