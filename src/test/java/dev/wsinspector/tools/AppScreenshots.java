package dev.wsinspector.tools;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.settings.ThemeChoice;
import dev.wsinspector.testutil.FxFlow;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.awaitility.Awaitility.await;

/**
 * Not a test: draws the real window (headless Monocle, software renderer) with a stored session open and writes
 * PNGs, for the docs and for looking at the layout. The data directory must hold one session
 * ({@code -Dshots.data=DIR}, made by {@code tools/MakeSession.java}); PNGs go to {@code -Dshots.out} (default
 * target/shots). The live-session shots use the default 1280×800 headless screen, the others a larger one.
 * <pre>
 * ./mvnw -B test -Dtest=AppScreenshots -Dsurefire.failIfNoSpecifiedTests=false -Dshots.data=/tmp/shots/data \
 *     -Dheadless.geometry=1920x1200-32 (in the argLine)
 * </pre>
 */
@ExtendWith(ApplicationExtension.class)
class AppScreenshots {

    private Stage stage;
    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get();
    }

    /** A cold start on a busy machine can take longer than {@code fx}'s 10 s. */
    private static <T> T slowFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        // A resize reaches the scene a pulse late, and some views size themselves from the last layout (the
        // address box takes a share of the bar): lay out twice at the new size before the picture.
        for (int i = 0; i < 2; i++) {
            fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        Thread.sleep(400); // let the pulse paint (a picture, not a test: no condition to wait for)
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path dir = Path.of(System.getProperty("shots.out", "target/shots"));
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }

    @Test
    void storedSessionInBothThemesAndSizes(FxRobot robot) throws Exception {
        Path data = Path.of(System.getProperty("shots.data"));
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        robot.clickOn("#sessionsToggle");
        ListView<SessionRow> list = robot.lookup("#sessionList").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> list.getItems().size()) >= 1);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.interact(() -> robot.lookup("#openSessionButton").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> app.window().selectedTab() != null
                && app.window().selectedTab().model().storedSessionProperty().get() != null));
        ConnectionTab tab = fx(() -> app.window().selectedTab());
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> tab.timeline().rows() != null
                && tab.timeline().rows().reachableRows() > 0));
        long seq = Long.getLong("shots.seq", 1_234_567);
        robot.interact(() -> tab.timeline().goToFrame(seq));
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}, {1024, 640}}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    FxFlow.themeItem(robot, dark ? ThemeChoice.DARK : ThemeChoice.LIGHT).setSelected(true);
                });
                shoot("session-" + size[0] + "x" + size[1] + (dark ? "-dark" : "-light"));
            }
        }
        robot.interact(() -> robot.lookup("#sessionsToggle").queryAs(ToggleButton.class).fire());
        shoot("session-1024x640-dark-nosidebar");
    }

    @Test
    void liveEchoSession(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().selectedTab().model().stateProperty()
                .get()) == dev.wsinspector.core.session.ConnectionState.OPEN);
        String[] messages = {"{\"op\":\"subscribe\",\"channel\":\"trades\",\"symbols\":[\"WSI\",\"NVDA\"]}",
                "hello from WS Inspector", "{\"op\":\"ping\",\"id\":42}"};
        for (String message : messages) {
            dev.wsinspector.testutil.FxFlow.sendFromComposer(robot,
                    message.startsWith("{") ? dev.wsinspector.core.compose.MessageMode.JSON
                            : dev.wsinspector.core.compose.MessageMode.TEXT, message);
        }
        robot.clickOn("#pingButton");
        ConnectionTab tab = fx(() -> app.window().selectedTab());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.timeline().rows().reachableRows()) >= 10);
        robot.interact(() -> tab.timeline().goToFrame(1));
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                FxFlow.themeItem(robot, dark ? ThemeChoice.DARK : ThemeChoice.LIGHT).setSelected(true);
            });
            shoot("live-1280x720" + (dark ? "-dark" : "-light"));
        }
    }

    /** Waits for the selected tab to be open. */
    private void awaitOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().selectedTab().model().stateProperty()
                .get()) == dev.wsinspector.core.session.ConnectionState.OPEN);
    }

    private void bothThemes(FxRobot robot, String name) throws Exception {
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                    FxFlow.themeItem(robot, dark ? ThemeChoice.DARK : ThemeChoice.LIGHT).setSelected(true);
                });
                shoot(name + "-" + size[0] + "x" + size[1] + (dark ? "-dark" : "-light"));
            }
        }
    }

    /**
     * A mock server opened from servers/ (rules with a JSON path, a regex and a fault), started, answering the
     * app's own client tab; the mock tab shows the client's frames with the selected message's rule.
     */
    @Test
    void mockServer(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.List<dev.wsinspector.core.mock.MockRule> rules = java.util.List.of(
                new dev.wsinspector.core.mock.MockRule("", new dev.wsinspector.core.scenario.Matcher(null, null, null,
                        java.util.Map.of("$.method", json.readTree("\"subscribe\"")), null, null, null, null, null), null,
                        java.util.List.of(dev.wsinspector.core.mock.MockReply.json(
                                "{\"id\": \"{{$.id}}\", \"result\": {\"subscribed\": true}}")), false, null, java.util.List.of()),
                new dev.wsinspector.core.mock.MockRule("", new dev.wsinspector.core.scenario.Matcher(null, null,
                        java.util.regex.Pattern.compile("^hello (?<who>\\w+)"), null, null, null, null, null, null), null,
                        java.util.List.of(dev.wsinspector.core.mock.MockReply.text("hi {{who}}").withDelay(50)), false, null,
                        java.util.List.of(new dev.wsinspector.core.mock.Fault(dev.wsinspector.core.mock.Fault.Kind.SPLIT, 0.5, 3, 0))),
                new dev.wsinspector.core.mock.MockRule("", new dev.wsinspector.core.scenario.Matcher(null, "bye", null,
                        null, null, null, null, null, null), null, java.util.List.of(), false,
                        new dev.wsinspector.core.mock.MockProfile.Close(4000, "bye"), java.util.List.of()));
        new dev.wsinspector.core.mock.MockProfileRepository(data).create(
                dev.wsinspector.core.mock.MockProfile.echoing("Trades API").withRules(rules));
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        FxFlow.clickWhenShown(robot, "#mockServerMenu");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("Trades API  (trades-api.json)")
                .tryQuery().isPresent()));
        robot.clickOn("Trades API  (trades-api.json)");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().tabs().getSelectionModel()
                .getSelectedItem() instanceof dev.wsinspector.ui.mock.MockTab));
        var mock = fx(() -> (dev.wsinspector.ui.mock.MockTab) app.window().tabs().getSelectionModel().getSelectedItem());
        robot.clickOn("#mockToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().runningProperty().get()));
        String address = fx(() -> mock.model().addressProperty().get());
        ConnectionTab client = fx(() -> app.window().openTab(address));
        robot.interact(client::connect);
        awaitOpen();
        for (String message : new String[] {"{\"id\":7,\"method\":\"subscribe\",\"params\":[\"WSI\"]}",
                "hello world", "not a rule"}) {
            FxFlow.sendFromComposer(robot, message.startsWith("{") ? dev.wsinspector.core.compose.MessageMode.JSON
                    : dev.wsinspector.core.compose.MessageMode.TEXT, message);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> client.model().session().frames().size()) >= 6);
        robot.interact(() -> {
            app.window().tabs().getSelectionModel().select(mock);
            mock.model().selectedRuleProperty().set(mock.model().rules().get(1));
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.viewer().timeline().rows() != null
                && mock.viewer().timeline().rows().reachableRows() >= 6));
        robot.interact(() -> mock.viewer().timeline().goToFrame(fx(() -> {
            var frames = mock.model().shownClientProperty().get().frames();
            for (long i = 0, seen = 0; i < frames.size(); i++) {
                if (frames.direction(i) == dev.wsinspector.core.frame.Direction.IN && frames.opcode(i).isDataStart()
                        && ++seen == 2) {
                    return i;
                }
            }
            return 0L;
        })));
        bothThemes(robot, "mock");
    }

    /** A JSON-RPC exchange with the echo server, the request selected and shown in the Protocol view. */
    @Test
    void protocolView(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        robot.clickOn("#connectButton");
        awaitOpen();
        for (String message : new String[] {
                "{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":{\"channel\":\"trades\",\"symbols\":[\"WSI\",\"NVDA\"]},\"id\":7}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"ticker.get\",\"params\":[\"WSI\"],\"id\":8}"}) {
            FxFlow.sendFromComposer(robot, dev.wsinspector.core.compose.MessageMode.JSON, message);
        }
        ConnectionTab tab = fx(() -> app.window().selectedTab());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.model().session().frames().size()) >= 4);
        long row = fx(() -> {
            var rows = tab.timeline().shownRows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).isFrame() && rows.get(i).seq() == 0) {
                    return (long) i;
                }
            }
            return 0L;
        });
        robot.interact(() -> tab.timeline().selectIndex((int) row));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.detailPane().viewModel().showingProperty().get()));
        robot.interact(() -> {
            javafx.scene.control.TabPane views = (javafx.scene.control.TabPane) robot.lookup(".detail-tabs").query();
            views.getTabs().stream().filter(t -> "detail-tab-protocol".equals(t.getId())).findFirst()
                    .ifPresent(t -> views.getSelectionModel().select(t));
        });
        bothThemes(robot, "protocol");
    }

    /** A HAR file recorded by the command line against the echo server, opened in its own tab. */
    @Test
    void captureFile(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        Path har = data.resolve("orders.har");
        try (dev.wsinspector.testutil.TestEchoServer echo = dev.wsinspector.testutil.TestEchoServer.launch()) {
            int exit = dev.wsinspector.cli.Cli.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                    new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), "connect", echo.uri().resolve("/orders").toString(),
                    "-s", "{\"op\":\"login\",\"user\":\"demo\"}", "-s", "{\"op\":\"order\",\"side\":\"buy\",\"qty\":5}",
                    "-s", "plain text works too", "-n", "3", "--close", "1000:done", "--record", har.toString());
            org.assertj.core.api.Assertions.assertThat(exit).as("connect exit code").isZero();
        }
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data.resolve("app")));
        var imported = dev.wsinspector.core.io.CaptureFiles.read(har);
        ConnectionTab tab = fx(() -> app.window().openCapture(imported.captures().get(0), har));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.timeline().rows() != null
                && tab.timeline().rows().reachableRows() > 0));
        robot.interact(() -> tab.timeline().selectIndex(1));
        bothThemes(robot, "capture");
    }

    /** The Profiles sidebar, a profile's tab with its send-on-connect messages, and the message library. */
    @Test
    void profiles(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        dev.wsinspector.core.profile.ProfileRepository repository = new dev.wsinspector.core.profile.ProfileRepository(data);
        repository.reload();
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        String echoUrl = fx(() -> app.window().selectedTab().model().urlProperty().get());
        var messages = java.util.List.of(
                dev.wsinspector.core.profile.SavedMessage.text("login", "{\"op\":\"login\",\"token\":\"{{token}}\"}")
                        .withType(dev.wsinspector.core.compose.MessageMode.JSON).withSendOnConnect(true)
                        .withDescription("Sent at every connect"),
                dev.wsinspector.core.profile.SavedMessage.text("subscribe trades",
                        "{\"op\":\"subscribe\",\"channel\":\"trades\"}").withType(dev.wsinspector.core.compose.MessageMode.JSON)
                        .withSendOnConnect(true),
                dev.wsinspector.core.profile.SavedMessage.text("ping text", "ping #{{counter}}"));
        repository.create(dev.wsinspector.core.profile.ConnectionProfile.of("Market feed", echoUrl).withFolder("staging")
                .withMessages(messages).withVariables(java.util.Map.of("token", "demo-token")));
        repository.create(dev.wsinspector.core.profile.ConnectionProfile.of("Chat", "wss://chat.example.com/ws")
                .withFolder("staging"));
        repository.create(dev.wsinspector.core.profile.ConnectionProfile.of("Echo (local)", echoUrl).withFolder("dev"));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().profiles().stream()
                .anyMatch(p -> p.name().equals("Market feed"))));
        robot.interact(() -> {
            var toggle = robot.lookup("#profilesToggle").queryAs(ToggleButton.class);
            if (!toggle.isSelected()) {
                toggle.fire();
            }
        });
        var stored = fx(() -> app.window().profiles().profiles().stream().filter(p -> p.name().equals("Market feed"))
                .findFirst().orElseThrow());
        robot.interact(() -> app.window().openProfile(stored));
        awaitOpen();
        ConnectionTab tab = fx(() -> app.window().selectedTab());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.model().session().frames().size()) >= 4);
        robot.interact(() -> tab.showTool("Messages"));
        bothThemes(robot, "profiles");
    }

    /**
     * Wave 2 in one picture: a JSON-RPC server on loopback that answers after a few milliseconds (one method never),
     * the filter bar applied, the Summary and Latency columns, a reply in the Protocol view; then the Charts and the
     * Tests panels in the tools pane.
     */
    @Test
    void pairingFilterAndCharts(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        java.util.Random random = new java.util.Random(7);
        try (dev.wsinspector.testutil.RawWebSocketServer rpc = new dev.wsinspector.testutil.RawWebSocketServer(peer -> {
            peer.upgrade();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            try {
                while (true) {
                    var f = peer.readFrame();
                    if (f.opcode() == 0x8) {
                        peer.sendFrame(0x88, f.payload());
                        return;
                    }
                    if (f.opcode() == 0x9) {
                        peer.sendFrame(0x8A, f.payload());
                        continue;
                    }
                    var call = json.readTree(f.payload());
                    if (call.path("method").asText().equals("report.export")) {
                        continue; // never answered
                    }
                    Thread.sleep(3 + random.nextInt(25)); // the server's think time: what the Latency column shows
                    peer.sendText(true, 1, "{\"jsonrpc\":\"2.0\",\"result\":{\"ok\":true,\"price\":"
                            + (100 + random.nextInt(50)) + "},\"id\":" + call.path("id") + "}");
                }
            } catch (java.io.EOFException | java.net.SocketException e) {
                // the client went away
            }
        })) {
            app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(),
                    false, false, data));
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
            });
            ConnectionTab tab = fx(() -> app.window().selectedTab());
            robot.interact(() -> tab.model().urlProperty().set(rpc.uri("/rpc").toString()));
            robot.clickOn("#connectButton");
            awaitOpen();
            String[] methods = {"subscribe", "ticker.get", "order.place", "ticker.get", "report.export", "order.cancel",
                    "ticker.get", "order.place"};
            for (int i = 0; i < methods.length; i++) {
                FxFlow.sendFromComposer(robot, dev.wsinspector.core.compose.MessageMode.JSON,
                        "{\"jsonrpc\":\"2.0\",\"method\":\"" + methods[i] + "\",\"params\":[\"WSI\"],\"id\":" + (i + 1) + "}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.model().session().frames().size()) >= 15);
            robot.interact(() -> {
                tab.filterBar().expressionProperty().set("method:ticker.get or dir:in");
                tab.filterBar().apply();
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !tab.filterBar().runningProperty().get()
                    && tab.filterBar().countProperty().get().contains(" of ")));
            robot.interact(() -> tab.timeline().goToFrame(3));
            robot.interact(() -> {
                javafx.scene.control.TabPane views = (javafx.scene.control.TabPane) robot.lookup(".detail-tabs").query();
                views.getTabs().stream().filter(t -> "detail-tab-protocol".equals(t.getId())).findFirst()
                        .ifPresent(t -> views.getSelectionModel().select(t));
            });
            bothThemes(robot, "pairing");
            robot.interact(() -> tab.showTool("Charts"));
            bothThemes(robot, "charts");
            robot.interact(() -> tab.charts().kindProperty().set(dev.wsinspector.ui.charts.ChartKind.LATENCY_HISTOGRAM));
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab.charts().snapshotProperty().get()
                    .total(dev.wsinspector.core.charts.TimeBuckets.LATENCY_COUNT)) >= 7);
            bothThemes(robot, "latency");
            robot.interact(() -> tab.showTool("Tests"));
            bothThemes(robot, "tests");
        }
    }

    /**
     * The proxy tab (issue 16): the echo server as the upstream, the app's own client through the proxy, both legs,
     * the pair line of a forwarded frame, and a message held by a breakpoint with its text in the editor.
     */
    @Test
    void proxy(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        app = slowFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, data));
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        String echo = fx(() -> app.window().selectedTab().model().urlProperty().get());
        dev.wsinspector.ui.proxy.ProxyTab proxy = fx(() -> app.window().openProxy());
        robot.interact(() -> {
            proxy.model().upstreamProperty().set(echo);
            proxy.model().start();
        });
        String address = fx(() -> proxy.model().addressProperty().get());
        ConnectionTab client = fx(() -> app.window().openTab(address));
        robot.interact(client::connect);
        awaitOpen();
        String[] messages = {"{\"op\":\"subscribe\",\"channel\":\"trades\"}", "hello through the proxy",
                "{\"op\":\"ping\",\"id\":42}"};
        for (String message : messages) {
            FxFlow.sendFromComposer(robot, message.startsWith("{") ? dev.wsinspector.core.compose.MessageMode.JSON
                    : dev.wsinspector.core.compose.MessageMode.TEXT, message);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> client.model().session().frames().size()) >= 6);
        robot.interact(() -> {
            proxy.model().breakpoint(dev.wsinspector.core.proxy.Flow.TO_SERVER).expressionProperty().set("/order/");
            proxy.model().breakpoint(dev.wsinspector.core.proxy.Flow.TO_SERVER).apply();
        });
        FxFlow.sendFromComposer(robot, dev.wsinspector.core.compose.MessageMode.JSON,
                "{\"op\":\"order\",\"side\":\"buy\",\"qty\":5}");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> proxy.model().held().countProperty().get()) == 1);
        robot.interact(() -> app.window().tabs().getSelectionModel().select(proxy));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> proxy.timeline(dev.wsinspector.core.proxy.Leg.CLIENT)
                .rows() != null && proxy.timeline(dev.wsinspector.core.proxy.Leg.CLIENT).goToFrame(2)));
        bothThemes(robot, "proxy");
    }
}
