package dev.wsinspector.ui.conformance;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.conformance.ConformanceCases;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.conformance.ConformanceViewModel.CaseRow;
import dev.wsinspector.ui.conformance.ConformanceViewModel.Status;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The conformance run as a user does it, in the real app: the tab's Tools, the Conformance tab, Run against the
 * app's own echo server (every case passes or is skipped, the window answering meanwhile), then one case's
 * Frames opens its capture in a new read-only tab with the frames both ways.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConformanceFlowTest {

    @TempDir
    Path dataDir;

    private Stage stage;
    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        dev.wsinspector.testutil.FxFlow.hideOtherWindows(stage); // what an earlier class left open
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            if (app != null) {
                app.close();
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private ListView<CaseRow> cases(FxRobot robot) {
        return robot.lookup("#conformanceCases").queryAs(ListView.class);
    }

    @Test
    void aRunAgainstTheEmbeddedEchoServerPassesAndACaseOpensItsFrames(FxRobot robot) throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        ConnectionTab first = fx(() -> app.window().selectedTab());
        String echo = fx(() -> first.model().urlProperty().get());
        assertThat(echo).startsWith("ws://127.0.0.1:");

        robot.clickOn("#toolsToggle");
        robot.clickOn("Conformance");
        assertThat(fx(() -> robot.lookup("#conformanceUrl").queryAs(TextField.class).getText()))
                .as("the tab's address").isEqualTo(echo);
        int all = ConformanceCases.all().size();
        assertThat(fx(() -> cases(robot).getItems().size())).isEqualTo(all);

        robot.clickOn("#runConformance");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx(() -> robot.lookup("#stopConformance").queryAs(Button.class).isDisabled()) == false);
        // The window answers while the run goes on: the FX thread is free (a pulse runs in between).
        assertThat(fx(() -> robot.lookup("#runConformance").queryAs(Button.class).isDisabled())).isTrue();
        await().atMost(Duration.ofSeconds(120)).until(() -> fx(() -> robot.lookup("#runConformance")
                .queryAs(Button.class).isDisabled()) == false);

        List<CaseRow> rows = fx(() -> List.copyOf(cases(robot).getItems()));
        assertThat(rows).hasSize(all).allSatisfy(r -> assertThat(r.status()).as(r.testCase().id() + ": " + r.observed())
                .isIn(Status.PASS, Status.SKIP));
        assertThat(fx(() -> robot.lookup("#conformanceSummary").queryAs(Label.class).getText()))
                .startsWith(all + " cases: ").contains(" 0 failed");
        assertThat(fx(() -> robot.lookup("#conformanceProgressText").queryAs(Label.class).getText()))
                .isEqualTo(all + " of " + all);
        assertThat(fx(() -> robot.lookup("#saveConformanceReport").queryAs(Button.class).isDisabled())).isFalse();
        assertThat(fx(() -> robot.lookup(".conformance-case.case-pass").queryAll().size())).isPositive();

        int unmasked = rows.stream().map(r -> r.testCase().id()).toList().indexOf("unmasked-frame");
        robot.interact(() -> cases(robot).scrollTo(unmasked));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> visible(robot, "#caseFrames-" + unmasked)));
        robot.clickOn("#caseFrames-" + unmasked);

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().selectedTab() != first));
        ConnectionTab frames = fx(() -> app.window().selectedTab());
        assertThat(fx(() -> frames.model().storedSessionProperty().get())).isEqualTo("conformance unmasked-frame");
        assertThat(fx(() -> frames.getText())).isEqualTo("conformance unmasked-frame");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> frames.timeline().rows() != null
                && frames.timeline().rows().reachableRows() >= 2));
        assertThat(fx(() -> frames.model().session().frames().size())).as("the crafted frame and the server's close")
                .isGreaterThanOrEqualTo(2);
        assertThat(fx(() -> app.window().tabs().getTabs().size())).isEqualTo(2);
    }

    private static boolean visible(FxRobot robot, String query) {
        Node node = robot.lookup(query).tryQuery().orElse(null);
        return node != null && node.isVisible() && node.getScene() != null;
    }
}
