package dev.wsinspector.app;

import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.about.AboutInfo;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The window as a launch builds it: icon, About entry, files from the desktop, a failed start. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppLaunchFlowTest {

    /** A file the desktop hands over that is not there (any more): the app says so and stays up. */
    private static final Path CAPTURE = Path.of(System.getProperty("java.io.tmpdir"),
            "wsi-" + java.util.UUID.randomUUID(), "opened-from-the-file-manager.har");
    private final AboutInfo about = new AboutInfo("9.9.9", "17", "21.0.11", "Linux", Path.of("/data"),
            Path.of("/data/logs/ws-inspector.log"));
    private InspectorApp.AppContext app;
    private Stage stage;
    /** Right after the start, before any pulse: the icons set, the detail pane found, its views built. */
    private int iconsAtStart;
    private boolean detailPaneAtStart;
    private boolean detailViewsAtStart;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.getIcons().clear();  // the primary stage is shared by the tests: an earlier start gave it icons
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false,
                about, List.of(CAPTURE));
        iconsAtStart = stage.getIcons().size();
        detailPaneAtStart = stage.getScene().getRoot().lookup(".detail-pane") != null;
        detailViewsAtStart = stage.getScene().getRoot().lookup(".detail-tabs") != null;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            app.close();
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theWindowHasTheAppIconAndTitle() throws Exception {
        // Decoded off the FX thread: not there when the window first shows, set soon after.
        assertThat(iconsAtStart).isZero();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !stage.getIcons().isEmpty()).get());
        assertThat(stage.getIcons()).hasSize(6);
        assertThat(stage.getIcons().get(0).getWidth()).isEqualTo(16);
        assertThat(stage.getTitle()).isEqualTo("WS Inspector");
    }

    @Test
    void theDetailViewsAreBuiltAfterTheWindowHasShown() throws Exception {
        assertThat(detailPaneAtStart).isTrue();
        assertThat(detailViewsAtStart).as("detail views built before the first paint").isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> stage.getScene().getRoot().lookup(".detail-tabs") != null).get());
        // Built, but nothing is selected yet: the placeholder is still what shows.
        assertThat(WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().lookup(".detail-tabs").isVisible())
                .get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aCaptureFromTheDesktopThatCannotBeReadGetsAClearNotice(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#captureNotice").tryQuery().isPresent());
        DialogPane notice = robot.lookup("#captureNotice").queryAs(DialogPane.class);
        assertThat(notice.getHeaderText()).isEqualTo("Could not open opened-from-the-file-manager.har");
        assertThat(notice.getContentText()).isEqualTo(CAPTURE + ": the file does not exist");
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void theToolbarOpensTheAboutWindowWithThisLaunchsFacts(FxRobot robot) {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        robot.clickOn("#aboutButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#aboutVersion").queryAs(Label.class).getText()).isEqualTo("9.9.9");
        assertThat(robot.lookup("#aboutLogFile").queryAs(Label.class).getText())
                .isEqualTo(Path.of("/data/logs/ws-inspector.log").toString());
    }

    @Test
    void aStartThatFailsStopsWhatItStartedAndShowsNoWindow() throws Exception {
        AtomicBoolean stopped = new AtomicBoolean();
        LocalServer broken = new LocalServer() {
            @Override
            public URI start(String host, int port) {
                return URI.create("ws://127.0.0.1:1/");
            }

            @Override
            public void stop() {
                stopped.set(true);
            }

            @Override
            public Optional<URI> address() {
                return Optional.empty();
            }

            @Override
            public int clientCount() {
                return 0;
            }

            @Override
            public void drainLog(List<String> into) {
                throw new IllegalStateException("broken on purpose");
            }
        };
        Stage[] other = new Stage[1];
        Throwable thrown = WaitForAsyncUtils.asyncFx(() -> {
            other[0] = new Stage();
            try {
                InspectorApp.AppContext.start(other[0], new JwsConnectionService(), broken, false, false, about,
                        List.of());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(thrown).hasMessageContaining("broken on purpose");
        assertThat(stopped).isTrue();
        assertThat(other[0].isShowing()).isFalse();
    }
}
