package dev.wsinspector.ui.timeline;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.RawWebSocketServer.Peer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that masks its frames, against the real window and engine: the connection fails with 1002 and the
 * timeline shows a red row that names the rule and its RFC section.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolViolationFlowTest {

    private static final String MESSAGE =
            "Protocol violation: masked frame from server (RFC 6455 §5.1) — closed 1002";

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

    private List<TimelineRow> rows() throws Exception {
        return fx(() -> List.copyOf(tab().timeline().shownRows()));
    }

    @Test
    void aMaskedFrameFromTheServerShowsAsARedRowNamingTheRule(FxRobot robot) throws Exception {
        CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(true, 0x1, "before");
            peer.write(Peer.maskedFrame(0x81, 0x11223344, "hidden".getBytes(StandardCharsets.UTF_8)));
            closeCode.complete(peer.awaitClose().closeCode());
            peer.clientClosed(3000);
        })) {
            robot.interact(() -> tab().model().urlProperty().set(server.uri("/hostile").toString()));
            robot.clickOn("#connectButton");

            await().atMost(Duration.ofSeconds(10)).until(() -> rows().stream().anyMatch(r -> r.type().equals("error")));
            assertThat(closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1002);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> fx(() -> tab().model().stateProperty().get()) == ConnectionState.CLOSED);

            List<TimelineRow> rows = rows();
            assertThat(rows).extracting(TimelineRow::type)
                    .containsExactly("connecting", "open", "text", "text", "error", "close", "closed");
            TimelineRow masked = rows.get(3);
            assertThat(masked.arrow()).isEqualTo("↓");
            assertThat(masked.preview()).isEqualTo("hidden");
            TimelineRow error = rows.get(4);
            assertThat(error.preview()).isEqualTo(MESSAGE);
            assertThat(error.styleClass()).contains("event-error");
            assertThat(rows.get(6).preview()).contains("1002").contains("not clean");
            assertThat(robot.lookup("#connectionError").queryAs(Label.class).getText()).contains(MESSAGE);

            // On screen: the row carries the error state and its text is painted red.
            WaitForAsyncUtils.waitForFxEvents();
            Labeled cell = fx(() -> errorCell(robot));
            assertThat(cell).as("a cell showing the violation").isNotNull();
            Color fill = fx(() -> (Color) cell.getTextFill());
            assertThat(fill.getRed()).as("red text, was %s", fill).isGreaterThan(fill.getGreen() + 0.2)
                    .isGreaterThan(fill.getBlue() + 0.2);
        }
    }

    /** The shown cell whose text is the violation, in a row with the {@code event-error} state. */
    private static Labeled errorCell(FxRobot robot) {
        PseudoClass error = PseudoClass.getPseudoClass("event-error");
        for (Node node : robot.lookup(".table-row-cell").queryAll()) {
            if (node instanceof TableRow<?> row && row.getPseudoClassStates().contains(error)) {
                for (Node inside : row.lookupAll(".table-cell")) {
                    if (inside instanceof Labeled l && l.getText() != null && l.getText().startsWith("Protocol violation")) {
                        return l;
                    }
                }
            }
        }
        return null;
    }
}
