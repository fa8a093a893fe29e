package dev.wsinspector.ui.sessions;

import dev.wsinspector.testutil.FxFlow;
import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Sessions sidebar on the real wiring (embedded echo server on loopback, real engine and journal, headless
 * window, a data directory of its own): a connection becomes a session, which is listed while it runs and after
 * its tab closed, opens read-only in a tab with the same frames, and is deleted and brought back.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SessionsFlowTest {

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

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    @SuppressWarnings("unchecked")
    private ListView<SessionRow> list(FxRobot robot) {
        return robot.lookup("#sessionList").queryAs(ListView.class);
    }

    private List<SessionRow> listed(FxRobot robot) throws Exception {
        return fx(() -> List.copyOf(list(robot).getItems()));
    }

    private static List<String> framePreviews(List<TimelineRow> rows) {
        return rows.stream().filter(TimelineRow::isFrame).map(r -> r.arrow() + " " + r.preview()).toList();
    }

    private String text(FxRobot robot, String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    @Test
    void aClosedConnectionIsListedOpensReadOnlyWithItsFramesAndIsDeletedAndRestored(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        String url = fx(() -> tab().model().urlProperty().get());

        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        sendFromComposer(robot, MessageMode.TEXT, "hello sessions");
        await().atMost(Duration.ofSeconds(10)).until(() -> framePreviews(rows()).size() >= 2);
        List<String> livePreviews = framePreviews(rows());
        assertThat(livePreviews).containsExactly("↑ hello sessions", "↓ hello sessions");

        // While it runs: listed as running, and Delete says why it is not available.
        FxFlow.clickWhenShown(robot, "#sessionsToggle");
        assertThat(fx(() -> app.window().root().getLeft())).isSameAs(fx(() -> app.window().sessionsPanel()));
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).size() == 1);
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        assertThat(listed(robot).get(0).ended()).isEqualTo("running");
        assertThat(fx(() -> robot.lookup("#deleteSessionButton").queryAs(Button.class).isDisabled())).isTrue();
        assertThat(text(robot, "#sessionActionHint")).isEqualTo(SessionsViewModel.RUNNING_REASON);

        // The profiles sidebar takes the left side, and gives it back.
        robot.clickOn("#profilesToggle");
        assertThat(fx(() -> app.window().root().getLeft())).isSameAs(fx(() -> app.window().profilesPanel()));
        assertThat(fx(() -> robot.lookup("#sessionsToggle").queryAs(ToggleButton.class).isSelected())).isFalse();
        FxFlow.clickWhenShown(robot, "#sessionsToggle");
        assertThat(fx(() -> app.window().root().getLeft())).isSameAs(fx(() -> app.window().sessionsPanel()));

        // Closing the tab completes the session; Refresh shows it ended, with its counts.
        robot.interact(() -> app.window().tabs().getTabs().remove(tab()));
        robot.clickOn("#refreshSessionsButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listed(robot).isEmpty() && !listed(robot).get(0).running());
        SessionRow row = listed(robot).get(0);
        assertThat(row.title()).isEqualTo(url);
        assertThat(row.frames()).isEqualTo("↑ 1  ↓ 1 frames");
        assertThat(row.bytes()).isEqualTo("↑ 14 B  ↓ 14 B");
        assertThat(fx(() -> robot.lookup("#deleteSessionButton").queryAs(Button.class).isDisabled()))
                .as("the selection followed the refreshed row, which may be deleted now").isFalse();

        robot.clickOn("#openSessionButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().tabs().getTabs().size()) == 1
                && tab().model().storedSessionProperty().get() != null);
        await().atMost(Duration.ofSeconds(10)).until(() -> framePreviews(rows()).size() >= 2);
        assertThat(framePreviews(rows())).as("the stored tab shows the same frames").isEqualTo(livePreviews);
        assertThat(fx(() -> tab().model().stateTextProperty().get())).isEqualTo("Stored session");
        assertThat(fx(() -> tab().model().detailTextProperty().get())).isEqualTo(url + " · 2 frames");
        assertThat(fx(() -> tab().model().urlProperty().get())).as("Connect goes live at the same address")
                .isEqualTo(url);
        assertThat(text(robot, "#sessionOpening")).as("no longer opening").isEmpty();
        assertThat(fx(() -> tab().getText())).as("a session without a name: its address, short")
                .isEqualTo(url.substring("ws://".length()));

        // Closing the stored tab lets go of its journal; then the session is deleted and brought back.
        robot.interact(() -> app.window().tabs().getTabs().remove(tab()));
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        Path sessionDir = dataDir.resolve(SessionCatalog.DIRECTORY).resolve(row.id());
        robot.clickOn("#deleteSessionButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).isEmpty());
        assertThat(text(robot, "#sessionNotice")).isEqualTo("Deleted '" + url + "'");
        assertThat(Files.exists(sessionDir)).isFalse();

        robot.clickOn("#undoSessionDeleteButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).size() == 1);
        assertThat(listed(robot).get(0).id()).isEqualTo(row.id());
        assertThat(text(robot, "#sessionNotice")).isEqualTo("Restored '" + url + "'");
        assertThat(Files.isDirectory(sessionDir)).isTrue();
    }

    @Test
    void theStartDeletesSessionsBeyondTheRetentionOfSettingsJsonAndKeepsPinnedOnes(FxRobot robot) throws Exception {
        String old;
        String pinned;
        try (SessionCatalog catalog = new SessionCatalog(dataDir, SessionCatalog.Settings.defaults())) {
            old = ended(catalog, "old one");
            pinned = ended(catalog, "pinned one");
            catalog.pin(pinned, true);
        }
        for (String id : List.of(old, pinned)) {  // both started eight days ago
            Path meta = dataDir.resolve(SessionCatalog.DIRECTORY).resolve(id).resolve("session.json");
            Files.writeString(meta, Files.readString(meta).replaceAll("\"started\" : \"[^\"]*\"",
                    "\"started\" : \"" + java.time.Instant.now().minus(Duration.ofDays(8)) + "\""));
        }
        Files.writeString(dataDir.resolve("settings.json"),
                "{\"schemaVersion\": 1, \"sessions\": {\"maxAgeDays\": 7, \"maxGigabytes\": 1}}");

        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        FxFlow.clickWhenShown(robot, "#sessionsToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).size() == 1);
        assertThat(listed(robot).get(0).id()).isEqualTo(pinned);
        assertThat(Files.exists(dataDir.resolve(SessionCatalog.DIRECTORY).resolve(old))).isFalse();
        assertThat(text(robot, "#sessionRetention")).isEqualTo(
                "Sessions older than 7 days, or beyond 1 GB, are deleted at start; pinned sessions are kept");
        assertThat(text(robot, "#sessionNotice")).startsWith("Deleted 1 session beyond the retention");
    }

    private static String ended(SessionCatalog catalog, String name) throws Exception {
        var recording = catalog.record(name, "", "ws://127.0.0.1:1/", null);
        recording.close();
        return recording.id();
    }

    @Test
    void aSessionDeletedAndNotRestoredIsGoneForGoodWhenTheAppCloses(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        robot.interact(() -> app.window().tabs().getTabs().remove(tab()));
        FxFlow.clickWhenShown(robot, "#sessionsToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).size() == 1 && !listed(robot).get(0).running());
        robot.interact(() -> list(robot).getSelectionModel().select(0));
        robot.clickOn("#deleteSessionButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed(robot).isEmpty());
        Path trash = dataDir.resolve(SessionCatalog.DIRECTORY).resolve(".trash");
        assertThat(Files.list(trash).count()).as("in the trash while Undo is possible").isEqualTo(1);

        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
        app = null;
        assertThat(Files.exists(trash)).isFalse();
    }
}
