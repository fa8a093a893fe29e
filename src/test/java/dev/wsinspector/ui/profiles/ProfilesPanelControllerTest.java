package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The profiles sidebar loaded from its FXML through the controller factory, on a real repository in a temp
 * directory: a disabled action's holder says why, selecting a profile enables the actions, Enter opens it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfilesPanelControllerTest {

    @TempDir
    Path dataDir;

    private final List<StoredProfile> opened = new CopyOnWriteArrayList<>();
    private Stage stage;
    private BackgroundTasks io;
    private ProfilesViewModel profiles;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater);
        profiles = new ProfilesViewModel(new ProfileRepository(dataDir), io, Platform::runLater);
        ViewLoader views = new ViewLoader(Controllers.builder().provide(ProfilesViewModel.class, profiles).build());
        ViewLoader.View<Parent, ProfilesPanelController> view = views.load(ProfilesPanelController.class,
                (ProfileOpener) opened::add);
        stage.setScene(new Scene(view.root(), 300, 520));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        profiles.close();
        io.close();
    }

    @SuppressWarnings("unchecked")
    private TreeView<ProfileTree.Node> tree(FxRobot robot) {
        return robot.lookup("#profileTree").queryAs(TreeView.class);
    }

    private static String tip(FxRobot robot, String holder) throws Exception {
        Node node = robot.lookup("#" + holder).query();
        return fx(() -> ((Tooltip) node.getProperties().get("javafx.scene.control.Tooltip")).getText());
    }

    @Test
    void theActionsSayWhyTheyAreDisabledUntilAProfileIsSelectedAndEnterOpensIt(FxRobot robot) throws Exception {
        Button duplicate = robot.lookup("#duplicateProfileButton").queryButton();
        assertThat(fx(duplicate::isDisabled)).isTrue();
        assertThat(tip(robot, "duplicateHolder")).isEqualTo("Select a profile to duplicate it");
        assertThat(tip(robot, "openHolder")).isEqualTo("Select a profile to open it");
        assertThat(fx(() -> robot.lookup("#profilesPlaceholder").query().isVisible())).isTrue();

        robot.interact(() -> profiles.create(ConnectionProfile.builder("Echo", "ws://127.0.0.1:1/").folder("dev")
                .build(), SaveListener.reportingTo(e -> { })));
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> profiles.profiles().size()) == 1);
        assertThat(fx(() -> robot.lookup("#profilesPlaceholder").query().isVisible())).isFalse();

        robot.interact(() -> {
            TreeItem<ProfileTree.Node> folder = tree(robot).getRoot().getChildren().get(0);
            tree(robot).getSelectionModel().select(folder.getChildren().get(0));
        });
        assertThat(fx(duplicate::isDisabled)).isFalse();
        assertThat(tip(robot, "duplicateHolder")).isEqualTo("Copy the profile");

        robot.clickOn(duplicate);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> profiles.profiles().size()) == 2);
        assertThat(fx(() -> profiles.profiles().stream().map(StoredProfile::name).toList()))
                .containsExactly("Echo", "Echo copy");

        robot.interact(() -> tree(robot).requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(opened).extracting(StoredProfile::name).containsExactly("Echo");
    }
}
