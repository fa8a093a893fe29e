package dev.wsinspector.ui.main;

import dev.wsinspector.app.InspectorApp;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.LocalEchoServer;
import dev.wsinspector.ui.connection.ConnectionTab;
import dev.wsinspector.ui.profiles.ProfileTree;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A filter saved from the bar's menu lands in the profile file and is there again when the profile is reopened. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SavedFiltersFlowTest {

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
            List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide);
        }).get(10, TimeUnit.SECONDS);
    }

    private <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private void startApp() throws Exception {
        app = fx(() -> InspectorApp.AppContext.start(stage, new JwsConnectionService(), new LocalEchoServer(), false,
                false, dataDir));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().loadedProperty().get()));
    }

    private ConnectionTab tab() {
        return app.window().selectedTab();
    }

    @SuppressWarnings("unchecked")
    private void openProfile(FxRobot robot, String name) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> app.window().profiles().profiles().stream()
                .anyMatch(p -> p.name().equals(name))));
        robot.interact(() -> {
            ToggleButton toggle = robot.lookup("#profilesToggle").queryAs(ToggleButton.class);
            if (!toggle.isSelected()) {
                toggle.fire();
            }
            TreeView<ProfileTree.Node> tree = robot.lookup("#profileTree").queryAs(TreeView.class);
            tree.getSelectionModel().select(item(tree.getRoot(), name));
        });
        robot.clickOn("#openProfileButton");
        await().atMost(Duration.ofSeconds(5)).until(() -> fx(() -> tab().getText()).equals(name));
    }

    private static TreeItem<ProfileTree.Node> item(TreeItem<ProfileTree.Node> under, String name) {
        if (under.getValue() instanceof ProfileTree.Profile p && p.stored().name().equals(name)) {
            return under;
        }
        return under.getChildren().stream().map(c -> item(c, name)).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private List<String> menuTexts() throws Exception {
        return fx(() -> ((MenuButton) tab().getContent().lookup("#savedFilters")).getItems().stream()
                .map(MenuItem::getText).toList());
    }

    @Test
    void aSavedFilterSurvivesReopeningTheProfile(FxRobot robot) throws Exception {
        Path profiles = dataDir.resolve("profiles");
        Files.createDirectories(profiles);
        Path file = profiles.resolve("filtered.json");
        Files.writeString(file, "{\"name\":\"Filtered\",\"url\":\"ws://127.0.0.1:9/\",\"notes\":\"keep me\"}");
        startApp();
        openProfile(robot, "Filtered");
        assertThat(fx(() -> tab().getContent().lookup("#savedFilters").isDisabled())).isFalse();

        robot.interact(() -> ((TextField) tab().getContent().lookup("#filterField")).setText("dir:in and size>1"));
        robot.clickOn("#savedFilters");
        robot.clickOn("Save current…");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#filterNameField").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#filterNameField").queryAs(TextField.class).setText("Incoming"));
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains("\"Incoming\""));
        assertThat(Files.readString(file)).contains("dir:in and size>1").contains("keep me");

        // Close the profile's tab and open the profile again: the filter comes back from the file.
        ConnectionTab first = tab();
        robot.interact(() -> app.window().tabs().getTabs().remove(first));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !app.window().tabs().getTabs().contains(first)));
        openProfile(robot, "Filtered");
        assertThat(fx(() -> tab() != first)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> menuTexts().stream().anyMatch(t -> t.startsWith("Incoming")));

        // Picking it applies it.
        robot.interact(() -> ((MenuButton) tab().getContent().lookup("#savedFilters")).getItems().get(0).fire());
        assertThat(fx(() -> ((TextField) tab().getContent().lookup("#filterField")).getText()))
                .isEqualTo("dir:in and size>1");
        assertThat(fx(() -> tab().filterBar().activeProperty().get())).isTrue();
    }
}
