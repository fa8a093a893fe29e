package dev.wsinspector.ui.common;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An exception on the FX thread, in the real window: one readable error window, and the app carries on. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ErrorReporterTest {

    private InspectorApp.AppContext app;
    private ErrorReporter reporter;
    private Thread.UncaughtExceptionHandler fxHandlerBefore;
    private Thread.UncaughtExceptionHandler defaultHandlerBefore;

    @Start
    void start(Stage stage) {
        fxHandlerBefore = Thread.currentThread().getUncaughtExceptionHandler();
        defaultHandlerBefore = Thread.getDefaultUncaughtExceptionHandler();
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
        reporter = new ErrorReporter(() -> "WS Inspector test\nJava: " + System.getProperty("java.version") + "\n",
                "The log is /tmp/test.log.").install();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(fxHandlerBefore);
            Thread.setDefaultUncaughtExceptionHandler(defaultHandlerBefore);
            if (reporter.window() != null) {
                reporter.window().stage().close();
            }
            app.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private void throwOnFxThread(String message) {
        Platform.runLater(() -> {
            throw new IllegalStateException(message, new ArithmeticException("root cause " + message));
        });
    }

    private void awaitReports(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> reporter.window() != null
                && reporter.window().isShowing() && reporter.window().reports() == count));
    }

    @Test
    void anExceptionOnTheFxThreadShowsItsDetailsAndTheAppStaysUsable(FxRobot robot) throws Exception {
        throwOnFxThread("boom");
        awaitReports(1);

        assertThat(robot.lookup("#errorHeadline").queryAs(Label.class).getText()).isEqualTo("Something went wrong");
        assertThat(robot.lookup("#errorMessage").queryAs(Label.class).getText())
                .isEqualTo("ArithmeticException: root cause boom");
        assertThat(robot.lookup("#errorHint").queryAs(Label.class).getText()).contains("/tmp/test.log");
        String details = robot.lookup("#errorDetails").queryAs(TextArea.class).getText();
        assertThat(details).contains("WS Inspector test", "Java: ", "Thread: JavaFX Application Thread",
                "java.lang.IllegalStateException: boom", "Caused by: java.lang.ArithmeticException", "\tat ");

        robot.clickOn("#copyDetailsButton");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString()))
                .contains("Something went wrong", "IllegalStateException: boom");

        robot.clickOn("#closeErrorButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> !reporter.window().isShowing()));

        int tabsBefore = fx(() -> app.window().tabs().getTabs().size());
        robot.clickOn("#newTabButton");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx(() -> app.window().tabs().getTabs().size()) == tabsBefore + 1);
    }

    @Test
    void aBurstOfErrorsGivesOneWindowWithACount(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            throwOnFxThread("burst " + i);
        }
        awaitReports(3);
        assertThat(robot.lookup("#errorHeadline").queryAs(Label.class).getText()).endsWith("(3 errors)");
        assertThat(robot.lookup("#errorWindow").queryAll()).hasSize(1);
        assertThat(fx(() -> reporter.window().detailsText())).contains("burst 0", "burst 1", "burst 2");
    }

    @Test
    void errorsOnOtherThreadsAreReportedToo() throws Exception {
        Thread worker = new Thread(() -> {
            throw new UnsupportedOperationException("from a worker");
        }, "test-worker");
        worker.start();
        worker.join(5000);
        awaitReports(1);
        assertThat(fx(() -> reporter.window().detailsText())).contains("Thread: test-worker", "from a worker");
    }
}
