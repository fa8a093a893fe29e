package dev.wsinspector.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The error window loaded from its FXML on its own (no app): its texts, and Escape from the details closes it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrorWindowTest {

    private ErrorWindow window;

    @Start
    void start(Stage stage) {
        window = ErrorWindow.whileRunning("The log is /tmp/test.log.")
                .report("Something went wrong", "ArithmeticException: boom", "Java: 17\n\tat somewhere");
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            window.stage().close();
            return null;
        });
    }

    @Test
    void showsTheReportAndEscapeInTheDetailsClosesIt(FxRobot robot) throws Exception {
        assertThat(fx(() -> robot.lookup("#errorHeadline").queryAs(Label.class).getText()))
                .isEqualTo("Something went wrong");
        assertThat(fx(() -> robot.lookup("#errorHint").queryAs(Label.class).getText()))
                .startsWith("WS Inspector is still running").endsWith("The log is /tmp/test.log.");
        assertThat(fx(() -> robot.lookup("#closeErrorButton").queryAs(Button.class).getText())).isEqualTo("Close");
        assertThat(fx(window::detailsText)).contains("\tat somewhere");

        robot.clickOn("#errorDetails");
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> !window.isShowing()));
    }
}
