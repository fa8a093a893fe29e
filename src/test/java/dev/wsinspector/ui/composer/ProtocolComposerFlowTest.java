package dev.wsinspector.ui.composer;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.testutil.TestEchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The composer's Protocol mode as a user drives it, in the real window against a real echo server on loopback:
 * pick Protocol / format and MessagePack, type JSON, click Send; the sent and the echoed binary message both show
 * in the timeline with MessagePack's summary.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolComposerFlowTest {

    private InspectorApp.AppContext app;
    private TestEchoServer server;

    @Start
    void start(Stage stage) throws Exception {
        server = TestEchoServer.launch(false, List.of(), null);
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
        server.stop(1000);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonSentAsMessagePackComesBackDecoded(FxRobot robot) throws Exception {
        robot.interact(() -> tab().model().urlProperty().set(server.uri().toString()));
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);

        Node fields = robot.lookup("#formatFields").query();
        assertThat(fx(fields::isVisible)).as("only in Protocol mode").isFalse();
        robot.interact(() -> robot.lookup("#composerMode").queryAs(ChoiceBox.class).setValue(MessageMode.PROTOCOL));
        assertThat(fx(fields::isVisible)).isTrue();
        robot.interact(() -> robot.lookup("#formatChoice").queryAs(ChoiceBox.class).setValue(MessageFormat.MSGPACK));
        robot.clickOn("#composerEditor").write("{\"sensor\":\"s1\",\"value\":21.5}");
        robot.clickOn("#sendButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream()
                .filter(r -> r.type().equals("binary") && r.summary().contains("map")).count() == 2);
        List<TimelineRow> binary = rows().stream().filter(r -> r.type().equals("binary")).toList();
        assertThat(binary).extracting(TimelineRow::arrow).containsExactly("↑", "↓");
        assertThat(binary.get(0).summary()).isEqualTo(binary.get(1).summary()).startsWith("MessagePack map with 2 keys");
    }
}
