package dev.wsinspector.ui.timeline;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.detail.DetailViewModel;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real server on loopback sends a JSON-RPC call in three fragments with a ping between them, against the real
 * window and engine at 1280×720: the first row stands for the whole message (its size, preview and Summary), and
 * selecting it shows the reassembled payload in the Text, JSON and Protocol views and in Copy. The message is
 * one row (its continuations folded) until its ▸ is clicked; Left folds it again, Go to a folded frame expands it,
 * and the filter bar's Fragments shows every frame.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WholeMessageFlowTest {

    private static final String WHOLE = "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":7}";

    private InspectorApp.AppContext app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false, false);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> app.close()).get(10, TimeUnit.SECONDS);
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    private long continuations() throws Exception {
        return rows().stream().filter(r -> r.type().equals("continuation")).count();
    }

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    @Test
    void aFragmentedMessageIsShownAsOneMessage(FxRobot robot) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(false, 0x1, WHOLE.substring(0, 17));
            peer.sendFrame(0x89, new byte[] {'h', 'i'});
            peer.sendText(false, 0x0, WHOLE.substring(17, 33));
            peer.sendText(true, 0x0, WHOLE.substring(33));
            peer.sendText(true, 0x1, "after");
            done.await(30, TimeUnit.SECONDS);
        })) {
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
                tab().model().urlProperty().set(server.uri("/rpc").toString());
            });
            robot.clickOn("#connectButton");
            await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().anyMatch(r -> r.preview().equals("after")));

            List<TimelineRow> rows = rows();
            TimelineRow first = rows.stream().filter(r -> r.type().equals("text") && r.fin().equals(TimelineList.FOLDED))
                    .findFirst().orElseThrow();
            assertThat(first.preview()).isEqualTo("message of 3 frames · " + WHOLE);
            assertThat(first.size()).isEqualTo(WHOLE.length() + " B");
            assertThat(first.summary()).contains("add").contains("7");
            assertThat(rows).extracting(TimelineRow::type).as("folded: one row").contains("ping").doesNotContain("continuation");

            // The Summary column is on screen at 1280×720 with no sidebar, and shows the decoder's line.
            TableView<?> table = robot.lookup(".timeline").queryAs(TableView.class);
            TableColumn<?, ?> summary = fx(() -> table.getColumns().stream()
                    .filter(c -> "Summary".equals(c.getText())).findFirst().orElseThrow());
            assertThat(fx(summary::isVisible)).isTrue();
            assertThat(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                    .map(javafx.scene.control.Labeled::getText)).contains(first.summary());

            robot.interact(() -> tab().timeline().selectRow(tab().timeline().rows().rowOfFrame(first.seq())));
            DetailViewModel detail = tab().detailPane().viewModel();
            await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !detail.busyProperty().get()
                    && detail.protocolProperty().get() != null));
            assertThat(fx(() -> detail.summaryProperty().get())).contains("message of 3 frames");
            assertThat(fx(detail::payloadAsText)).as("Copy takes the whole message").isEqualTo(WHOLE);
            assertThat(fx(() -> detail.textContentProperty().get().text())).isEqualTo(WHOLE);
            assertThat(fx(() -> detail.jsonContentProperty().get().text())).contains("\"method\" : \"add\"");
            assertThat(fx(() -> detail.protocolProperty().get().summary())).isEqualTo(first.summary());
            assertThat(fx(() -> detail.getFields().stream().map(f -> f.name() + "=" + f.value()).toList()))
                    .contains("FIN=0", "Message length=" + WHOLE.length() + " B");

            // A click on the row's ▸ expands it: its two continuations follow it, the ping stays between.
            robot.clickOn(robot.lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                    .filter(c -> TimelineList.FOLDED.equals(c.getText())).findFirst().orElseThrow());
            await().atMost(Duration.ofSeconds(10)).until(() -> continuations() == 2);
            assertThat(fx(() -> tab().timeline().leadRow().fin())).isEqualTo(TimelineList.EXPANDED);
            robot.type(javafx.scene.input.KeyCode.LEFT);
            await().atMost(Duration.ofSeconds(10)).until(() -> continuations() == 0);

            // Go to # of the last fragment expands its message and selects that frame.
            long last = first.seq() + 3;
            assertThat(fx(() -> tab().timeline().goToFrame(last))).isTrue();
            assertThat(continuations()).isEqualTo(2);
            assertThat(fx(() -> tab().timeline().leadRow().seq())).isEqualTo(last);

            // Fragments (filter bar) shows every frame of every message; off, they fold again.
            robot.interact(() -> tab().timeline().setExpanded(tab().timeline().rows().rowOfFrame(first.seq()), false));
            assertThat(continuations()).isEqualTo(0);
            robot.clickOn("#showFragments");
            await().atMost(Duration.ofSeconds(10)).until(() -> continuations() == 2);
            robot.clickOn("#showFragments");
            await().atMost(Duration.ofSeconds(10)).until(() -> continuations() == 0);
        } finally {
            done.countDown();
        }
    }
}
