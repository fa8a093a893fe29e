package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.FxFlow.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The profile editor loaded from its FXML views through the controller factory, on a real repository in a temp
 * directory: no form label is cut ("N…") even in a narrow editor, rows follow the choices, a read-only profile
 * cannot be saved and says why, a save writes the file (the decoder choice and protobuf schema too) and closes the
 * editor.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProfileEditorControllerTest {

    @TempDir
    Path dataDir;

    private Stage stage;
    private BackgroundTasks io;
    private ProfilesViewModel profiles;
    private ViewLoader views;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), Platform::runLater);
        profiles = new ProfilesViewModel(new ProfileRepository(dataDir), io, Platform::runLater);
        views = new ViewLoader(Controllers.builder().provide(ProfilesViewModel.class, profiles).build());
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide)).get(10, TimeUnit.SECONDS);
        profiles.close();
        io.close();
    }

    private ProfileEditorController open(ProfileEditorModel draft) throws Exception {
        return fx(() -> ProfileEditorController.open(views, stage, draft));
    }

    @Test
    void noFormLabelIsCutOnAnyTabEvenInANarrowEditor(FxRobot robot) throws Exception {
        ProfileEditorModel draft = ProfileEditorModel.forNew("");
        draft.tlsModeProperty().set(TlsMode.TRUST_CERTIFICATE);
        draft.proxyTypeProperty().set(dev.wsinspector.core.session.ProxyOptions.Type.HTTP);
        ProfileEditorController editor = open(draft);
        robot.interact(() -> editor.saving().save()); // every error line shown too

        List<String> cut = new ArrayList<>();
        for (double width : new double[] {0, 520}) {
            robot.interact(() -> {
                if (width > 0) {
                    editor.dialog().setWidth(width);
                }
            });
            TabPane tabs = robot.lookup(".profile-editor .tab-pane").queryAs(TabPane.class);
            for (int i = 0; i < fx(() -> tabs.getTabs().size()); i++) {
                int tab = i;
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(fx(() -> {
                    Parent root = editor.dialog().getDialogPane();
                    root.applyCss();
                    root.layout();
                    return cutTexts(root, (width > 0 ? width + " px, " : "") + tabs.getTabs().get(tab).getText());
                }));
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void theTrustAndProxyRowsFollowTheirChoices(FxRobot robot) throws Exception {
        ProfileEditorModel draft = ProfileEditorModel.forNew("");
        open(draft);
        assertThat(fx(() -> robot.lookup("#profileTrustedCert").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#profileProxyHost").query().isVisible())).isFalse();

        robot.interact(() -> {
            draft.tlsModeProperty().set(TlsMode.TRUST_CERTIFICATE);
            draft.proxyTypeProperty().set(dev.wsinspector.core.session.ProxyOptions.Type.SOCKS5);
        });

        assertThat(fx(() -> robot.lookup("#profileTrustedCert").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#trustedCertLabel").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#proxyPasswordRow").query().isVisible())).isTrue();
    }

    @Test
    void aReadOnlyProfileShowsWhyAndCannotBeSaved(FxRobot robot) throws Exception {
        Path dir = dataDir.resolve("profiles");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\":2,\"name\":\"Future\",\"url\":\"ws://f/\"}");
        robot.interact(() -> profiles.reload());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> profiles.find("future.json").isPresent()));

        open(ProfileEditorModel.of(fx(() -> profiles.find("future.json").orElseThrow())));

        Button save = robot.lookup("#saveProfileButton").queryButton();
        assertThat(fx(save::isDisabled)).isTrue();
        assertThat(fx(() -> save.getTooltip().getText())).startsWith("Read-only: Written by a newer WS Inspector");
        assertThat(fx(() -> ((Labeled) robot.lookup("#readOnlyWarning").query()).getText()))
                .startsWith("Read-only: ").contains("schemaVersion 2");
    }

    @Test
    void anEnvironmentIsAddedThroughTheVariablesTabAndSavedWithTheProfile(FxRobot robot) throws Exception {
        ProfileEditorModel draft = ProfileEditorModel.forNew("team");
        ProfileEditorController editor = open(draft);
        Button add = robot.lookup("#addEnvironment").queryButton();
        assertThat(fx(add::isDisabled)).isTrue();

        robot.interact(() -> {
            robot.lookup("#profileName").queryAs(TextField.class).setText("With env");
            robot.lookup("#profileUrl").queryAs(TextField.class).setText("ws://127.0.0.1:1/");
            robot.lookup("#newEnvironmentName").queryAs(TextField.class).setText("staging");
        });
        assertThat(fx(add::isDisabled)).isFalse();
        robot.interact(add::fire);
        robot.interact(() -> save(robot).fire());

        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !editor.dialog().isShowing()));
        assertThat(fx(() -> editor.dialog().getResult().profile().environments())).containsOnlyKeys("staging");
        assertThat(Files.readString(dataDir.resolve("profiles/with-env.json"))).contains("\"staging\"");
    }

    @Test
    void theDecoderChoiceAndProtobufSchemaAreSavedWithTheProfile(FxRobot robot) throws Exception {
        ProfileEditorModel draft = ProfileEditorModel.forNew("");
        ProfileEditorController editor = open(draft);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> decoder = robot.lookup("#profileDecoder").queryAs(ChoiceBox.class);
        assertThat(fx(decoder::getValue)).isEqualTo("auto");
        assertThat(fx(() -> List.copyOf(decoder.getItems()))).contains("none", "msgpack", "mqtt", "protobuf");

        robot.interact(() -> {
            robot.lookup("#profileName").queryAs(TextField.class).setText("Sensors");
            robot.lookup("#profileUrl").queryAs(TextField.class).setText("ws://127.0.0.1:1/");
            decoder.setValue("protobuf");
            robot.lookup("#profileDescriptorSet").queryAs(TextField.class).setText("schemas/sensors.desc");
        });
        robot.interact(() -> save(robot).fire());
        // Half a schema: the error says what is missing, the editor stays open.
        assertThat(fx(() -> ((Labeled) robot.lookup("#decoderError").query()).getText())).contains("message type");
        assertThat(fx(() -> editor.dialog().isShowing())).isTrue();

        robot.interact(() -> robot.lookup("#profileMessageType").queryAs(TextField.class).setText("demo.Reading"));
        robot.interact(() -> save(robot).fire());
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> !editor.dialog().isShowing()));
        String file = Files.readString(dataDir.resolve("profiles/sensors.json"));
        assertThat(file).contains("\"decoder\" : \"protobuf\"", "\"descriptorSet\" : \"schemas/sensors.desc\"",
                "\"messageType\" : \"demo.Reading\"");
    }

    private static Button save(FxRobot robot) {
        return robot.lookup("#saveProfileButton").queryButton();
    }

    /** Visible labels, buttons and boxes under {@code root} whose text is shown shortened. */
    static List<String> cutTexts(Parent root, String where) {
        List<String> cut = new ArrayList<>();
        walk(root, where, cut);
        return cut;
    }

    private static void walk(Node node, String where, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()
                && labeled.getWidth() > 0) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.getStyleClass().contains("text")
                        && !labeled.getText().equals(t.getText())) {
                    cut.add(where + ": '" + labeled.getText() + "' shows '" + t.getText() + "'");
                }
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, where, cut));
        }
    }
}
