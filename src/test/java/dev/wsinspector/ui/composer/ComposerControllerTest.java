package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** The composer loaded from its FXML through the controller factory: editor and model in step, the buttons. */
@ExtendWith(ApplicationExtension.class)
class ComposerControllerTest {

    private final ComposerViewModel model = new ComposerViewModel(() -> null);
    private final List<String> closes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        ViewLoader.View<Parent, ComposerController> view = new ViewLoader(Controllers.none())
                .load(ComposerController.class, model, (ComposerViewModel.CloseAction) (code, reason) ->
                        closes.add(code + ":" + reason));
        // Windows an earlier class in this JVM left open (popups, dialogs) would lie over this one.
        dev.wsinspector.testutil.FxFlow.hideOtherWindows(stage);
        stage.setScene(new Scene(view.root(), 900, 240));
        stage.show();
    }

    @Test
    void theEditorAndTheModelsInputAreOneText(FxRobot robot) throws Exception {
        CodeArea editor = robot.lookup("#composerEditor").queryAs(CodeArea.class);
        robot.interact(() -> editor.replaceText("typed"));
        assertThat(fx(() -> model.inputProperty().get())).isEqualTo("typed");
        robot.interact(() -> model.inputProperty().set("from history"));
        assertThat(fx(() -> editor.getText())).isEqualTo("from history");
    }

    @Test
    void formatIsForJsonAndSaveOnlyWhereItCanKeepTheMessage(FxRobot robot) throws Exception {
        Button format = robot.lookup("#formatButton").queryButton();
        Button save = robot.lookup("#saveFromComposer").queryButton();
        assertThat(fx(format::isDisabled)).isTrue();
        assertThat(fx(save::isDisabled)).isTrue();

        @SuppressWarnings("unchecked")
        ChoiceBox<MessageMode> mode = robot.lookup("#composerMode").queryAs(ChoiceBox.class);
        robot.interact(() -> mode.setValue(MessageMode.JSON));
        robot.interact(() -> model.saveAvailableProperty().set(true));
        assertThat(fx(format::isDisabled)).isFalse();
        assertThat(fx(save::isDisabled)).isFalse();
        assertThat(fx(() -> model.modeProperty().get())).isEqualTo(MessageMode.JSON);
    }

    @Test
    void closeSendsThePickedCodeAndReasonToTheTabsCloseAction(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.closeCodeProperty().set(4001);
            model.closeReasonProperty().set("bye");
        });
        // Fired, not clicked: in the whole suite the shared stage may sit where an earlier class left it (a robot
        // click then misses); what is tested is the button's wiring to the tab's close action.
        robot.interact(() -> robot.lookup("#closeButton").queryAs(Button.class).fire());
        assertThat(fx(() -> List.copyOf(closes))).containsExactly("4001:bye");
    }
}
