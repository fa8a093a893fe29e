package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Find in capture (Ctrl+F) on the real app: echo server on loopback, real connection, headless window. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindInCaptureFlowTest {

    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private void send(FxRobot robot, String input) throws Exception {
        long before = fx(() -> tab().timeline().rows().reachableRows());
        sendFromComposer(robot, MessageMode.TEXT, input);
        // The frame out and its echo, before the next message, so the rows come in a known order.
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().timeline().rows().reachableRows()) >= before + 2);
    }

    private TimelineRow selected() throws Exception {
        return fx(() -> tab().timeline().leadRow());
    }

    private String status() throws Exception {
        return fx(() -> ((Label) tab().getContent().lookup("#findStatus")).getText());
    }

    private TimelineRow awaitSelectedFrame(long seq) {
        await().atMost(Duration.ofSeconds(10)).until(() -> selected() != null && selected().seq() == seq);
        return WaitForAsyncUtils.waitForAsyncFx(10_000, () -> tab().timeline().leadRow());
    }

    @Test
    void ctrlFFindsTheSentFrameThenItsEchoAndSaysWhenNothingMatches(FxRobot robot) throws Exception {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, "alpha one");
        send(robot, "bravo two");
        send(robot, "charlie three");
        // Not even built until asked for (the window starts with less to style).
        assertThat(fx(() -> tab().getContent().lookup("#findBar"))).isNull();

        // Focus is on the Send button, inside the tab: Ctrl+F opens the find bar with its field focused.
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            Node bar = tab().getContent().lookup("#findBar");
            return bar != null && bar.isVisible()
                    && ((TextField) tab().getContent().lookup("#findField")).isFocused();
        }));
        Node findBar = fx(() -> tab().getContent().lookup("#findBar"));
        robot.write("BRAVO");
        robot.type(KeyCode.ENTER);

        // Frames: 0/1 alpha out/in, 2/3 bravo out/in, 4/5 charlie out/in.
        TimelineRow out = awaitSelectedFrame(2);
        assertThat(out.arrow()).isEqualTo("↑");
        assertThat(out.preview()).isEqualTo("bravo two");
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("frame #2"));

        robot.type(KeyCode.ENTER);
        TimelineRow echo = awaitSelectedFrame(3);
        assertThat(echo.arrow()).isEqualTo("↓");
        assertThat(echo.preview()).isEqualTo("bravo two");
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("frame #3"));

        // Once more: past the end and round to the sent frame again.
        robot.type(KeyCode.ENTER);
        awaitSelectedFrame(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("frame #2 (wrapped)"));

        // Shift+Enter goes back (wrapping to the echo).
        robot.press(KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT);
        awaitSelectedFrame(3);

        robot.interact(() -> ((TextField) tab().getContent().lookup("#findField")).setText("zulu"));
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> status().equals("no match"));
        assertThat(selected().seq()).isEqualTo(3);

        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(10)).until(() -> !fx(findBar::isVisible));
    }
}
