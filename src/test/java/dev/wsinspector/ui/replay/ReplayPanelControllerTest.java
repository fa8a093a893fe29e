package dev.wsinspector.ui.replay;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.testutil.ManualScheduler;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Map;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** The Replay panel and its step rows loaded from their FXML, driven as a user would (nothing is sent). */
@ExtendWith(ApplicationExtension.class)
class ReplayPanelControllerTest {

    private final ObservableList<SavedMessage> messages = FXCollections.observableArrayList(
            SavedMessage.text("hello", "hi"), SavedMessage.text("bye", "bye"));
    private final ReplayViewModel model = new ReplayViewModel(new ManualScheduler(), new ReplayViewModel.Target() {
        @Override
        public Connection connection() {
            return null;
        }

        @Override
        public Templates templates() {
            return new Templates(Map.of(), BuiltIns.system());
        }

        @Override
        public ConnectionListener events() {
            return e -> { };
        }
    });
    private Parent root;

    @Start
    void start(Stage stage) {
        root = new ViewLoader(Controllers.none()).load(ReplayPanelController.class, model, messages).root();
        stage.setScene(new Scene(root, 420, 600));
        stage.show();
    }

    private List<String> stepNumbers() throws Exception {
        return fx(() -> ((VBox) root.lookup("#stepRows")).getChildren().stream()
                .map(row -> ((Label) row.lookup("#stepNumber")).getText()).toList());
    }

    @Test
    void stepsAreAddedPickingTheFirstMessageAndRenumberedWhenOneIsRemoved(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#addReplayStep").queryButton().fire());
        robot.interact(() -> robot.lookup("#addAllReplaySteps").queryButton().fire());
        assertThat(stepNumbers()).containsExactly("1.", "2.", "3.");
        assertThat(fx(() -> model.steps().get(0).messageProperty().get().name())).isEqualTo("hello");
        Node second = fx(() -> ((VBox) root.lookup("#stepRows")).getChildren().get(1));
        Node third = fx(() -> ((VBox) root.lookup("#stepRows")).getChildren().get(2));

        robot.interact(() -> ((Button) second.lookup(".button")).fire());

        assertThat(stepNumbers()).containsExactly("1.", "2.");
        assertThat(fx(() -> ((VBox) root.lookup("#stepRows")).getChildren().get(1)))
                .as("the other rows are kept, not built again").isSameAs(third);
        assertThat(fx(() -> model.steps().get(1).messageProperty().get().name())).isEqualTo("bye");
    }

    @Test
    void onlyTheChosenKindsSettingsShowAndStartWaitsForNoRunningReplay(FxRobot robot) throws Exception {
        assertThat(fx(() -> root.lookup("#sequenceSection").isVisible())).isTrue();
        assertThat(fx(() -> root.lookup("#everySection").isVisible())).isFalse();
        @SuppressWarnings("unchecked")
        ChoiceBox<ReplayViewModel.Kind> kind = robot.lookup("#replayKind").queryAs(ChoiceBox.class);
        robot.interact(() -> kind.setValue(ReplayViewModel.Kind.EVERY));
        assertThat(fx(() -> root.lookup("#everySection").isVisible())).isTrue();
        assertThat(fx(() -> root.lookup("#sequenceSection").isVisible())).isFalse();
        assertThat(fx(() -> root.lookup("#loopRow").isVisible())).as("EVERY counts its own sends").isFalse();
        assertThat(fx(() -> robot.lookup("#startReplay").queryButton().isDisabled())).isFalse();
        assertThat(fx(() -> robot.lookup("#stopReplay").queryButton().isDisabled())).isTrue();
    }
}
