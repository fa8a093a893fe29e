package dev.wsinspector.ui.mock;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.testutil.FxFlow;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A mock server made in the app as a user does: the toolbar's menu opens a mock tab, a rule is added and edited in
 * the rule editor (a bad regex said next to its field first), Start shows the address; the app's own client tab
 * connects to it and sends; the rule's reply arrives in the client tab, and the mock tab shows the client's frames
 * with "rule 1 replied" for the received message. Save writes the server under servers/.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MockServerFlowTest {

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
            dev.wsinspector.testutil.FxFlow.hideOtherWindows(stage);
        }).get(10, TimeUnit.SECONDS);
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    /** Fires the button as a click does (after a resize the robot may aim at the old place). */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryAs(Button.class).fire());
    }

    private static String label(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    @Test
    void aRuleMadeInTheMockTabAnswersTheAppsOwnClientAndIsShownAsHavingReplied(FxRobot robot) throws Exception {
        app = WaitForAsyncUtils.asyncFx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(),
                new LocalEchoServer(), false, false, dataDir)).get(60, TimeUnit.SECONDS);

        FxFlow.clickWhenShown(robot, "#mockServerMenu");
        FxFlow.clickWhenShown(robot, "#newMockServer");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() ->
                app.window().tabs().getSelectionModel().getSelectedItem() instanceof MockTab));
        MockTab mock = fx(() -> (MockTab) app.window().tabs().getSelectionModel().getSelectedItem());

        robot.clickOn("#addRule");
        robot.interact(() -> robot.lookup("#ruleWhenKind").queryAs(javafx.scene.control.ChoiceBox.class)
                .setValue(RuleRow.WhenKind.REGEX));
        type(robot, "#ruleWhen", "hello (?<who>\\w+");
        assertThat(label(robot, "#ruleWhenProblem")).startsWith("Not a regex: Unclosed group");
        type(robot, "#ruleWhen", "^hello (?<who>\\w+)$");
        assertThat(label(robot, "#ruleWhenProblem")).isEmpty();
        robot.interact(() -> robot.lookup("#ruleReply").queryAs(javafx.scene.control.TextArea.class)
                .setText("hi {{who}}, from rule {{rule}}"));
        assertThat(fx(() -> robot.lookup("#rulesTable").queryAs(TableView.class).getItems().size())).isEqualTo(1);

        robot.clickOn("#mockToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().runningProperty().get()));
        String address = label(robot, "#mockAddress");
        assertThat(address).startsWith("ws://127.0.0.1:");
        assertThat(fx(() -> robot.lookup("#mockWarning").query().isVisible())).as("loopback: no warning").isFalse();
        assertThat(fx(() -> mock.getText())).isEqualTo("Mock server · " + address);

        ConnectionTab client = fx(() -> app.window().openTab(address));
        robot.interact(client::connect);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> client.model().stateProperty().get())
                == ConnectionState.OPEN);
        FxFlow.sendFromComposer(robot, MessageMode.TEXT, "hello world");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> client.timeline().shownRows().stream()
                .anyMatch(r -> r.preview().equals("hi world, from rule 1"))));

        robot.interact(() -> app.window().tabs().getSelectionModel().select(mock));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().clients().size()) == 1);
        assertThat(fx(() -> mock.model().clients().get(0))).startsWith("Client 1 (127.0.0.1:");
        // the client's message as the server received it, then the rule's reply, in the mock tab's own timeline
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.viewer().timeline().shownRows().stream()
                .anyMatch(r -> r.preview().equals("hi world, from rule 1"))));
        // the message the client sent, as the server received it (in), selected in the mock tab's timeline
        long seq = fx(() -> {
            var frames = mock.model().shownClientProperty().get().frames();
            for (long i = 0; i < frames.size(); i++) {
                if (frames.direction(i) == Direction.IN && frames.opcode(i).isDataStart()) {
                    return i;
                }
            }
            return -1L;
        });
        assertThat(seq).isNotNegative();
        assertThat(fx(() -> new String(mock.model().shownClientProperty().get().frames().get(seq).payloadBytes(),
                java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("hello world");
        robot.interact(() -> mock.viewer().timeline().goToFrame(seq));
        await().atMost(Duration.ofSeconds(10)).until(() -> label(robot, "#mockRuleLine"),
                s -> s.equals("Message #" + seq + " from client 1: rule 1 replied"));
        // and in the timeline's Summary column of that row (shown while it fits: at 1280 px, no sidebar)
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (javafx.scene.Node n : mock.getContent().lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableRow() != null
                        && c.getTableRow().getItem() instanceof dev.wsinspector.ui.timeline.TimelineRow t
                        && t.isFrame() && t.seq() == seq) {
                    texts.add(c.getText());
                }
            }
            return texts;
        }), texts -> texts.contains("rule 1"));

        press(robot, "#mockSave");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().noticeProperty().get()),
                s -> s.startsWith("Saved "));
        List<Path> saved;
        try (var files = Files.list(dataDir.resolve("servers"))) {
            saved = files.toList();
        }
        assertThat(saved).hasSize(1);
        assertThat(Files.readString(saved.get(0))).contains("hi {{who}}, from rule {{rule}}");

        press(robot, "#mockToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> client.model().stateProperty().get())
                == ConnectionState.CLOSED);
        assertThat(fx(() -> robot.lookup("#mockToggle").queryAs(Button.class).getText())).isEqualTo("Start");

        // Seed from session…: the client tab's session, now stored, becomes one more rule with its reply
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup("#mockSeed").query().isDisabled()),
                disabled -> !disabled);
        press(robot, "#mockSeed");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> robot.lookup(".choice-dialog").tryQuery()
                .isPresent()));
        robot.interact(() -> ((javafx.scene.control.DialogPane) robot.lookup(".choice-dialog").query())
                .lookupButton(javafx.scene.control.ButtonType.OK).fireEvent(new javafx.event.ActionEvent()));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().noticeProperty().get()),
                s -> s.startsWith("Seeded 1 rule from '"));
        assertThat(fx(() -> mock.model().rules().size())).isEqualTo(2);
        RuleRow seeded = fx(() -> mock.model().rules().get(1));
        assertThat(fx(() -> seeded.whenTextProperty().get())).isEqualTo("text is hello world");
        assertThat(fx(() -> seeded.replyProperty().get())).isEqualTo("hi world, from rule 1");

        // closing the tab stops its server
        press(robot, "#mockToggle");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> mock.model().runningProperty().get()));
        robot.interact(() -> app.window().tabs().getTabs().remove(mock));
        assertThat(fx(() -> mock.model().runningProperty().get())).isFalse();
    }
}
