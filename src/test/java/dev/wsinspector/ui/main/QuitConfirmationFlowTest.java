package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Closing the window with a connection open asks first; Cancel keeps the window, Quit closes it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QuitConfirmationFlowTest {

    private Stage stage;
    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    /** The close request as the window's ✕ sends it; not waited for (the question runs a nested event loop). */
    private void closeRequest() {
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private void answer(FxRobot robot, ButtonType button) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#quitConfirmation").tryQuery()
                .isPresent()));
        Button pressed = fx(() -> (Button) robot.lookup("#quitConfirmation").queryAs(DialogPane.class)
                .lookupButton(button));
        robot.interact(pressed::fire);
    }

    @Test
    void withAConnectionOpenClosingAsksAndCancelKeepsTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> app.window().selectedTab().model().stateProperty().get()) == ConnectionState.OPEN);
        assertThat(QuitConfirmation.question(1)).get().asString().contains("1 connection is open");

        closeRequest();
        answer(robot, ButtonType.CANCEL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(stage::isShowing)).as("Cancel keeps the window").isTrue();
        assertThat(fx(() -> app.window().selectedTab().model().stateProperty().get())).isEqualTo(ConnectionState.OPEN);

        closeRequest();
        answer(robot, QuitConfirmation.QUIT);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fx(stage::isShowing));
    }

    @Test
    void withNothingOpenTheWindowClosesWithoutAQuestion() throws Exception {
        assertThat(fx(() -> app.window().openConnections())).isZero();
        assertThat(QuitConfirmation.question(0)).isEmpty();
        closeRequest();
        await().atMost(Duration.ofSeconds(10)).until(() -> !fx(stage::isShowing));
    }
}
