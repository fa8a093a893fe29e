package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.io.CaptureFiles;
import dev.wsinspector.core.io.CaptureFormat;
import dev.wsinspector.core.io.ImportResult;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Saving a tab's capture and opening capture files, on the real app (echo server on loopback, headless window),
 * with real files in a temporary directory; only the file dialogs are answered by the test.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CaptureFilesFlowTest {

    @TempDir
    Path dir;

    private InspectorApp.AppContext app;
    private Stage stage;
    private final BackgroundTasks io = new BackgroundTasks();
    /** What the "save" dialog answers; the "open" dialog answers {@link #toOpen}. */
    private Path saveAs;
    private final List<Path> toOpen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
        MainWindow window = app.window();
        window.useCaptureFiles(new CaptureFileActions(() -> stage, io, new CaptureFileActions.FileDialogs() {
            @Override
            public List<Path> chooseToOpen(Window owner) {
                return List.copyOf(toOpen);
            }

            @Override
            public Optional<Path> chooseToSave(Window owner, CaptureFormat format, String name) {
                assertThat(name).endsWith(format.extension());
                return Optional.ofNullable(saveAs);
            }
        }, window::openCapture, window::showNotice, "9.9.9"));
    }

    @AfterEach
    void tearDown(FxRobot robot) throws Exception {
        robot.interact(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
        io.close();
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    private void liveCaptureOf(FxRobot robot, String... messages) throws Exception {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        for (String message : messages) {
            sendFromComposer(robot, MessageMode.TEXT, message);
        }
        int frames = 2 * messages.length;
        await().atMost(Duration.ofSeconds(10)).until(() -> tab().model().session().frames().size() >= frames);
    }

    private void chooseFromSaveMenu(FxRobot robot, String itemId) {
        robot.interact(() -> {
            MenuButton menu = robot.lookup("#saveCaptureMenu").queryAs(MenuButton.class);
            menu.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst().map(MenuItem::getOnAction)
                    .orElseThrow().handle(null);
        });
    }

    @Test
    void aLiveCaptureSavedAsPcapngIsAWiresharkFileThatIsNotOpenedAgain(FxRobot robot) throws Exception {
        liveCaptureOf(robot, "for wireshark");
        saveAs = dir.resolve("session.pcapng");
        javafx.scene.control.ProgressBar bar = robot.lookup("#saveProgress").queryAs(javafx.scene.control.ProgressBar.class);
        List<Boolean> barShown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> bar.visibleProperty().addListener((o, a, shown) -> barShown.add(shown)));
        chooseFromSaveMenu(robot, "savePcapngMenu");

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(
                () -> robot.lookup("#statusNotice").queryAs(Label.class).getText()).startsWith("Saved 2 frames to "));
        assertThat(barShown).as("the progress bar showed while saving, and went away").containsExactly(true, false);
        byte[] bytes = java.nio.file.Files.readAllBytes(saveAs);
        assertThat(java.util.Arrays.copyOf(bytes, 4)).as("a pcapng section header block")
                .containsExactly(0x0A, 0x0D, 0x0D, 0x0A);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Upgrade: websocket");
        assertThat(CaptureFileActions.isCapture(saveAs)).as("not offered for opening or dropping").isFalse();
    }

    @Test
    void aLiveCaptureSavedAsJsonLinesOpensAgainInItsOwnTab(FxRobot robot) throws Exception {
        liveCaptureOf(robot, "first message", "second message");
        saveAs = dir.resolve("session.jsonl");
        chooseFromSaveMenu(robot, "saveJsonlMenu");

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(
                () -> robot.lookup("#statusNotice").queryAs(Label.class).getText()).startsWith("Saved 4 frames to "));
        ImportResult written = CaptureFiles.read(saveAs);
        assertThat(written.captures()).hasSize(1);
        assertThat(written.captures().get(0).session().frames().size()).isEqualTo(4);

        toOpen.add(saveAs);
        robot.clickOn("#openCaptureButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().getText()).equals("session.jsonl"));
        assertThat(fx(() -> app.window().tabs().getTabs().size())).isEqualTo(2);
        assertThat(fx(() -> tab().model().stateTextProperty().get())).isEqualTo("From file");
        assertThat(fx(() -> tab().model().connectedProperty().get())).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().size() >= 6);
        assertThat(rows()).extracting(TimelineRow::type).containsExactly("connecting", "open", "text", "text", "text", "text");
        assertThat(rows().get(5).preview()).isEqualTo("second message");
        assertThat(rows().get(5).arrow()).isEqualTo("↓");

        // The frames read back are real frames: the detail pane shows them like live ones.
        robot.interact(() -> tab().timeline().selectIndex(2));
        DetailPane detail = fx(() -> (DetailPane) tab().getContent().lookup(".detail-pane"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> detail.viewModel().textContentProperty().get()) != null);
        assertThat(fx(() -> detail.viewModel().summaryProperty().get())).contains("out").contains("text");
        // And the tab can go live again at the capture's address.
        assertThat(fx(() -> tab().model().urlProperty().get())).startsWith("ws://127.0.0.1:");
    }

    @Test
    void aCaptureSavedAsHarGetsTheExtensionAndLeavesSecretsOutByDefault(FxRobot robot) throws Exception {
        liveCaptureOf(robot, "hello har");
        saveAs = dir.resolve("named-without-extension");
        chooseFromSaveMenu(robot, "saveHarMenu");

        Path har = dir.resolve("named-without-extension.har");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(har));
        String text = Files.readString(har, StandardCharsets.UTF_8);
        assertThat(text).contains("_webSocketMessages").contains("hello har");
        assertThat(CaptureFiles.read(har).captures().get(0).session().frames().size()).isEqualTo(2);
    }

    @Test
    void aFileThatIsNotACaptureGetsANoticeNamingItAndWhy(FxRobot robot) throws Exception {
        Path notJson = dir.resolve("notes.har");
        Files.writeString(notJson, "these are not the frames you are looking for");
        int tabsBefore = fx(() -> app.window().tabs().getTabs().size());

        robot.interact(() -> app.window().captureFiles().open(List.of(notJson)));

        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#captureNotice").tryQuery().isPresent());
        DialogPane notice = robot.lookup("#captureNotice").queryAs(DialogPane.class);
        assertThat(notice.getHeaderText()).isEqualTo("Could not open notes.har");
        assertThat(notice.getContentText()).startsWith(notJson + ": ");
        assertThat(fx(() -> app.window().tabs().getTabs().size())).isEqualTo(tabsBefore);
    }

    @Test
    void aCaptureWithAnUnreadableLineOpensTheRestAndSaysWhichLine(FxRobot robot) throws Exception {
        liveCaptureOf(robot, "kept");
        Path good = dir.resolve("good.jsonl");
        CaptureFiles.write(tab().model().session(), good, false, "9.9.9");
        List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        lines.add(2, "{ this line is broken");
        Path damaged = dir.resolve("damaged.jsonl");
        Files.write(damaged, lines, StandardCharsets.UTF_8);

        robot.interact(() -> app.window().captureFiles().open(List.of(damaged)));

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().getText()).equals("damaged.jsonl"));
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#captureNotice").tryQuery().isPresent());
        DialogPane notice = robot.lookup("#captureNotice").queryAs(DialogPane.class);
        assertThat(notice.getHeaderText()).isEqualTo("Opened damaged.jsonl, but 1 part could not be read");
        assertThat(notice.getContentText()).contains("line 3");
        await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().filter(r -> r.type().equals("text")).count() == 2);
    }
}
