package dev.wsinspector.ui.proxy;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The proxy tab on the real app: the app's echo server on loopback as the upstream, a proxy started in its tab,
 * the app's own client tab connected through it; both legs seen, a breakpoint edits one message and drops
 * another, and a message is injected towards the client. Headless window (Monocle).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProxyFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private InspectorApp.AppContext app;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.close();
            dev.wsinspector.testutil.FxFlow.hideOtherWindows(stage);
        }).get(10, TimeUnit.SECONDS);
    }

    private static Node in(javafx.scene.control.Tab tab, String id) {
        Node node = tab.getContent().lookup(id);
        assertThat(node).as(id).isNotNull();
        return node;
    }

    /** Texts of the whole messages on {@code session} going {@code direction}, in order. */
    private static List<String> texts(Session session, Direction direction) throws Exception {
        return fx(() -> {
            FrameStore frames = session.frames();
            List<String> out = new ArrayList<>();
            for (long s = 0; s < frames.size(); s++) {
                if (frames.direction(s) == direction && frames.opcode(s) == Opcode.TEXT) {
                    out.add(new String(frames.get(s).payloadBytes(), StandardCharsets.UTF_8));
                }
            }
            return out;
        });
    }

    private void send(FxRobot robot, ConnectionTab client, String text) {
        robot.interact(() -> {
            client.getTabPane().getSelectionModel().select(client);
            client.composer().modeProperty().set(MessageMode.TEXT);
            client.composer().inputProperty().set(text);
        });
        robot.clickOn(in(client, "#sendButton"));
    }

    private void showProxy(FxRobot robot, ProxyTab proxy) {
        robot.interact(() -> proxy.getTabPane().getSelectionModel().select(proxy));
    }

    @Test
    void bothLegsBreakpointEditDropAndInjectThroughTheAppsOwnClient(FxRobot robot) throws Exception {
        String echo = fx(() -> app.window().selectedTab().model().urlProperty().get());

        // New proxy… → upstream = the echo server → Start: the address to connect to is shown.
        robot.clickOn("#newProxyButton");
        ProxyTab proxy = fx(() -> (ProxyTab) app.window().tabs().getSelectionModel().getSelectedItem());
        robot.interact(() -> {
            ((TextField) in(proxy, "#proxyUpstream")).setText(echo);
            proxy.model().headerRules().add(new HeaderRuleRow(dev.wsinspector.core.proxy.HeaderRule.Side.REQUEST,
                    dev.wsinspector.core.proxy.HeaderRule.Action.SET, "X-Through", "the proxy tab"));
        });
        robot.clickOn(in(proxy, "#proxyToggle"));
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().runningProperty().get()));
        String address = fx(() -> ((TextField) in(proxy, "#proxyAddress")).getText());
        assertThat(address).startsWith("ws://127.0.0.1:").endsWith("/");
        assertThat(fx(() -> in(proxy, "#proxyExposed").isVisible())).isFalse();

        // The app's own client tab connects to the proxy and sends: the echo comes back through it.
        ConnectionTab client = fx(() -> app.window().openTab(address));
        robot.interact(client::connect);
        await().atMost(WAIT).until(() -> fx(() -> client.model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, client, "hello through");
        await().atMost(WAIT).until(() -> texts(client.model().session(), Direction.IN).contains("hello through"));

        // Both legs in the proxy tab: client ↔ proxy and proxy ↔ server, each with the message and its echo.
        showProxy(robot, proxy);
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().clients().size()) == 1);
        await().atMost(WAIT).until(() -> rowsWith(proxy, Leg.CLIENT, "hello through") == 2
                && rowsWith(proxy, Leg.SERVER, "hello through") == 2);
        assertThat(fx(() -> proxy.model().clients().get(0).text())).startsWith("Client 1 · 127.0.0.1:");
        // The upgrade sent upstream carries the rewrite of the tab's table.
        assertThat(fx(() -> proxy.model().shownClient().serverLeg().opened().orElseThrow().handshake()
                .requestHeaders().stream().filter(h -> h.is("X-Through")).map(h -> h.value()).toList()))
                .containsExactly("the proxy tab");

        // The frame read from the client relates to its copy on the server leg, and Go to copy selects it.
        Session clientLeg = fx(() -> proxy.model().shownClient().clientLeg());
        long read = firstSeq(clientLeg, Direction.IN, "hello through");
        robot.interact(() -> proxy.timeline(Leg.CLIENT).goToFrame(read));
        await().atMost(WAIT).until(() -> fx(proxy::pairText).contains("was forwarded as frame"));
        robot.clickOn(in(proxy, "#proxyPairJump"));
        Session serverLeg = fx(() -> proxy.model().shownClient().serverLeg());
        long copy = firstSeq(serverLeg, Direction.OUT, "hello through");
        await().atMost(WAIT).until(() -> fx(() -> proxy.timeline(Leg.SERVER).leadRow()) != null
                && fx(() -> proxy.timeline(Leg.SERVER).leadRow().seq()) == copy);

        // A breakpoint towards the server: a bad expression is marked first, then a good one holds.
        TextField breakField = fx(() -> (TextField) in(proxy, "#breakToServer"));
        robot.clickOn(breakField).write("/edit me/ and");
        robot.type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> fx(() -> ((Label) in(proxy, "#breakToServerError")).getText()).startsWith("at "));
        assertThat(fx(() -> breakField.getStyleClass().contains("filter-invalid"))).isTrue();
        robot.interact(() -> breakField.setText("/edit me/"));
        robot.clickOn(breakField).type(KeyCode.ENTER);
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().breakpoint(Flow.TO_SERVER).activeProperty().get())
                .equals("/edit me/"));
        assertThat(fx(() -> breakField.getStyleClass().contains("filter-invalid"))).isFalse();

        // Held: the window goes on; the message shows with its text, is edited and forwarded; the echo is the edit.
        send(robot, client, "please edit me");
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 1);
        assertThat(fx(proxy::getText)).endsWith("· 1 held");
        showProxy(robot, proxy);
        TextArea editor = fx(() -> (TextArea) in(proxy, "#heldEditor"));
        await().atMost(WAIT).until(() -> fx(editor::getText).equals("please edit me"));
        robot.interact(() -> editor.setText("edited by the proxy"));
        robot.clickOn(in(proxy, "#heldForward"));
        await().atMost(WAIT).until(() -> texts(client.model().session(), Direction.IN).contains("edited by the proxy"));
        assertThat(texts(client.model().session(), Direction.IN)).doesNotContain("please edit me");
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 0);

        // Drop: the server never sees it; a message after it passes (order kept), its echo comes back.
        send(robot, client, "edit me and drop me");
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 1);
        showProxy(robot, proxy);
        robot.clickOn(in(proxy, "#heldDrop"));
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 0);
        send(robot, client, "after the drop");
        await().atMost(WAIT).until(() -> texts(client.model().session(), Direction.IN).contains("after the drop"));
        assertThat(texts(client.model().session(), Direction.IN)).doesNotContain("edit me and drop me");
        assertThat(texts(serverLeg, Direction.OUT)).doesNotContain("edit me and drop me");

        // Inject towards the client: the app's client receives what nobody sent.
        showProxy(robot, proxy);
        robot.clickOn(fx(() -> in(proxy, "#proxyTools").lookupAll(".tab-label").stream()
                .filter(l -> "Inject".equals(((Label) l).getText())).findFirst().orElseThrow()));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Flow> flow = (ChoiceBox<Flow>) in(proxy, "#injectFlow");
            flow.setValue(Flow.TO_CLIENT);
            ((TextArea) in(proxy, "#injectText")).setText("injected hello");
        });
        robot.clickOn(in(proxy, "#injectButton"));
        await().atMost(WAIT).until(() -> texts(client.model().session(), Direction.IN).contains("injected hello"));
        assertThat(texts(serverLeg, Direction.IN)).doesNotContain("injected hello");

        // Stop: the client's connection ends; the captures stay shown.
        robot.clickOn(in(proxy, "#proxyToggle"));
        await().atMost(WAIT).until(() -> fx(() -> client.model().stateProperty().get()) == ConnectionState.CLOSED);
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().runningProperty().get()) == false);
        assertThat(fx(() -> proxy.model().shownClient().clientLeg())).isSameAs(clientLeg);
        assertThat(fx(() -> proxy.timeline(Leg.CLIENT).rows().capturedRowsUnfiltered()))
                .isGreaterThanOrEqualTo(clientLeg.frames().size());
    }

    @Test
    void severalClientsThroughTheProxyArePickedOneAtATime(FxRobot robot) throws Exception {
        String echo = fx(() -> app.window().selectedTab().model().urlProperty().get());
        ProxyTab proxy = fx(() -> app.window().openProxy());
        robot.interact(() -> {
            proxy.model().upstreamProperty().set(echo);
            proxy.model().start();
        });
        String address = fx(() -> proxy.model().addressProperty().get());
        ConnectionTab first = fx(() -> app.window().openTab(address));
        robot.interact(first::connect);
        await().atMost(WAIT).until(() -> fx(() -> first.model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, first, "from the first");
        ConnectionTab second = fx(() -> app.window().openTab(address));
        robot.interact(second::connect);
        await().atMost(WAIT).until(() -> fx(() -> second.model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, second, "from the second");
        await().atMost(WAIT).until(() -> texts(second.model().session(), Direction.IN).contains("from the second"));

        showProxy(robot, proxy);
        await().atMost(WAIT).until(() -> fx(() -> proxy.model().clients().size()) == 2);
        // Quitting asks first: two client tabs open, and both their connections through the proxy.
        assertThat(fx(() -> app.window().openConnections())).isEqualTo(4);
        // The first stays shown while it is open; the picker lists both.
        await().atMost(WAIT).until(() -> rowsWith(proxy, Leg.SERVER, "from the first") == 2);
        assertThat(rowsWith(proxy, Leg.CLIENT, "from the second")).isZero();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<ProxyViewModel.ClientRow> picker =
                fx(() -> (javafx.scene.control.ComboBox<ProxyViewModel.ClientRow>) in(proxy, "#proxyClients"));
        robot.interact(() -> picker.getSelectionModel().select(1));
        await().atMost(WAIT).until(() -> rowsWith(proxy, Leg.CLIENT, "from the second") == 2
                && rowsWith(proxy, Leg.SERVER, "from the second") == 2);
        assertThat(rowsWith(proxy, Leg.CLIENT, "from the first")).isZero();

        // Injected into the client picked: only the second tab receives it.
        robot.interact(() -> {
            proxy.model().inject().flowProperty().set(Flow.TO_CLIENT);
            proxy.model().inject().textProperty().set("only for the second");
            proxy.model().inject().inject();
        });
        await().atMost(WAIT).until(() -> texts(second.model().session(), Direction.IN).contains("only for the second"));
        assertThat(texts(first.model().session(), Direction.IN)).doesNotContain("only for the second");
    }

    private static long rowsWith(ProxyTab proxy, Leg leg, String text) throws Exception {
        return fx(() -> proxy.timeline(leg).shownRows().stream().filter(TimelineRow::isFrame)
                .filter(r -> r.preview().contains(text)).count());
    }

    private static long firstSeq(Session session, Direction direction, String text) throws Exception {
        return fx(() -> {
            FrameStore frames = session.frames();
            for (long s = 0; s < frames.size(); s++) {
                if (frames.direction(s) == direction
                        && new String(frames.get(s).payloadBytes(), StandardCharsets.UTF_8).equals(text)) {
                    return s;
                }
            }
            return -1L;
        });
    }
}
