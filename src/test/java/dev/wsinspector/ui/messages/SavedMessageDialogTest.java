package dev.wsinspector.ui.messages;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.theme.Theme;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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

/** The save-message dialog in a real (headless) window with the app's theme: every label reads in full. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SavedMessageDialogTest {

    private Stage owner;
    private SavedMessageDialog dialog;

    @Start
    void start(Stage stage) {
        owner = stage;
        Scene scene = new Scene(new StackPane(), 1200, 800);
        new Theme(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            if (dialog != null) {
                dialog.close();
            }
            return null;
        });
    }

    private static void labeleds(Node node, List<Labeled> out) {
        if (node instanceof Labeled labeled && labeled.isVisible() && labeled.getText() != null
                && !labeled.getText().isEmpty()) {
            out.add(labeled);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> labeleds(child, out));
        }
    }

    /** What the skin draws for {@code labeled}: its text node's string (an ellipsis when cut). */
    private static String shown(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    @Test
    void noLabelOfTheDialogIsCut(FxRobot robot) throws Exception {
        robot.interact(() -> {
            dialog = new SavedMessageDialog(new ViewLoader(Controllers.none()), owner, "Save message from composer",
                    new SavedMessage("", MessageMode.JSON, "{\"op\":\"subscribe\",\"channel\":\"" + "x".repeat(200) + "\"}"),
                    m -> { });
            dialog.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialog.isShowing()
                && dialog.getDialogPane().getWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> cut = fx(() -> {
            List<Labeled> all = new ArrayList<>();
            labeleds(dialog.getDialogPane(), all);
            assertThat(all).extracting(Labeled::getText).contains("Name", "Description", "Type", "Body", "Save");
            return all.stream().filter(l -> !shown(l).equals(l.getText()))
                    .map(l -> "'" + l.getText() + "' shown as '" + shown(l) + "' in " + l.getWidth() + " px").toList();
        });
        assertThat(cut).isEmpty();
    }
}
