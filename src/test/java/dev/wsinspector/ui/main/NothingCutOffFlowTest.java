package dev.wsinspector.ui.main;

import dev.wsinspector.testutil.FxFlow;
import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, "Nothing cut off": at 1280×720 and 1024×640, in both themes, with no sidebar, the Profiles or the
 * Sessions sidebar, on a connected tab with a frame in the detail pane, on a stored session and on a new tab, no label, button,
 * combo value, tab or column header, and no status item is shortened with an ellipsis or pushed out of its tab
 * header or tool bar. Previews, the detail pane's content, the timeline's Preview cells and long error texts
 * may be cut (their whole text is a click away). Also: the Connect button stays put when the state changes.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class NothingCutOffFlowTest {

    @TempDir
    Path dataDir;

    private Stage stage;
    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (app != null) {
                app.close();
            }
            dev.wsinspector.testutil.FxFlow.hideOtherWindows(stage);
        }).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    @SuppressWarnings("unchecked")
    private ListView<SessionRow> sessionList(FxRobot robot) {
        return robot.lookup("#sessionList").queryAs(ListView.class);
    }

    /** Connects the selected tab and sends {@code texts} from its composer (with two tabs, ids are not unique). */
    private void connectAndSend(FxRobot robot, String... texts) {
        robot.interact(() -> tab().connect());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        for (String text : texts) {
            robot.interact(() -> {
                tab().composer().modeProperty().set(MessageMode.TEXT);
                tab().composer().inputProperty().set(text);
                tab().composer().send();
            });
        }
        long frames = texts.length * 2L;
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().model().session().frames().size()) >= frames);
    }

    @Test
    void noTextIsCutAtEitherSizeInEitherThemeWithAnySidebar(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        // A session to reopen: connect, send, close.
        connectAndSend(robot, "{\"op\":\"subscribe\",\"channel\":\"ticker\"}", "hello");
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.CLOSED);
        ConnectionTab live = fx(this::tab);

        FxFlow.clickWhenShown(robot, "#sessionsToggle");
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> sessionList(robot).getItems().size()) >= 1);
        robot.interact(() -> sessionList(robot).getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#openSessionButton").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(30)).until(() -> fx(() -> tab() != live
                && tab().model().storedSessionProperty().get() != null
                && tab().timeline().rows() != null && tab().timeline().rows().reachableRows() > 0));
        ConnectionTab stored = fx(this::tab);

        // The first tab again, connected, with a frame in the detail pane.
        robot.interact(() -> app.window().tabs().getSelectionModel().select(live));
        connectAndSend(robot, "{\"op\":\"subscribe\",\"channel\":\"trades\",\"depth\":25}", "again");
        robot.interact(() -> live.timeline().selectIndex(live.timeline().shownRows().size() - 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> live.detailPane().viewModel().showingProperty().get()));


        // And an empty tab, never connected (its placeholder texts, Connect and the stateless bar).
        ConnectionTab fresh = fx(() -> app.window().openTab("ws://127.0.0.1:9/a-rather-long/path/to/some/feed?x=1"));

        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 720}, {1024, 640}}) {
            for (boolean dark : new boolean[] {false, true}) {
                for (String sidebar : new String[] {"none", "profilesToggle", "sessionsToggle"}) {
                    for (ConnectionTab shown : List.of(live, stored, fresh)) {
                        robot.interact(() -> {
                            stage.setWidth(size[0]);
                            stage.setHeight(size[1]);
                            dev.wsinspector.testutil.FxFlow.themeItem(robot, dark
                                    ? dev.wsinspector.core.settings.ThemeChoice.DARK
                                    : dev.wsinspector.core.settings.ThemeChoice.LIGHT).setSelected(true);
                            for (String id : List.of("profilesToggle", "sessionsToggle")) {
                                robot.lookup("#" + id).queryAs(ToggleButton.class).setSelected(id.equals(sidebar));
                            }
                            app.window().tabs().getSelectionModel().select(shown);
                        });
                        settle();
                        String where = size[0] + "×" + size[1] + (dark ? " dark" : " light") + ", sidebar " + sidebar
                                + ", " + (shown == live ? "connected tab" : shown == stored ? "stored session" : "new tab");
                        for (String cut : fx(() -> clipped(stage.getScene().getRoot()))) {
                            problems.add(where + ": " + cut);
                        }
                    }
                }
            }
        }
        assertThat(problems).as("cut-off texts").isEmpty();
        assertThat(fx(() -> live.getText())).as("two tabs on one address are told apart")
                .isNotEqualTo(fx(() -> stored.getText()));
    }

    /**
     * The tools pane beside the timeline, with saved messages whose names are long: the names may give way, their
     * type and "on connect" badges may not. With the Profiles sidebar too, the most crowded layout there is.
     */
    @Test
    void savedMessagesKeepTheirBadgesBesideTheSidebar(FxRobot robot) throws Exception {
        dev.wsinspector.core.profile.ProfileRepository repository = new dev.wsinspector.core.profile.ProfileRepository(dataDir);
        repository.reload();
        repository.create(dev.wsinspector.core.profile.ConnectionProfile.of("Market feed", "ws://127.0.0.1:9/feed")
                .withMessages(List.of(
                        dev.wsinspector.core.profile.SavedMessage.text("subscribe to every trade of the day", "{\"op\":1}")
                                .withType(MessageMode.JSON).withSendOnConnect(true),
                        dev.wsinspector.core.profile.SavedMessage.text("a text message with a rather long name", "x"))));
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().profiles().size()) == 1);
        robot.interact(() -> {
            app.window().openProfile(app.window().profiles().profiles().get(0));
            tab().showTool("Messages");
        });
        assertThat(cutBesideTheSidebar(robot, () -> robot.lookup(".message-auto").queryAll().stream()
                .anyMatch(Node::isVisible))).as("cut-off texts").isEmpty();
    }

    /**
     * The Conformance panel in the tools pane after a run against the app's echo server (every row with its verdict,
     * RFC section, expected and observed, and Frames), beside the Profiles sidebar: its texts wrap, none is cut,
     * and the pane's three tool tabs fit their header.
     */
    @Test
    void theConformancePanelFitsBesideTheSidebar(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        robot.interact(() -> tab().showTool("Conformance"));
        robot.interact(() -> robot.lookup("#runConformance").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(120)).until(() -> fx(() -> !robot.lookup("#runConformance")
                .queryAs(Button.class).isDisabled() && robot.lookup(".conformance-case.case-pass").tryQuery().isPresent()));
        assertThat(cutBesideTheSidebar(robot, () -> robot.lookup(".case-frames").queryAll().stream()
                .anyMatch(Node::isVisible))).as("cut-off texts").isEmpty();
    }

    /**
     * The Charts panel in the tools pane, counting a connection to the app's echo server, beside the Profiles
     * sidebar: its chart choice, PNG… and CSV… and status fit, and the pane's four tool tabs fit their header.
     */
    @Test
    void theChartsPanelFitsBesideTheSidebar(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        connectAndSend(robot, "one", "two");
        robot.interact(() -> tab().showTool("Charts"));
        await().atMost(Duration.ofSeconds(20)).until(() -> fx(() -> tab().charts().snapshotProperty().get().frames())
                >= 4);
        assertThat(cutBesideTheSidebar(robot, () -> robot.lookup("#trafficChart").query().isVisible()))
                .as("cut-off texts").isEmpty();
    }

    /**
     * The proxy tab (issue 16) running, the app's own client through it, a message held, the warnings for a
     * non-loopback listen address and an unverified upstream shown, beside the Profiles sidebar: nothing is cut.
     */
    @Test
    void theProxyTabFitsBesideTheSidebar(FxRobot robot) throws Exception {
        // A cold start on a busy machine can take longer than fx's 10 s.
        app = WaitForAsyncUtils.asyncFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(),
                new LocalEchoServer(), false, false, dataDir)).get(60, TimeUnit.SECONDS);
        String echo = fx(() -> tab().model().urlProperty().get());
        dev.wsinspector.ui.proxy.ProxyTab proxy = fx(() -> app.window().openProxy());
        robot.interact(() -> {
            proxy.model().upstreamProperty().set(echo);
            proxy.model().start();
            proxy.model().breakpoint(dev.wsinspector.core.proxy.Flow.TO_SERVER).expressionProperty().set("/held/");
            proxy.model().breakpoint(dev.wsinspector.core.proxy.Flow.TO_SERVER).apply();
        });
        ConnectionTab client = fx(() -> app.window().openTab(proxy.model().addressProperty().get()));
        connectAndSend(robot, "hello through the proxy");
        robot.interact(() -> {
            client.composer().inputProperty().set("{\"op\":\"held\",\"id\":7}");
            client.composer().send();
            app.window().tabs().getSelectionModel().select(proxy);
            proxy.model().insecureProperty().set(true); // the warnings' texts, as when set before Start
            proxy.model().hostProperty().set("0.0.0.0");
            proxy.model().upstreamProperty().set("wss://example.com/feed");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 1);
        assertThat(cutBesideTheSidebar(robot, () -> proxy.getContent().lookup("#heldEditor").isVisible()
                && proxy.getContent().lookup("#proxyUnverified").isVisible()
                && proxy.getContent().lookup("#proxyExposed").isVisible())).as("cut-off texts").isEmpty();
    }

    /** A mock server tab with a rule, beside the Profiles sidebar: its form, rules table and rule editor fit. */
    @Test
    void theMockServerTabFitsBesideTheSidebar(FxRobot robot) throws Exception {
        app = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> InspectorApp.AppContext.start(stage,
                new JwsConnectionService(), new LocalEchoServer(), false, false, dataDir))
                .get(60, java.util.concurrent.TimeUnit.SECONDS); // a first start on a loaded machine
        dev.wsinspector.testutil.FxFlow.clickWhenShown(robot, "#mockServerMenu");
        dev.wsinspector.testutil.FxFlow.clickWhenShown(robot, "#newMockServer");
        dev.wsinspector.testutil.FxFlow.clickWhenShown(robot, "#addRule");
        assertThat(cutBesideTheSidebar(robot, () -> robot.lookup("#rulesTable").query().isVisible()))
                .as("cut-off texts").isEmpty();
    }

    @Test
    void theConnectButtonStaysPutWhenTheStateChanges(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(640);
        });
        settle();
        double before = connectX(robot);
        connectAndSend(robot, "hello");
        settle();
        assertThat(connectX(robot)).as("open").isEqualTo(before);
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.CLOSED);
        settle();
        assertThat(connectX(robot)).as("closed (1000 Normal Closure)").isEqualTo(before);
    }

    private double connectX(FxRobot robot) throws Exception {
        return fx(() -> {
            Node connect = robot.lookup("#connectButton").query();
            return connect.localToScene(connect.getLayoutBounds()).getMinX();
        });
    }

    /** Lets CSS, layout and a few pulses run (a resize lays out over more than one pulse). */
    /**
     * Texts cut at 1280×720 and 1024×640, light and dark, with the Profiles sidebar open; {@code onScreen} must hold
     * at each (what the case shows is really there).
     */
    private List<String> cutBesideTheSidebar(FxRobot robot, java.util.concurrent.Callable<Boolean> onScreen)
            throws Exception {
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][] {{1280, 720}, {1024, 640}}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    dev.wsinspector.testutil.FxFlow.themeItem(robot, dark
                            ? dev.wsinspector.core.settings.ThemeChoice.DARK
                            : dev.wsinspector.core.settings.ThemeChoice.LIGHT).setSelected(true);
                    robot.lookup("#profilesToggle").queryAs(ToggleButton.class).setSelected(true);
                });
                settle();
                assertThat(fx(onScreen)).as("on screen at %d×%d", size[0], size[1]).isTrue();
                for (String cut : fx(() -> clipped(stage.getScene().getRoot()))) {
                    problems.add(size[0] + "×" + size[1] + (dark ? " dark" : " light") + ": " + cut);
                }
            }
        }
        return problems;
    }

    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.concurrent.CountDownLatch pulses = new java.util.concurrent.CountDownLatch(3);
        javafx.animation.AnimationTimer counter = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.countDown();
            }
        };
        javafx.application.Platform.runLater(counter::start);
        try {
            assertThat(pulses.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("three pulses ran").isTrue();
        } finally {
            javafx.application.Platform.runLater(counter::stop);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every visible text under {@code root} that is cut (one line each: what it is and what it shows). */
    static List<String> clipped(Parent root) {
        root.applyCss();
        root.layout();
        Set<String> found = new LinkedHashSet<>();
        Bounds window = root.localToScene(root.getLayoutBounds());
        walk(root, window, found);
        return new ArrayList<>(found);
    }

    private static void walk(Node node, Bounds window, Set<String> found) {
        if (!node.isVisible() || mayBeCut(node)) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, window, found);
        }
        if (node instanceof ComboBox<?> combo && combo.isEditable() && !"urlField".equals(combo.getId())) {
            checkField(combo, combo.getEditor(), found);
        }
        if (node.getStyleClass().contains("tab-header-area")) {
            checkTabHeaders((Parent) node, found);
        }
        if (node.getStyleClass().contains("tool-bar-overflow-button")) {
            found.add("tool bar overflows: " + describe(node.getParent()));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, window, found);
            }
        }
    }

    /** What may be cut: user data whose whole text is a click or a hover away. */
    private static boolean mayBeCut(Node node) {
        String id = node.getId();
        if (id != null && switch (id) {
            case "connectionError", "composerPreview", "statusNotice", "serverStatus", "sessionError" -> true;
            default -> false;
        }) {
            return true;
        }
        List<String> classes = node.getStyleClass();
        return classes.contains("col-preview") && classes.contains("table-cell")
                || classes.contains("detail-tabs") && classes.contains("tab-content-area")
                || classes.contains("tab-content-area") && node.getParent() != null
                        && node.getParent().getStyleClass().contains("detail-tabs")
                || classes.contains("detail-summary")
                || classes.contains("session-title") || classes.contains("session-url")
                || classes.contains("message-name") || classes.contains("message-preview");
    }

    private static void check(Labeled labeled, Bounds window, Set<String> found) {
        String text = labeled.getText();
        if (text == null || text.isEmpty() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY
                || labeled.getWidth() <= 0) {
            return;
        }
        Text shown = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                shown = t;
            }
        }
        if (shown == null) {
            return;
        }
        boolean cut = !text.equals(shown.getText()) || !shown.isVisible()
                || labeled.getTextOverrun() != OverrunStyle.CLIP && shown.getText().endsWith(labeled.getEllipsisString())
                        && !text.endsWith(labeled.getEllipsisString());
        Bounds b = labeled.localToScene(labeled.getLayoutBounds());
        boolean outside = b.getMaxX() > window.getMaxX() + 0.5 || b.getMinX() < window.getMinX() - 0.5
                || b.getMaxY() > window.getMaxY() + 0.5 || b.getMinY() < window.getMinY() - 0.5;
        Node clippedBy = clippingAncestor(labeled, b);
        if (cut) {
            found.add("cut: " + describe(labeled) + " shows '" + shown.getText() + "'");
        } else if (outside) {
            found.add("outside the window: " + describe(labeled));
        } else if (clippedBy != null) {
            found.add("cut off by its container: " + describe(labeled) + " reaches past " + describe(clippedBy));
        }
    }

    /**
     * The ancestor whose clip hides part of {@code bounds} (a split pane's item, a tab's content, a sidebar): text
     * that is laid out wider or taller than the room it gets is cut there without any ellipsis. A scroll pane's
     * viewport and a table's header row (which scrolls with the table's columns) do not count: what they hide is a
     * scroll away.
     */
    private static Node clippingAncestor(Node node, Bounds bounds) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("viewport") || p.getStyleClass().contains("clipped-container")
                    || p instanceof javafx.scene.control.ScrollPane || p.getStyleClass().contains("virtual-flow")
                    || p.getStyleClass().contains("column-header-background")) {
                return null;
            }
            Node clip = p.getClip();
            if (clip != null) {
                Bounds room = p.localToScene(clip.getBoundsInParent());
                if (bounds.getMaxX() > room.getMaxX() + 0.5 || bounds.getMinX() < room.getMinX() - 0.5
                        || bounds.getMaxY() > room.getMaxY() + 0.5 || bounds.getMinY() < room.getMinY() - 0.5) {
                    return p;
                }
            }
        }
        return null;
    }

    private static void checkField(ComboBox<?> combo, TextField editor, Set<String> found) {
        String text = editor.getText();
        if (text == null || text.isEmpty() || editor.getWidth() <= 0) {
            return;
        }
        Text measure = new Text(text);
        measure.setFont(editor.getFont());
        double room = editor.getWidth() - editor.snappedLeftInset() - editor.snappedRightInset();
        if (measure.getLayoutBounds().getWidth() > room + 0.5) {
            found.add("cut: " + describe(combo) + " shows part of '" + text + "'");
        }
    }

    /** Tabs that do not fit their header area: the overflow menu appears, or a header is cut at its end. */
    private static void checkTabHeaders(Parent area, Set<String> found) {
        Bounds areaBounds = area.localToScene(area.getLayoutBounds());
        for (Node down : area.lookupAll(".control-buttons-tab")) {
            if (down.isVisible() && down instanceof Parent p && p.lookupAll(".tab-down-button").stream()
                    .anyMatch(Node::isVisible)) {
                found.add("tab overflow menu shown: " + describe(area.getParent()));
            }
        }
        for (Node tab : area.lookupAll(".tab")) {
            if (tab.isVisible()) {
                Bounds b = tab.localToScene(tab.getLayoutBounds());
                if (b.getMaxX() > areaBounds.getMaxX() + 0.5) {
                    Labeled label = (Labeled) tab.lookup(".tab-label");
                    found.add("tab header cut: " + (label == null ? describe(tab) : describe(label)) + " in "
                            + describe(area.getParent()));
                }
            }
        }
    }

    private static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        node.getStyleClass().forEach(c -> s.append('.').append(c));
        if (node instanceof Labeled l) {
            s.append(" '").append(l.getText()).append('\'');
        }
        // The nearest ancestor with an id says where it is.
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                s.append(" in #").append(p.getId());
                break;
            }
        }
        return s.toString();
    }
}
