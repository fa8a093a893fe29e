package dev.wsinspector.ui.messages;

import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** The saved messages panel loaded from its FXML: rows send, the buttons act on the selection, Edit opens the form. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SavedMessagesPanelControllerTest {

    private final List<String> sent = new ArrayList<>();
    private final List<SavedMessage> saved = new ArrayList<>(List.of(SavedMessage.text("a", "1"),
            SavedMessage.text("b", "2")));
    private final SavedMessagesViewModel model = new SavedMessagesViewModel(m -> {
        sent.add(m.name());
        return null;
    }, (change, result) -> {
        List<SavedMessage> next = change.apply(List.copyOf(saved));
        saved.clear();
        saved.addAll(next);
        result.accept("");
    });
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model.availableProperty().set(true);
        model.show(saved);
        Parent root = new ViewLoader(Controllers.none()).load(SavedMessagesPanelController.class, model).root();
        stage.setScene(new Scene(root, 420, 500));
        stage.show();
    }

    @AfterEach
    void closeDialogs() throws Exception {
        fx(() -> {
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private ListView<SavedMessage> list(FxRobot robot) {
        return robot.lookup("#savedMessagesList").queryAs(ListView.class);
    }

    @Test
    void aRowsSendButtonSendsItsMessageAndTheActionsWaitForASelection(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#sendSaved-1").tryQuery().isPresent()));
        robot.interact(() -> robot.lookup("#sendSaved-1").queryButton().fire());
        assertThat(fx(() -> List.copyOf(sent))).containsExactly("b");
        assertThat(fx(() -> robot.lookup("#savedMessagesStatus").queryLabeled().getText())).isEqualTo("Sent 'b'");

        assertThat(fx(() -> robot.lookup("#moveMessageDown").queryButton().isDisabled())).isTrue();
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        assertThat(fx(() -> robot.lookup("#moveMessageDown").queryButton().isDisabled())).isFalse();
        robot.interact(() -> robot.lookup("#moveMessageDown").queryButton().fire());
        assertThat(saved).extracting(SavedMessage::name).containsExactly("b", "a");
    }

    @Test
    void editOpensTheFormWithTheSelectedMessageAndSaveReplacesIt(FxRobot robot) throws Exception {
        robot.interact(() -> list(robot).getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#editMessage").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#messageName").tryQuery().isPresent()));
        TextField name = robot.lookup("#messageName").queryAs(TextField.class);
        assertThat(fx(() -> name.getText())).isEqualTo("b");

        robot.interact(() -> name.setText("b renamed"));
        robot.interact(() -> robot.lookup("#saveMessageButton").queryButton().fire());

        assertThat(saved).extracting(SavedMessage::name).containsExactly("a", "b renamed");
    }
}
