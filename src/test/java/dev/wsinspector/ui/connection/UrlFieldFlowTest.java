package dev.wsinspector.ui.connection;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.testutil.TestEchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.detail.DetailPane;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TabPane;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The URL box of a real tab in a headless stage, against a loopback echo server: history, Enter, Connect. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UrlFieldFlowTest {

    private TestEchoServer server;
    private BackgroundTasks tasks;
    private ConnectionTab tab;
    private String base;

    @Start
    void start(Stage stage) throws Exception {
        server = TestEchoServer.launch(false, List.of(), null);
        base = "ws://127.0.0.1:" + server.getPort();
        tasks = new BackgroundTasks();
        tab = new ConnectionTab(new ViewLoader(Controllers.none()), new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(),
                base + "/aaa"), new DetailPane(tasks));
        stage.setScene(new Scene(new TabPane(tab), 1200, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            tab.model().disconnectNow();
            return null;
        });
        tasks.close();
        server.close();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> urlBox(FxRobot robot) {
        return robot.lookup("#urlField").queryAs(ComboBox.class);
    }

    private ConnectionState awaitSettled() {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            tab.pulse(System.nanoTime());
            ConnectionState s = tab.model().stateProperty().get();
            return s == ConnectionState.OPEN || s == ConnectionState.CLOSED && tab.model().session() != null
                    && tab.model().session().lastFailure().isPresent();
        }));
        return tab.model().stateProperty().get();
    }

    private void type(FxRobot robot, String url) {
        robot.clickOn(urlBox(robot).getEditor());
        robot.interact(() -> urlBox(robot).getEditor().clear());
        robot.write(url);
    }

    @Test
    void aFailedConnectKeepsTheTypedAddressInTheBoxAndTheTitle(FxRobot robot) throws Exception {
        robot.clickOn("#connectButton");
        assertThat(awaitSettled()).isEqualTo(ConnectionState.OPEN);
        robot.clickOn("#connectButton"); // Disconnect
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            tab.pulse(System.nanoTime());
            return tab.model().stateProperty().get() == ConnectionState.CLOSED;
        }));
        robot.interact(() -> urlBox(robot).setValue(base + "/aaa")); // picked from history

        type(robot, "ws://127.0.0.1:1/zzz");
        robot.clickOn("#connectButton");
        awaitSettled();

        assertThat(fx(() -> urlBox(robot).getEditor().getText())).isEqualTo("ws://127.0.0.1:1/zzz");
        assertThat(fx(() -> tab.model().urlProperty().get())).isEqualTo("ws://127.0.0.1:1/zzz");
        assertThat(fx(() -> tab.getText())).isEqualTo("127.0.0.1:1/zzz");
        assertThat(fx(() -> List.copyOf(tab.model().urlHistory()))).containsExactly("ws://127.0.0.1:1/zzz", base + "/aaa");
    }

    @Test
    void pressingEnterInTheUrlBoxConnectsToTheTypedAddress(FxRobot robot) throws Exception {
        type(robot, base + "/typed");
        robot.type(KeyCode.ENTER);

        assertThat(awaitSettled()).isEqualTo(ConnectionState.OPEN);
        assertThat(fx(() -> tab.model().session().opened().orElseThrow().url())).endsWith("/typed");
        assertThat(fx(() -> tab.getText())).endsWith("/typed");

        type(robot, base + "/again");
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            tab.pulse(System.nanoTime());
            return tab.model().stateProperty().get() == ConnectionState.OPEN
                    && tab.model().session().opened().orElseThrow().url().endsWith("/again");
        }));
    }
}
