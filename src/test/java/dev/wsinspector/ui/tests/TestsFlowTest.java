package dev.wsinspector.ui.tests;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/**
 * The Tests panel as a user works it, in the real app against its own echo server: scenarios in
 * {@code <data dir>/scenarios/} listed, Run all (one passes, one fails), the failed step's reason shown, its
 * frames opened in a tab, and Run again on a click.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestsFlowTest {

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
        }).get(10, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static <T> ListView<T> list(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ListView.class);
    }

    /** Fires the button as a click would (the narrow tools pane may lay it out partly hidden). */
    private static void press(FxRobot robot, String id) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> enabled(robot, id));
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private static boolean enabled(FxRobot robot, String id) throws Exception {
        return fx(() -> !robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    @Test
    void runAllShowsPassAndFailWithTheReasonAndAStepOpensItsFrames(FxRobot robot) throws Exception {
        // started with more than fx()'s 10 s: on a loaded build machine the first start is slow
        app = WaitForAsyncUtils.asyncFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(),
                new LocalEchoServer(), false, false, dataDir)).get(60, TimeUnit.SECONDS);
        ConnectionTab first = fx(() -> app.window().selectedTab());
        String echo = fx(() -> first.model().urlProperty().get());
        Path scenarios = Files.createDirectories(dataDir.resolve("scenarios"));
        String head = "{\"schemaVersion\":1,\"connection\":{\"url\":\"" + echo + "\"},\"timeoutMs\":300,\"steps\":[";
        Files.writeString(scenarios.resolve("a-pass.json"), head + "{\"send\":\"hi\"},{\"expect\":\"hi\"}]}");
        Files.writeString(scenarios.resolve("b-fail.json"), head + "{\"send\":\"ping\"},{\"expect\":\"pong\"}]}");

        robot.clickOn("#toolsToggle");
        robot.clickOn("Tests");
        press(robot, "#reloadTests");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> list(robot, "#testScenarios").getItems().size()) == 2);

        press(robot, "#runAllTests");
        await().atMost(Duration.ofSeconds(60)).until(() -> fx(() -> robot.lookup("#testsStatus").queryAs(Label.class)
                .getText() + " | " + list(robot, "#testScenarios").getItems()), s -> s.startsWith("2 run: 1 passed, 1 failed"));
        ListView<TestsViewModel.ScenarioRow> scenarioList = list(robot, "#testScenarios");
        List<TestsViewModel.ScenarioRow> rows = fx(() -> List.copyOf(scenarioList.getItems()));
        assertThat(rows).extracting(TestsViewModel.ScenarioRow::status).containsExactly("PASS", "FAIL");

        robot.interact(() -> list(robot, "#testScenarios").getSelectionModel().select(1));
        ListView<TestsViewModel.StepRow> stepList = list(robot, "#testSteps");
        List<TestsViewModel.StepRow> steps = fx(() -> List.copyOf(stepList.getItems()));
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).passed()).isFalse();
        assertThat(steps.get(1).text()).startsWith("FAIL 2  expect text \"pong\"")
                .contains("no message matched text \"pong\" within 300 ms").contains("\"ping\"");
        assertThat(fx(() -> robot.lookup("#testsStatus").queryAs(Label.class).getText()))
                .startsWith("b-fail.json: step 2 (expect text \"pong\") failed");

        robot.interact(() -> list(robot, "#testSteps").getSelectionModel().select(1));
        press(robot, "#showStepFrames");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().selectedTab() != first));
        ConnectionTab frames = fx(() -> app.window().selectedTab());
        assertThat(fx(() -> frames.model().session().frames().size())).as("the ping sent and echoed")
                .isGreaterThanOrEqualTo(2);
        // the failed expect's last frame seen (the echoed "ping") is selected in the new tab's timeline
        long seen = steps.get(1).frameSeq();
        assertThat(seen).isPositive();
        assertThat(fx(() -> frames.model().session().frames().get(seen).direction()))
                .isEqualTo(dev.wsinspector.core.frame.Direction.IN);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> frames.timeline().leadRow() == null ? -1
                : frames.timeline().leadRow().seq()) == seen);
        assertThat(fx(() -> frames.timeline().leadRow().asText())).contains("ping");

        // Save selection as test… on the rows of the sent ping and its echo: the review dialog, then the file
        robot.interact(() -> frames.timeline().selection().selectRange(frames.timeline().rows().rowOfFrame(0),
                frames.timeline().rows().rowOfFrame(1) + 1));
        MenuItem saveSelection = fx(() -> frames.timeline().contextMenu().getItems().stream()
                .filter(i -> "saveSelectionAsTestMenu".equals(i.getId())).findFirst().orElseThrow());
        Platform.runLater(saveSelection::fire); // the dialog waits in its own loop: not inside interact()
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#saveAsTestName").tryQuery()
                .isPresent()));
        robot.interact(() -> {
            TextField name = robot.lookup("#saveAsTestName").queryAs(TextField.class);
            assertThat(name.getText()).isEqualTo("test main step 2 0-1");
            name.setText("from selection");
            DialogPane pane = (DialogPane) name.getScene().getRoot();
            ButtonType save = pane.getButtonTypes().stream().filter(b -> b.getText().equals("Save")).findFirst()
                    .orElseThrow();
            ((Button) pane.lookupButton(save)).fire();
        });
        Path saved = scenarios.resolve("from-selection.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(saved));
        assertThat(Files.readString(saved)).contains("\"send\" : \"ping\"").contains("\"expect\"")
                .doesNotContain("expectClose");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> list(robot, "#testScenarios").getItems().size()) == 3);

        robot.interact(() -> app.window().tabs().getSelectionModel().select(0));
        robot.interact(() -> list(robot, "#testScenarios").getSelectionModel().select(0));
        press(robot, "#runTest");
        await().atMost(Duration.ofSeconds(30)).until(() -> enabled(robot, "#runAllTests")
                && fx(() -> robot.lookup("#testsStatus").queryAs(Label.class).getText()).startsWith("1 run: 1 passed"));
    }
}
