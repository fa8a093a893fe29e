package dev.wsinspector.ui.profiles;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.replay.StepDraft;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Profiles end to end on the real wiring (embedded echo server on loopback, real engine, headless window):
 * create, restart on the same data directory, open and send on connect; corrupt files; variables in the
 * composer; a replay whose wait fails.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProfilesFlowTest {

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
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
    }

    private void startApp(dev.wsinspector.core.server.LocalServer server) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), server, false, false, dataDir));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().loadedProperty().get()));
    }

    private <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    private String echoUrl() throws Exception {
        return fx(() -> app.window().tabs().getTabs().stream().map(t -> ((ConnectionTab) t).model().urlProperty().get())
                .findFirst().orElseThrow());
    }

    private void awaitOpen() {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
    }

    private void openProfile(FxRobot robot, String name) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().profiles().stream()
                .anyMatch(p -> p.name().equals(name))));
        robot.interact(() -> {
            if (!robot.lookup("#profilesToggle").queryAs(javafx.scene.control.ToggleButton.class).isSelected()) {
                robot.lookup("#profilesToggle").queryAs(javafx.scene.control.ToggleButton.class).fire();
            }
            TreeView<ProfileTree.Node> tree = tree(robot);
            tree.getSelectionModel().select(item(tree.getRoot(), name));
        });
        robot.clickOn("#openProfileButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> tab().getText()).equals(name));
    }

    @SuppressWarnings("unchecked")
    private static TreeView<ProfileTree.Node> tree(FxRobot robot) {
        return robot.lookup("#profileTree").queryAs(TreeView.class);
    }

    /** The tree's row for profile {@code name}, as a user would find it. */
    private static TreeItem<ProfileTree.Node> item(TreeItem<ProfileTree.Node> under, String name) {
        if (under.getValue() instanceof ProfileTree.Profile p && p.stored().name().equals(name)) {
            return under;
        }
        return under.getChildren().stream().map(c -> item(c, name)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private void writeProfile(String file, String json) throws Exception {
        Path dir = dataDir.resolve("profiles");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), json);
    }

    @Test
    void aProfileWithASavedMessageSurvivesARestartAndIsSentOnConnect(FxRobot robot) throws Exception {
        FixedPortEchoServer server = new FixedPortEchoServer(FixedPortEchoServer.freePort());
        startApp(server);
        String url = echoUrl();

        // Create the profile in the editor.
        robot.clickOn("#profilesToggle");
        robot.clickOn("#newProfileButton");
        robot.interact(() -> {
            robot.lookup("#profileName").queryAs(TextField.class).setText("Local echo");
            robot.lookup("#profileFolder").queryAs(TextField.class).setText("dev");
            robot.lookup("#profileUrl").queryAs(TextField.class).setText(url);
        });
        robot.interact(() -> robot.lookup("#saveProfileButton").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#profileEditor").tryQuery().isEmpty());

        // Open it, type a message, keep it as a send-on-connect message of the profile.
        openProfile(robot, "Local echo");
        awaitOpen();
        robot.interact(() -> tab().composer().inputProperty().set("hello from profile #{{counter}}"));
        robot.interact(() -> findInSelectedTab(Button.class, "saveFromComposer").fire());
        robot.interact(() -> {
            robot.lookup("#messageName").queryAs(TextField.class).setText("greeting");
            robot.lookup("#messageSendOnConnect").queryAs(CheckBox.class).setSelected(true);
        });
        robot.interact(() -> robot.lookup("#saveMessageButton").queryAs(Button.class).fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> profileFiles().stream()
                .anyMatch(f -> read(f).contains("\"greeting\"") && read(f).contains("\"sendOnConnect\" : true")));

        // Restart on the same data directory.
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
        app = null;
        startApp(server);

        // The sidebar shows itself because profiles exist; find the profile by searching, and open it.
        assertThat(fx(() -> robot.lookup("#profilesPanel").tryQuery().isPresent())).isTrue();
        robot.interact(() -> robot.lookup("#profileSearch").queryAs(TextField.class).setText("local"));
        assertThat(fx(() -> tree(robot).getRoot().getChildren().get(0).getValue().label())).isEqualTo("dev");
        openProfile(robot, "Local echo");
        awaitOpen();

        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().filter(r -> r.isFrame()).count() >= 2);
        List<TimelineRow> frames = rows().stream().filter(TimelineRow::isFrame).toList();
        assertThat(frames.get(0).arrow()).isEqualTo("↑");
        assertThat(frames.get(0).preview()).isEqualTo("hello from profile #1");
        assertThat(frames.get(1).arrow()).isEqualTo("↓");
        assertThat(frames.get(1).preview()).isEqualTo("hello from profile #1");
    }

    @Test
    void aCorruptProfileFileIsReportedAndMovedAsideWhileTheOthersAreListed(FxRobot robot) throws Exception {
        writeProfile("good.json", "{\"schemaVersion\":1,\"name\":\"Good one\",\"url\":\"ws://127.0.0.1:1/\"}");
        writeProfile("broken.json", "{\"schemaVersion\":1,\"name\":\"Broken\",");
        // Older than the repository's settle time, so it is not taken for a file still being written.
        Files.setLastModifiedTime(dataDir.resolve("profiles/broken.json"), FileTime.from(Instant.now().minusSeconds(3600)));

        startApp(new LocalEchoServer());

        assertThat(fx(() -> app.window().profiles().profiles().stream().map(p -> p.name()).toList()))
                .containsExactly("Good one");
        VBox problems = robot.lookup("#profileProblems").queryAs(VBox.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> !problems.getChildren().isEmpty()));
        String shown = fx(() -> ((Label) problems.getChildren().get(0)).getText());
        assertThat(shown).contains("broken.json").contains("moved aside").contains("broken.json.corrupt-");
        assertThat(fx(() -> problems.isVisible() && app.window().root().getLeft() != null)).isTrue();
        assertThat(Files.exists(dataDir.resolve("profiles/broken.json"))).isFalse();
        try (Stream<Path> files = Files.list(dataDir.resolve("profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("broken.json.corrupt-"));
        }
    }

    @Test
    void anUnknownVariableInTheComposerIsShownAndNothingIsSent(FxRobot robot) throws Exception {
        startApp(new LocalEchoServer());
        writeProfile("vars.json", "{\"schemaVersion\":1,\"name\":\"With vars\",\"url\":\"" + echoUrl()
                + "\",\"variables\":{\"who\":\"world\"}}");
        robot.interact(() -> app.window().profiles().reload());
        openProfile(robot, "With vars");
        awaitOpen();

        robot.interact(() -> tab().composer().inputProperty().set("hi {{who}}"));
        assertThat(fx(() -> findInSelectedTab(Label.class, "composerPreview").getText())).isEqualTo("→ hi world");

        robot.interact(() -> tab().composer().inputProperty().set("hi {{nobody}}"));
        assertThat(fx(() -> tab().composer().problemProperty().get())).contains("Unknown variable {{nobody}}");
        assertThat(fx(() -> findInSelectedTab(Label.class, "composerPreview").isVisible())).isFalse();
        robot.interact(() -> findInSelectedTab(Button.class, "sendButton").fire());

        assertThat(fx(() -> tab().composer().statusProperty().get())).startsWith("Not sent").contains("{{nobody}}");
        // A send that went out would reach the capture before the next one: send a good one, wait for its echo.
        robot.interact(() -> tab().composer().inputProperty().set("hi {{who}}"));
        robot.interact(() -> findInSelectedTab(Button.class, "sendButton").fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().model().session().frames().size()) >= 2);
        assertThat(fx(() -> new String(tab().model().session().frames().get(0).payloadBytes(),
                java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("hi world");
        assertThat(fx(() -> tab().model().session().frames().size())).isEqualTo(2);
    }

    @Test
    void aReplayWhoseWaitFailsShowsANoteRowInTheTimeline(FxRobot robot) throws Exception {
        startApp(new LocalEchoServer());
        writeProfile("replay.json", "{\"schemaVersion\":1,\"name\":\"Replay me\",\"url\":\"" + echoUrl() + "\","
                + "\"messages\":[{\"name\":\"one\",\"type\":\"text\",\"body\":\"first\"},"
                + "{\"name\":\"two\",\"type\":\"text\",\"body\":\"second\"},"
                + "{\"name\":\"three\",\"type\":\"json\",\"body\":\"{\\\"n\\\":{{counter}}}\"}]}");
        robot.interact(() -> app.window().profiles().reload());
        openProfile(robot, "Replay me");
        awaitOpen();

        robot.interact(() -> {
            tab().showTool("Replay");
            findInSelectedTab(Button.class, "addAllReplaySteps").fire();
            StepDraft last = tab().replay().steps().get(2);
            last.waitProperty().set(StepDraft.Wait.REGEX);
            last.patternProperty().set("never-echoed");
            last.timeoutSecondsProperty().set("0.3");
        });
        robot.interact(() -> findInSelectedTab(Button.class, "startReplay").fire());

        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().anyMatch(
                r -> r.type().equals("note") && r.styleClass().contains("event-error")
                        && r.preview().contains("no message matching /never-echoed/")));
        List<TimelineRow> sent = rows().stream().filter(r -> r.isFrame() && r.arrow().equals("↑")).toList();
        assertThat(sent).extracting(TimelineRow::preview).containsExactly("first", "second", "{\"n\":3}");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> !tab().replay().runningProperty().get()));
        assertThat(fx(() -> tab().replay().progressTextProperty().get())).startsWith("Replay failed");
    }

    /** A node of the selected tab by id (every tab has its own composer). */
    private <T> T findInSelectedTab(Class<T> type, String id) {
        return type.cast(tab().getContent().lookup("#" + id));
    }

    private List<Path> profileFiles() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("profiles"))) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
