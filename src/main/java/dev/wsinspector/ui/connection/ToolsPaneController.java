package dev.wsinspector.ui.connection;

import javafx.fxml.FXML;
import javafx.scene.control.TabPane;

/**
 * The tools pane right of a tab's timeline (ToolsPaneView.fxml): the saved messages, the replay panel and the
 * conformance run, each included as its own view.
 */
public final class ToolsPaneController {

    @FXML private TabPane tabTools;

    /** Selects the tool titled {@code title} ("Messages", "Replay", "Conformance", "Tests"). */
    public void select(String title) {
        tabTools.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabTools.getSelectionModel().select(t));
    }
}
