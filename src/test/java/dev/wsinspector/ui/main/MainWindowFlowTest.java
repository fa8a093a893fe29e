package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.detail.DetailView;
import dev.wsinspector.ui.timeline.TimelineRow;
import dev.wsinspector.ui.timeline.TimelineView;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desktop flows of a first session, on the real app wiring: the embedded echo server on loopback, the real
 * connection engine, the real window (headless Monocle).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MainWindowFlowTest {

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

    private TimelineView timeline() {
        return tab().timeline();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(timeline().shownRows()));
    }

    private void connect(FxRobot robot) {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
    }

    private void send(FxRobot robot, MessageMode mode, String input) {
        sendFromComposer(robot, mode, input);
    }

    private void awaitRows(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().size() >= count);
    }

    @Test
    void tabsWithTheSameTitleAreToldApart(FxRobot robot) throws Exception {
        String url = "ws://127.0.0.1:1/feed";
        List<ConnectionTab> opened = fx(() -> List.of(app.window().openTab(url), app.window().openTab(url),
                app.window().openTab("ws://127.0.0.1:1/other"), app.window().openTab(url)));
        assertThat(fx(() -> opened.stream().map(ConnectionTab::getText).toList()))
                .containsExactly("127.0.0.1:1/feed", "127.0.0.1:1/feed (2)", "127.0.0.1:1/other", "127.0.0.1:1/feed (3)");

        robot.interact(() -> app.window().tabs().getTabs().remove(opened.get(0)));
        assertThat(fx(() -> opened.get(1).getText())).as("the first of its title again").isEqualTo("127.0.0.1:1/feed");
        assertThat(fx(() -> opened.get(3).getText())).isEqualTo("127.0.0.1:1/feed (2)");

        robot.interact(() -> opened.get(2).model().urlProperty().set(url));
        assertThat(fx(() -> opened.get(2).getText())).as("a tab that takes a title in use").isEqualTo("127.0.0.1:1/feed (2)");
        assertThat(fx(() -> opened.get(3).getText())).isEqualTo("127.0.0.1:1/feed (3)");
    }

    @Test
    void firstRunConnectsToTheEmbeddedEchoServerAndShowsTheRoundTrip(FxRobot robot) throws Exception {
        assertThat(fx(() -> tab().model().urlProperty().get())).startsWith("ws://127.0.0.1:");
        assertThat(robot.lookup("#serverStatus").queryAs(Label.class).getText()).contains("ws://127.0.0.1:");

        connect(robot);
        send(robot, MessageMode.TEXT, "hello inspector");
        awaitRows(4);

        List<TimelineRow> rows = rows();
        assertThat(rows).extracting(TimelineRow::type).containsExactly("connecting", "open", "text", "text");
        assertThat(rows.get(2).arrow()).isEqualTo("↑");
        assertThat(rows.get(3).arrow()).isEqualTo("↓");
        assertThat(rows.get(3).preview()).isEqualTo("hello inspector");
        assertThat(rows.get(2).styleClass()).contains("frame-out");
        assertThat(rows.get(3).styleClass()).contains("frame-in");
    }

    @Test
    void theStatusBarCountsTheSelectedTabsFramesUntilNoTabIsLeft(FxRobot robot) throws Exception {
        connect(robot);
        send(robot, MessageMode.TEXT, "hello inspector");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> statusText(robot, "#frameCounts"))
                .equals("In 1 frames · 15 B   Out 1 frames · 15 B"));
        assertThat(fx(() -> statusText(robot, "#captureMemory"))).startsWith("Captures: ");

        robot.interact(() -> app.window().tabs().getTabs().clear());

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> statusText(robot, "#frameCounts")).isEmpty());
        assertThat(fx(() -> robot.lookup("#frameRates").queryAs(Label.class).isVisible())).isFalse();
    }

    private static String statusText(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theEchoServerPanelIsLoadedWhenFirstShownAndKeptWhenPutAway(FxRobot robot) throws Exception {
        assertThat(fx(() -> app.window().root().getRight())).isNull();

        robot.clickOn("#serverPanelToggle");
        javafx.scene.Node panel = fx(() -> app.window().root().getRight());
        assertThat(panel).isNotNull();
        assertThat(panel.getId()).isEqualTo("serverPanel");

        robot.clickOn("#serverPanelToggle");
        assertThat(fx(() -> app.window().root().getRight())).isNull();
        robot.clickOn("#serverPanelToggle");
        assertThat(fx(() -> app.window().root().getRight())).as("loaded once").isSameAs(panel);
    }

    @Test
    void selectingAJsonMessageShowsItPrettyPrinted(FxRobot robot) throws Exception {
        connect(robot);
        send(robot, MessageMode.JSON, "{\"op\":\"subscribe\",\"ids\":[1,2]}");
        awaitRows(4);

        robot.interact(() -> timeline().selectIndex(3));
        DetailPane detail = robot.lookup(".detail-pane").queryAs(DetailPane.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> detail.viewModel().getSelectedView()) == DetailView.JSON
                && detail.viewModel().jsonContentProperty().get() != null);
        String pretty = fx(() -> detail.viewModel().jsonContentProperty().get().text());
        assertThat(pretty).contains("\"op\" : \"subscribe\"").contains("\n");
    }

    @Test
    void anEchoedJsonRpcRequestOpensInTheProtocolView(FxRobot robot) throws Exception {
        connect(robot);
        send(robot, MessageMode.TEXT, "{\"jsonrpc\":\"2.0\",\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"],\"id\":42}");
        awaitRows(4);

        robot.interact(() -> timeline().selectIndex(3));
        DetailPane detail = robot.lookup(".detail-pane").queryAs(DetailPane.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> detail.viewModel().getSelectedView()) == DetailView.PROTOCOL);
        assertThat(fx(() -> detail.viewModel().protocolProperty().get().summary())).isEqualTo("request #42 eth_subscribe");
        assertThat(fx(() -> robot.lookup(".protocol-title").queryLabeled().getText()))
                .isEqualTo("JSON-RPC 2.0 · request #42 eth_subscribe");
        assertThat(fx(() -> detail.viewModel().getProtocolFields().stream().map(f -> f.name() + "=" + f.value()).toList()))
                .contains("Kind=request", "Method=eth_subscribe", "Id=42");
    }

    @Test
    void aBinaryFrameOpensInHex(FxRobot robot) throws Exception {
        connect(robot);
        send(robot, MessageMode.HEX, "00 01 02 fe ff");
        awaitRows(4);

        assertThat(rows().get(3).type()).isEqualTo("binary");
        robot.interact(() -> timeline().selectIndex(3));
        DetailPane detail = robot.lookup(".detail-pane").queryAs(DetailPane.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> detail.viewModel().getSelectedView()) == DetailView.HEX
                && detail.viewModel().hexDumpProperty().get() != null);
        assertThat(fx(() -> detail.viewModel().hexDumpProperty().get().line(0))).contains("00 01 02 fe ff");
    }

    @Test
    void aRefusedConnectionShowsItsMessageInTheTimeline(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        robot.interact(() -> tab().model().urlProperty().set("ws://127.0.0.1:" + closedPort + "/"));
        robot.clickOn("#connectButton");

        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().anyMatch(r -> r.type().equals("error")));
        TimelineRow error = rows().stream().filter(r -> r.type().equals("error")).findFirst().orElseThrow();
        assertThat(error.preview()).containsIgnoringCase("refused");
        assertThat(error.styleClass()).contains("event-error");
        assertThat(fx(() -> tab().model().stateProperty().get())).isEqualTo(ConnectionState.CLOSED);
        assertThat(robot.lookup("#connectionError").queryAs(Label.class).getText()).containsIgnoringCase("refused");
    }

    @Test
    void pauseKeepsCapturingWhileTheListStaysStill(FxRobot robot) throws Exception {
        connect(robot);
        send(robot, MessageMode.TEXT, "before pause");
        awaitRows(4);

        robot.clickOn("#pauseButton");
        int shown = rows().size();
        for (int i = 0; i < 3; i++) {
            send(robot, MessageMode.TEXT, "while paused " + i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> tab().model().session().frames().size() >= 8);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> robot.lookup("#pendingLabel").queryAs(Label.class).getText().equals("6 new"));
        assertThat(rows()).hasSize(shown);

        robot.clickOn("#pauseButton");
        awaitRows(shown + 6);
        assertThat(rows().get(rows().size() - 1).preview()).isEqualTo("while paused 2");
        assertThat(robot.lookup("#pendingLabel").queryAs(Label.class).getText()).isEmpty();
    }
}
