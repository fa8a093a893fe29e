package dev.wsinspector.ui.connection;

import dev.wsinspector.core.pairing.MethodStats;
import dev.wsinspector.ui.common.AppIcons;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/** Opens the Latency statistics window (LatencyStatsView.fxml) for a capture's per-method figures, as of now. */
final class LatencyStatsDialog {

    private LatencyStatsDialog() {
    }

    static Stage show(Window owner, String title, List<MethodStats> methods) {
        Parent root = new ViewLoader(Controllers.none()).load(LatencyStatsController.class,
                LatencyStatsRows.of(methods)).root();
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("Latency statistics · " + title);
        stage.setScene(scene);
        AppIcons.apply(stage);
        stage.show();
        return stage;
    }
}
