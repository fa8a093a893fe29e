package dev.wsinspector.ui.connection;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import dev.wsinspector.ui.conformance.ConformanceRuns;
import dev.wsinspector.ui.detail.DetailPane;
import dev.wsinspector.ui.tests.TestRuns;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** One tab in a headless stage, never connected: what it builds up front and what only when first shown. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectionTabTest {

    private BackgroundTasks tasks;
    private ConformanceRuns conformance;
    private ConnectionTab tab;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        // The tools pane's Conformance panel asks for the app's runs.
        conformance = ConformanceRuns.of(new JwsConnectionService(), SessionRecorder.inMemory());
        // And its Tests panel the app's scenario runs (a directory that need not exist lists no scenarios).
        TestRuns tests = TestRuns.of(new JwsConnectionService(), SessionRecorder.inMemory(),
                Path.of(System.getProperty("java.io.tmpdir"), "wsi-connection-tab-test"));
        ViewLoader views = new ViewLoader(Controllers.builder().provide(ConformanceRuns.class, conformance)
                .provide(TestRuns.class, tests).build());
        tab = new ConnectionTab(views, new ConnectionViewModel(new JwsConnectionService(), SessionRecorder.inMemory(),
                "ws://127.0.0.1:1/"), new DetailPane(tasks));
        stage.setScene(new Scene(new TabPane(tab), 1200, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            tab.model().disconnectNow();
            return null;
        });
        tasks.close();
        conformance.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits until {@code selector} finds a node in the tab (skins are made on a pulse), and returns it. */
    private Node awaitInTab(String selector) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> tab.getContent().lookup(selector) != null));
        return fx(() -> tab.getContent().lookup(selector));
    }

    @Test
    void theToolsAreBuiltTheFirstTimeTheyAreShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tab.toolsBuilt())).isFalse();

        robot.interact(() -> robot.lookup("#toolsToggle").queryAs(ToggleButton.class).fire());
        assertThat(fx(() -> tab.toolsBuilt())).isTrue();
        Node tools = awaitInTab("#tabTools");
        assertThat(awaitInTab("#savedMessagesPanel")).isNotNull();

        robot.interact(() -> robot.lookup("#toolsToggle").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tab.getContent().lookup("#tabTools"))).isNull();
        robot.interact(() -> robot.lookup("#toolsToggle").queryAs(ToggleButton.class).fire());
        assertThat(awaitInTab("#tabTools")).isSameAs(tools);
    }

    @Test
    void showToolBuildsTheToolsAndSelectsTheOneAskedFor(FxRobot robot) throws Exception {
        assertThat(fx(() -> tab.toolsBuilt())).isFalse();
        robot.interact(() -> tab.showTool("Replay"));
        TabPane tools = (TabPane) awaitInTab("#tabTools");
        assertThat(fx(() -> tools.getSelectionModel().getSelectedItem().getText())).isEqualTo("Replay");
        assertThat(awaitInTab("#startReplay")).isNotNull();

        robot.interact(() -> tab.showTool("Conformance"));
        assertThat(fx(() -> tools.getSelectionModel().getSelectedItem().getText())).isEqualTo("Conformance");
        assertThat(awaitInTab("#runConformance")).isNotNull();
    }

    @Test
    void prepareDetailBuildsTheDetailViews(FxRobot robot) throws Exception {
        awaitInTab(".detail-pane");
        assertThat(fx(() -> tab.getContent().lookup(".detail-tabs"))).isNull();
        robot.interact(() -> tab.prepareDetail());
        assertThat(awaitInTab(".detail-tabs")).isNotNull();
    }
}
