package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.StoredProfile;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The small questions the sidebar asks (a new name, files to import, where to export, whether secrets go along).
 * They are the OS's and JavaFX's own dialogs, so they stay out of the FXML; what the answers do is the view
 * model's.
 */
final class ProfileDialogs {

    private ProfileDialogs() {
    }

    /** Asks for {@code profile}'s new name without blocking the window; {@code answer} gets it once given. */
    static void askName(Window owner, StoredProfile profile, Consumer<String> answer) {
        TextInputDialog ask = new TextInputDialog(profile.name());
        ask.initOwner(owner);
        ask.initModality(Modality.NONE);
        ask.setTitle("Rename profile");
        ask.setHeaderText("New name for '" + profile.name() + "'");
        ask.getDialogPane().setId("renameProfileDialog");
        if (owner != null && owner.getScene() != null) {
            ask.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        ask.resultProperty().addListener((o, a, name) -> answer.accept(name));
        ask.show();
    }

    static List<Path> chooseFiles(Window owner) {
        List<File> files = jsonChooser("Import profiles").showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    static Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    static Optional<Path> chooseExportFile(Window owner, StoredProfile profile) {
        FileChooser chooser = jsonChooser("Export '" + profile.name() + "'");
        chooser.setInitialFileName(profile.id());
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    /** Secrets stay out of shared files unless the user says otherwise, every time. */
    static boolean askIncludeSecrets(Window owner) {
        ButtonType without = new ButtonType("Leave secrets out", ButtonBar.ButtonData.OK_DONE);
        ButtonType with = new ButtonType("Include secrets", ButtonBar.ButtonData.OTHER);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "Secret header values, secret query parameters, proxy "
                + "passwords and the variables they use are left empty in the exported file unless you include them.",
                without, with);
        ask.setHeaderText("Include secrets in the export?");
        ask.initOwner(owner);
        return ask.showAndWait().filter(with::equals).isPresent();
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Profiles (*.json)", "*.json"));
        return chooser;
    }
}
