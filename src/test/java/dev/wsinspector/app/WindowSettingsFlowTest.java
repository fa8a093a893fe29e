package dev.wsinspector.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.settings.ThemeChoice;
import dev.wsinspector.testutil.FxFlow;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.about.AboutInfo;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import javafx.event.EventHandler;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The window's place and size and the theme survive a restart on the same data directory (the real wiring on a
 * headless screen); saved bounds that are on no screen any more are not used.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WindowSettingsFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private Stage stage;
    private InspectorApp.AppContext app;
    /** The shared primary stage as the earlier tests left it: put back afterwards. */
    private Rectangle2D before;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = bounds(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            closeApp();
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
            stage.setMaximized(false);
            if (Double.isFinite(before.getMinX()) && Double.isFinite(before.getWidth())) {
                place(before);
            } else {  // not shown before this test: as a first start leaves it
                stage.sizeToScene();
                stage.centerOnScreen();
            }
            return null;
        });
    }

    private void startApp(boolean dark) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), dark,
                false, dataDir));
    }

    /** As on a desktop whose preference is {@code systemDark}, known when the window shows or only later. */
    private void startAppOnDesktop(CompletableFuture<Boolean> systemDark) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, AboutInfo.current(dataDir, null), List.of(), dataDir, systemDark));
    }

    private Void closeApp() {
        if (app != null) {
            app.close();
            app = null;
        }
        return null;
    }

    private <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private void place(Rectangle2D b) {
        stage.setX(b.getMinX());
        stage.setY(b.getMinY());
        stage.setWidth(b.getWidth());
        stage.setHeight(b.getHeight());
    }

    private Rectangle2D screen() throws Exception {
        return fx(() -> Screen.getPrimary().getVisualBounds());
    }

    /** Somewhere on the screen, away from the middle (where a default window is centred), above the minimum. */
    private Rectangle2D somewhereOn(Rectangle2D screen, double dx, double dy) {
        return new Rectangle2D(screen.getMinX() + dx, screen.getMinY() + dy,
                Math.max(900, screen.getWidth() - 170), Math.max(560, screen.getHeight() - 120));
    }

    /** The choice the toolbar's theme menu shows, once the new scene has been laid out. */
    private ThemeChoice themeMenu(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#themeMenu").tryQuery().isPresent());
        return FxFlow.pickedTheme(robot);
    }

    /** Dark is what shows: our dark palette on the scene over AtlantaFX's Primer Dark; else light and Light. */
    private boolean darkStylesheet() throws Exception {
        return fx(() -> {
            boolean palette = stage.getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("/dark.css"));
            boolean agent = Application.getUserAgentStylesheet().endsWith("/primer-dark.bss");
            assertThat(agent).as("user-agent stylesheet %s", Application.getUserAgentStylesheet()).isEqualTo(palette);
            return palette;
        });
    }

    private JsonNode settingsFile() throws Exception {
        return JSON.readTree(dataDir.resolve("settings.json").toFile());
    }

    private void writeSettings(String json) throws Exception {
        Files.writeString(dataDir.resolve("settings.json"), json);
    }

    @Test
    void theThemeAndTheWindowsPlaceAndSizeSurviveARestart(FxRobot robot) throws Exception {
        startApp(false);
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(darkStylesheet()).isFalse();

        FxFlow.pickTheme(robot, ThemeChoice.DARK);
        assertThat(darkStylesheet()).isTrue();
        // Saved at once, not only on close: a crash later keeps the choice.
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("settings.json"))
                && "dark".equals(settingsFile().path("theme").textValue()));

        Rectangle2D chosen = somewhereOn(screen(), 40, 30);
        robot.interact(() -> place(chosen));
        assertThat(fx(() -> bounds(stage))).isEqualTo(chosen);
        // Also saved as it happens, before any close: an app that is killed keeps its place.
        await().atMost(Duration.ofSeconds(10)).until(() -> settingsFile().path("window").path("x").doubleValue()
                == chosen.getMinX() && settingsFile().path("window").path("height").doubleValue() == chosen.getHeight());
        fx(this::closeApp);

        JsonNode window = settingsFile().get("window");
        assertThat(window.get("x").doubleValue()).isEqualTo(chosen.getMinX());
        assertThat(window.get("width").doubleValue()).isEqualTo(chosen.getWidth());
        assertThat(window.get("maximized").booleanValue()).isFalse();

        // The stage is shared by the tests: move it so the restart has to put it back.
        Rectangle2D elsewhere = somewhereOn(screen(), 120, 80);
        robot.interact(() -> place(elsewhere));
        assertThat(fx(() -> bounds(stage))).isEqualTo(elsewhere);

        startApp(false);
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.DARK);
        assertThat(darkStylesheet()).isTrue();
        assertThat(fx(() -> bounds(stage))).isEqualTo(chosen);
        assertThat(fx(stage::isMaximized)).isFalse();
    }

    @Test
    void aMaximizedWindowIsMaximizedAgainAndKeepsItsNormalPlace(FxRobot robot) throws Exception {
        startApp(false);
        Rectangle2D screen = screen();
        Rectangle2D normal = somewhereOn(screen, 60, 40);
        robot.interact(() -> place(normal));
        robot.interact(() -> stage.setMaximized(true));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(stage::isMaximized));
        fx(this::closeApp);

        JsonNode window = settingsFile().get("window");
        assertThat(window.get("maximized").booleanValue()).isTrue();
        assertThat(new Rectangle2D(window.get("x").doubleValue(), window.get("y").doubleValue(),
                window.get("width").doubleValue(), window.get("height").doubleValue()))
                .as("the normal bounds, not the maximized ones").isEqualTo(normal);

        robot.interact(() -> {
            stage.setMaximized(false);
            place(somewhereOn(screen, 120, 80));
        });
        startApp(false);
        assertThat(fx(stage::isMaximized)).isTrue();
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.SYSTEM);

        // Closed again while maximized: still the same normal bounds.
        fx(this::closeApp);
        assertThat(settingsFile().get("window").get("x").doubleValue()).isEqualTo(normal.getMinX());
        assertThat(settingsFile().get("window").get("maximized").booleanValue()).isTrue();
    }

    @Test
    void maximizedBoundsReportedBeforeTheMaximizedStateAreNotTakenAsTheNormalOnes(FxRobot robot) throws Exception {
        startApp(false);
        Rectangle2D normal = somewhereOn(screen(), 60, 40);
        robot.interact(() -> stage.setMaximized(true));
        Rectangle2D maximized = fx(() -> bounds(stage));
        robot.interact(() -> stage.setMaximized(false));
        robot.interact(() -> place(normal));
        // As some toolkits do it: first the new bounds (a separate event), then the new state.
        robot.interact(() -> place(maximized));
        robot.interact(() -> stage.setMaximized(true));
        assertThat(fx(() -> bounds(stage))).isEqualTo(maximized);
        fx(this::closeApp);

        JsonNode window = settingsFile().get("window");
        assertThat(new Rectangle2D(window.get("x").doubleValue(), window.get("y").doubleValue(),
                window.get("width").doubleValue(), window.get("height").doubleValue())).isEqualTo(normal);
        assertThat(window.get("maximized").booleanValue()).isTrue();
    }

    @Test
    void savedBoundsOnNoScreenAreNotUsed(FxRobot robot) throws Exception {
        writeSettings("""
                {"schemaVersion": 1, "theme": "dark",
                 "window": {"x": -20000, "y": -20000, "width": 1000, "height": 650, "maximized": false}}
                """);
        // Where a stage restored from those bounds would be.
        robot.interact(() -> place(new Rectangle2D(-20000, -20000, 1000, 650)));

        startApp(false);

        Rectangle2D screen = screen();
        Rectangle2D shown = fx(() -> bounds(stage));
        assertThat(shown.getMinX()).isBetween(screen.getMinX(), screen.getMaxX() - 100);
        assertThat(shown.getMinY()).isBetween(screen.getMinY(), screen.getMaxY() - 50);
        assertThat(shown.getWidth()).isBetween(900.0, screen.getWidth());
        assertThat(shown.getHeight()).isBetween(560.0, screen.getHeight());
        assertThat(fx(stage::isShowing)).isTrue();
        // The theme of the same file is still used.
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void aCorruptSettingsFileIsMovedAsideAndTheAppStartsAsOnAFirstStart(FxRobot robot) throws Exception {
        writeSettings("{\"schemaVersion\": 1, \"theme\": \"dark\", \"window\": ");

        startApp(false);

        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(fx(stage::isShowing)).isTrue();
        assertThat(fx(() -> Window.getWindows().stream().filter(Window::isShowing).count()))
                .as("no error window").isEqualTo(1L);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("settings.json.corrupt-"));
        }
        // The window's place is saved as it is shown: a fresh, valid file replaces the broken one.
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("settings.json")));
        assertThat(settingsFile().get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(settingsFile().get("theme").textValue()).isEqualTo("system");
    }

    @Test
    void systemFollowsTheDesktopUntilTheUserPicksAndThePickIsRemembered(FxRobot robot) throws Exception {
        startAppOnDesktop(CompletableFuture.completedFuture(true));
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(darkStylesheet()).as("a dark desktop").isTrue();

        FxFlow.pickTheme(robot, ThemeChoice.LIGHT);
        assertThat(darkStylesheet()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("settings.json"))
                && "light".equals(settingsFile().path("theme").textValue()));
        fx(this::closeApp);

        startAppOnDesktop(CompletableFuture.completedFuture(true));
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.LIGHT);
        assertThat(darkStylesheet()).as("the user's pick, not the desktop's").isFalse();

        FxFlow.pickTheme(robot, ThemeChoice.SYSTEM);
        assertThat(darkStylesheet()).isTrue();
        fx(this::closeApp);
        assertThat(settingsFile().get("theme").textValue()).isEqualTo("system");
    }

    @Test
    void aDesktopThatAnswersLateChangesTheThemeWhenItDoes(FxRobot robot) throws Exception {
        CompletableFuture<Boolean> slow = new CompletableFuture<>();
        startAppOnDesktop(slow);
        assertThat(fx(stage::isShowing)).as("the start did not wait for the desktop").isTrue();
        assertThat(darkStylesheet()).isFalse();

        slow.complete(true);
        await().atMost(Duration.ofSeconds(10)).until(this::darkStylesheet);
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.SYSTEM);
    }

    @Test
    void aForcedDarkThemeIsShownButNotRememberedAsTheUsersChoice(FxRobot robot) throws Exception {
        writeSettings("{\"schemaVersion\": 1, \"theme\": \"light\"}");

        startApp(true);
        assertThat(themeMenu(robot)).isEqualTo(ThemeChoice.DARK);
        assertThat(darkStylesheet()).isTrue();
        fx(this::closeApp);

        assertThat(settingsFile().get("theme").textValue()).isEqualTo("light");
        assertThat(settingsFile().get("window").get("width").doubleValue()).isPositive();
    }

    @Test
    void aFirstStartTakesMostOfTheScreenAndASavedSizeIsHonoured(FxRobot robot) throws Exception {
        // As GTK did on a 1920 × 1080 screen: the window opens at its minimum size, whatever size it was given.
        EventHandler<WindowEvent> toolkitShrinks = e -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        };
        robot.interact(() -> {
            stage.hide();  // as a first start finds it (the stage is shared by the tests)
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, toolkitShrinks);
        });
        try {
            startApp(false);
            Rectangle2D screen = screen();
            assertThat(fx(() -> bounds(stage))).isEqualTo(WindowPlacement.firstStart(screen, 900, 560));
            assertThat(fx(() -> stage.getWidth())).isGreaterThanOrEqualTo(Math.min(1100, screen.getWidth()));
            assertThat(fx(() -> stage.getHeight())).isGreaterThanOrEqualTo(Math.min(700, screen.getHeight()));
            fx(this::closeApp);

            Rectangle2D chosen = new Rectangle2D(screen.getMinX() + 30, screen.getMinY() + 20,
                    Math.max(901, screen.getWidth() - 90), Math.max(561, screen.getHeight() - 70));
            writeSettings("{\"schemaVersion\": 1, \"theme\": \"light\", \"window\": {\"x\": " + chosen.getMinX()
                    + ", \"y\": " + chosen.getMinY() + ", \"width\": " + chosen.getWidth() + ", \"height\": "
                    + chosen.getHeight() + ", \"maximized\": false}}");
            robot.interact(() -> stage.hide());
            startApp(false);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(fx(() -> bounds(stage))).isEqualTo(chosen);
            fx(this::closeApp);
            assertThat(settingsFile().get("window").get("width").doubleValue()).isEqualTo(chosen.getWidth());
            assertThat(settingsFile().get("window").get("height").doubleValue()).isEqualTo(chosen.getHeight());
        } finally {
            robot.interact(() -> stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, toolkitShrinks));
        }
    }
}
