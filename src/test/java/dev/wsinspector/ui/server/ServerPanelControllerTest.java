package dev.wsinspector.ui.server;

import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** The echo server's panel loaded from its FXML through the controller factory, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class ServerPanelControllerTest {

    private final LocalServer server = new LocalEchoServer();
    private ServerViewModel model;

    @Start
    void start(Stage stage) {
        model = new ServerViewModel(server);
        ViewLoader views = new ViewLoader(Controllers.builder().provide(ServerViewModel.class, model).build());
        ViewLoader.View<Parent, ServerPanelController> view = views.load(ServerPanelController.class);
        stage.setScene(new Scene(view.root(), 320, 480));
        stage.show();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void startsAndStopsTheServerAndSaysWhere(FxRobot robot) throws Exception {
        Button toggle = robot.lookup("#serverToggle").queryButton();
        Label address = robot.lookup("#serverAddress").queryAs(Label.class);
        assertThat(fx(toggle::getText)).isEqualTo("Start");
        assertThat(fx(address::getText)).isEqualTo("stopped");

        robot.clickOn(toggle);

        assertThat(fx(toggle::getText)).isEqualTo("Stop");
        assertThat(fx(address::getText)).startsWith("ws://127.0.0.1:");
        assertThat(fx(() -> robot.lookup("#serverHost").queryAs(TextField.class).isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup("#serverClients").queryAs(Label.class).getText())).isEqualTo("Clients: 0");

        robot.clickOn(toggle);

        assertThat(fx(toggle::getText)).isEqualTo("Start");
        assertThat(server.address()).isEmpty();
    }

    @Test
    void warnsWhenTheHostIsReachableFromTheNetwork(FxRobot robot) throws Exception {
        Label warning = robot.lookup("#serverWarning").queryAs(Label.class);
        assertThat(fx(warning::isVisible)).isFalse();

        robot.interact(() -> model.hostProperty().set("0.0.0.0"));

        assertThat(fx(warning::isVisible)).isTrue();
    }
}
