package dev.wsinspector.ui.sessions;

import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.connection.TestSaver;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.sessions.SessionsViewModel.SessionRow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
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

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Sessions sidebar loaded from its FXML through the controller factory, on a real catalog in a temp
 * directory: the empty list says what to do, disabled actions say why (also on hover, where a disabled button
 * alone shows nothing), and a selected session opens with Enter.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionsPanelControllerTest {

    @TempDir
    Path dataDir;

    private SessionCatalog catalog;
    private BackgroundTasks io;
    private BackgroundTasks opening;
    private final List<SessionCatalog.Opened> opened = new CopyOnWriteArrayList<>();
    private final List<String> saved = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        catalog = new SessionCatalog(dataDir, SessionCatalog.Settings.defaults());
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater);
        opening = new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater);
        SessionsViewModel model = new SessionsViewModel(catalog, io, opening, Clock.systemUTC(), ZoneOffset.UTC);
        TestSaver saver = (owner, name, session, from, to, notice) -> {
            saved.add(name + " " + session.frames().size() + " frames " + from + "-" + to);
            notice.accept("Saved " + name);
        };
        ViewLoader views = new ViewLoader(Controllers.builder().provide(SessionsViewModel.class, model)
                .provide(TestSaver.class, saver).build());
        SessionsViewModel.Opener opener = opened::add;
        Parent root = views.load(SessionsPanelController.class, opener).root();
        stage.setScene(new Scene(root, 360, 600));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        opened.forEach(o -> {
            try {
                o.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        io.close();
        opening.close();
        fx(() -> {
            List.copyOf(Window.getWindows()).forEach(Window::hide);
            return null;
        });
        catalog.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<SessionRow> list(FxRobot robot) {
        return robot.lookup("#sessionList").queryAs(ListView.class);
    }

    private static String tip(Button button) {
        return button.getTooltip().getText();
    }

    @Test
    void theEmptyListSaysWhatToDoAndEveryActionSaysWhyItIsDisabled(FxRobot robot) throws Exception {
        Label placeholder = robot.lookup("#sessionPlaceholder").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(placeholder::getText).startsWith("No sessions yet"));
        assertThat(fx(placeholder::isVisible)).isTrue();
        assertThat(fx(placeholder::getText)).contains("every connection is kept here", "Connect a tab");

        Button open = robot.lookup("#openSessionButton").queryButton();
        Button delete = robot.lookup("#deleteSessionButton").queryButton();
        for (String id : List.of("#openSessionButton", "#renameSessionButton", "#pinSessionButton", "#deleteSessionButton")) {
            assertThat(fx(() -> robot.lookup(id).queryButton().isDisabled())).as(id).isTrue();
            assertThat(fx(() -> tip(robot.lookup(id).queryButton()))).as(id).startsWith("Select a session to ");
        }
        assertThat(fx(() -> tip(open))).isEqualTo("Select a session to open it");

        // A disabled button shows no tooltip of its own: hovering it shows its holder's, with the reason.
        robot.moveTo(delete);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> shownTooltip()).contains(
                "Select a session to delete it"));
    }

    /** The texts of the tooltips on screen. */
    private static String shownTooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText()).reduce("", (a, b) -> a + b);
    }

    @Test
    void aSelectedSessionEnablesItsActionsAndOpensWithEnter(FxRobot robot) throws Exception {
        var recording = catalog.record("chat", "", "ws://127.0.0.1:1/chat", null);
        recording.close();
        robot.clickOn("#refreshSessionsButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> list(robot).getItems().size()) == 1);
        assertThat(fx(() -> robot.lookup("#sessionPlaceholder").queryAs(Label.class).isVisible())).isFalse();

        Node cell = robot.lookup(".session-title").query();
        robot.clickOn(cell);
        Button open = robot.lookup("#openSessionButton").queryButton();
        assertThat(fx(open::isDisabled)).isFalse();
        assertThat(fx(() -> tip(open))).startsWith("Show 'chat' read-only in a new tab");
        assertThat(fx(() -> robot.lookup("#pinSessionButton").queryButton().getText())).isEqualTo("Pin");
        assertThat(fx(() -> robot.lookup("#deleteSessionButton").queryButton().isDisabled())).isFalse();

        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> opened.size() == 1);
        assertThat(opened.get(0).meta().id()).isEqualTo(recording.id());
        assertThat(fx(() -> robot.lookup("#sessionOpening").queryAs(Label.class).getText())).isEmpty();
    }

    @Test
    void saveAsTestOnAStoredSessionHandsAllItsFramesToTheReview(FxRobot robot) throws Exception {
        var recording = catalog.record("chat", "", "ws://127.0.0.1:1/chat", null);
        dev.wsinspector.core.session.Session s = recording.session();
        for (var dir : List.of(dev.wsinspector.core.frame.Direction.OUT, dev.wsinspector.core.frame.Direction.IN)) {
            byte[] p = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            boolean masked = dir == dev.wsinspector.core.frame.Direction.OUT;
            s.frames().append(dir, dev.wsinspector.core.frame.WireHeader.of(0x81, masked, masked ? 0x37fa213d : 0,
                    p.length), false, s.frames().clock().nanoTime(), java.nio.ByteBuffer.wrap(p));
        }
        recording.close();
        robot.clickOn("#refreshSessionsButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> list(robot).getItems().size()) == 1);
        MenuItem item = fx(() -> list(robot).getContextMenu().getItems().stream()
                .filter(i -> "saveSessionAsTestItem".equals(i.getId())).findFirst().orElseThrow());
        assertThat(fx(item::isDisable)).as("nothing selected").isTrue();

        Node title = robot.lookup(".session-title").query();
        robot.clickOn(title);
        assertThat(fx(item::isDisable)).isFalse();
        robot.interact(item::fire);
        await().atMost(Duration.ofSeconds(10)).until(() -> saved.size() == 1);
        assertThat(saved).containsExactly("chat 2 frames 0-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#sessionNotice").queryAs(Label.class)
                .getText()).equals("Saved chat"));
        assertThat(opened).as("read for the test, not opened in a tab").isEmpty();
    }
}
