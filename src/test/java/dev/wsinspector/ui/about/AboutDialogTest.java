package dev.wsinspector.ui.about;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AboutDialogTest {

    private final AboutInfo info = new AboutInfo("1.2.3", "17.0.15 (OpenJDK 64-Bit Server VM, Debian)", "21.0.11",
            "Linux 6.1 (amd64)", Path.of("/home/ada/.config/ws-inspector"),
            Path.of("/home/ada/.config/ws-inspector/logs/ws-inspector.log"));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(AboutDialog.button()), 300, 200));
        AboutDialog.register(stage, info);
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsVersionsAndWhereTheFilesAre(FxRobot robot) throws Exception {
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#aboutVersion")).isEqualTo("1.2.3");
        assertThat(text(robot, "#aboutJava")).startsWith("17.0.15");
        assertThat(text(robot, "#aboutJavaFx")).isEqualTo("21.0.11");
        assertThat(text(robot, "#aboutDataDirectory")).isEqualTo("/home/ada/.config/ws-inspector");
        assertThat(text(robot, "#aboutLogFile")).endsWith("logs/ws-inspector.log");

        assertThat(robot.lookup("#aboutCopyButton").queryButton().getText()).isEqualTo("Copy");
        robot.clickOn("#aboutCopyButton");
        assertThat(robot.lookup("#aboutCopyButton").queryButton().getText()).isEqualTo("Copied");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
        assertThat(copied).contains("WS Inspector 1.2.3", "JavaFX: 21.0.11", "Log file: /home/ada");

        robot.clickOn("#aboutCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutDialog").tryQuery()).isEmpty();
        assertThat(Window.getWindows()).hasSize(1);
    }

    @Test
    void escapeClosesIt(FxRobot robot) {
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutDialog").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutDialog").tryQuery()).isEmpty();
        assertThat(Window.getWindows()).hasSize(1);
    }

    @Test
    void theRunningProcessReportsItsRealVersions() {
        AboutInfo current = AboutInfo.current(null, null);
        assertThat(current.java()).startsWith(System.getProperty("java.version"));
        assertThat(current.javafx()).as("set by the JavaFX toolkit").startsWith("21.");
        assertThat(current.dataDirectoryText()).isEqualTo("not set");
        assertThat(current.text()).contains("Log file: standard error only");
    }
}
