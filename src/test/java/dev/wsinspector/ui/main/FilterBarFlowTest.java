package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.timeline.TimelineRow;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static dev.wsinspector.testutil.FxFlow.sendFromComposer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The filter bar on the real app: echo server on loopback, real connection, headless window. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FilterBarFlowTest {

    private InspectorApp.AppContext app;

    @Start
    void start(Stage stage) {
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private void send(FxRobot robot, String input) throws Exception {
        long before = fx(() -> tab().model().session().frames().size());
        sendFromComposer(robot, MessageMode.TEXT, input);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().model().session().frames().size()) >= before + 2);
    }

    private List<TimelineRow> shown() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    private String count() throws Exception {
        return fx(() -> ((Label) tab().getContent().lookup("#filterCount")).getText());
    }

    private TextField field() {
        return (TextField) tab().getContent().lookup("#filterField");
    }

    @Test
    void typedFilterShowsOnlyMatchingRowsLiveWithNOfMAndErrorsAtTheirPosition(FxRobot robot) throws Exception {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, "hello one");
        send(robot, "other");
        send(robot, "2"); // an Engine.IO ping, and its echo
        long rows = fx(() -> tab().model().session().frames().size() + tab().model().session().eventCount());

        robot.clickOn("#filterField");
        robot.write("dir:in and /hello/");
        robot.type(KeyCode.ENTER);

        // Frames: 0/1 hello out/in, 2/3 other, 4/5 "2": only frame 1 is received and says hello.
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().size() == 1 && shown().get(0).seq() == 1);
        assertThat(shown().get(0).arrow()).isEqualTo("↓");
        assertThat(shown().get(0).row()).isGreaterThan(1); // the row keeps its number in the capture
        await().atMost(Duration.ofSeconds(10)).until(() -> count().equals("1 of " + rows));

        // The detail's Text view marks the filter's regex in the selected frame.
        robot.interact(() -> tab().timeline().selectIndex(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            var content = tab().detailPane().viewModel().textContentProperty().get();
            return content != null && content.document().getParagraphs().stream()
                    .flatMap(p -> p.getStyledSegments().stream())
                    .anyMatch(seg -> seg.getStyle().contains("search-match") && seg.getSegment().equals("hello"));
        }));

        // Capture goes on: a new matching frame appears while the filter is on.
        send(robot, "hello two");
        await().atMost(Duration.ofSeconds(10)).until(() -> shown().stream().map(TimelineRow::seq).toList()
                .equals(List.of(1L, 7L)));

        // Selection and Go to work on the filtered rows.
        robot.interact(() -> tab().timeline().selectIndex(1));
        assertThat(fx(() -> tab().timeline().leadRow().seq())).isEqualTo(7);
        assertThat(fx(() -> tab().timeline().goToFrame(1))).isTrue();
        assertThat(fx(() -> tab().timeline().goToFrame(2))).isFalse();

        // A mistake: the message says where, the caret goes there, the rows stay as they were.
        robot.interact(() -> field().setText("dir:in and size>"));
        robot.clickOn("#filterField");
        robot.type(KeyCode.END);
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> ((Label) tab().getContent()
                .lookup("#filterError")).getText()).startsWith("at 17: "));
        assertThat(fx(() -> field().getStyleClass().contains("filter-invalid"))).isTrue();
        assertThat(fx(() -> field().getCaretPosition())).isEqualTo(16);
        assertThat(shown()).hasSize(2);

        // Esc clears: every row again.
        robot.type(KeyCode.ESCAPE);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> field().getText()).isEmpty()
                && shown().size() > 2);
        long all = fx(() -> tab().model().session().frames().size() + tab().model().session().eventCount());
        await().atMost(Duration.ofSeconds(10)).until(() -> count().equals(all + " of " + all));

        // Hide heartbeats: the "2" ping and its echo go, the rest stays.
        robot.clickOn("#hideHeartbeats");
        assertThat(fx(() -> ((CheckBox) tab().getContent().lookup("#hideHeartbeats")).isSelected())).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> count().equals((all - 2) + " of " + all));
        assertThat(shown()).noneMatch(r -> r.isFrame() && (r.seq() == 4 || r.seq() == 5));

        // Without a profile there is nowhere to save filters: the menu says so.
        assertThat(fx(() -> tab().getContent().lookup("#savedFilters").isDisabled())).isTrue();
        assertThat(fx(() -> ((MenuButton) tab().getContent().lookup("#savedFilters")).getText())).isEqualTo("Saved");
    }

    @Test
    void findCountsItsMatchesAndFindsBinaryPayloadsByHex(FxRobot robot) throws Exception {
        robot.clickOn("#connectButton");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.OPEN);
        send(robot, "plain text");
        long before = fx(() -> tab().model().session().frames().size());
        sendFromComposer(robot, MessageMode.HEX, "DE AD BE EF");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().model().session().frames().size()) >= before + 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().timeline().rows().reachableRows())
                >= fx(() -> tab().model().session().frames().size()));

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> {
            javafx.scene.Node field = tab().getContent().lookup("#findField");
            return field != null && field.isFocused();
        }));
        robot.write("hex:ADBE");
        robot.type(KeyCode.ENTER);
        // Frames: 0/1 text out/in, 2/3 the binary message out and its echo.
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> tab().timeline().leadRow() != null
                && tab().timeline().leadRow().seq() == 2));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> ((Label) tab().getContent()
                .lookup("#findCount")).getText()).equals("1 of 2"));
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> ((Label) tab().getContent()
                .lookup("#findCount")).getText()).equals("2 of 2"));
        assertThat(fx(() -> tab().timeline().leadRow().seq())).isEqualTo(3);
    }

    @Test
    void completionOffersKeywordsAndTabTakesTheFirst(FxRobot robot) throws Exception {
        robot.clickOn("#filterField");
        robot.write("hear");
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof ContextMenu menu && menu.isShowing()
                        && menu.getItems().stream().anyMatch(i -> "heartbeat".equals(i.getText())))));
        robot.type(KeyCode.TAB);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> field().getText()).equals("heartbeat "));
        assertThat(fx(() -> field().isFocused())).isTrue();
    }
}
