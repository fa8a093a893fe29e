package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.ByteExactServer;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The composer's Frame mode as a user drives it: pick the mode, the opcode, RSV1 and no mask, type the payload, click
 * Send; a raw server reads exactly those bytes, and the capture marks the frame crafted.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameComposerFlowTest {

    private ByteExactServer server;
    private Connection connection;
    private final FrameStore store = new ColumnarFrameStore();
    private final ComposerViewModel model = new ComposerViewModel(() -> connection);

    @Start
    void start(Stage stage) throws Exception {
        server = new ByteExactServer(ByteExactServer.RECORD);
        EventRecorder events = new EventRecorder();
        connection = new JwsConnectionService().connect(ConnectionOptions.of(server.uri())
                .withPingInterval(Duration.ZERO).withConnectTimeout(Duration.ofSeconds(5)), store, events);
        events.await(ConnectionEvent.Opened.class);
        ViewLoader.View<Parent, ComposerController> view = new ViewLoader(Controllers.none())
                .load(ComposerController.class, model, (ComposerViewModel.CloseAction) (code, reason) -> { });
        stage.setScene(new Scene(view.root(), 1024, 320));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        server.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneCraftedFrameGoesOutByteForByte(FxRobot robot) throws Exception {
        Node fields = robot.lookup("#frameFields").query();
        assertThat(fx(fields::isVisible)).as("only in Frame mode").isFalse();

        robot.interact(() -> robot.lookup("#composerMode").queryAs(ChoiceBox.class).setValue(MessageMode.FRAME));
        assertThat(fx(fields::isVisible)).isTrue();
        assertThat(fx(() -> robot.lookup("#frameWarning").queryAs(Label.class).getText()))
                .contains("the server will probably close the connection");
        robot.interact(() -> {
            robot.lookup("#frameOpcode").queryAs(ChoiceBox.class).setValue(Opcode.RESERVED_3);
            robot.lookup("#frameMask").queryAs(ChoiceBox.class).setValue(FrameFieldsViewModel.MaskChoice.OFF);
            robot.lookup("#composerEditor").queryAs(CodeArea.class).replaceText("hello");
        });
        robot.clickOn("#frameRsv1");
        robot.clickOn("#sendButton");

        await().atMost(EventRecorder.WAIT).until(() -> server.received().length >= 7);
        assertThat(HexFormat.of().formatHex(server.received())).isEqualTo("c305" + "68656c6c6f");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.crafted(0)).isTrue();
        assertThat(fx(() -> model.statusProperty().get())).isEqualTo("Sent crafted 3 rsv1 mask=off, 5 bytes");
    }
}
