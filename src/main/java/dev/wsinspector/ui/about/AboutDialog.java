package dev.wsinspector.ui.about;

import dev.wsinspector.ui.common.AppIcons;
import dev.wsinspector.ui.common.Controllers;
import dev.wsinspector.ui.common.ViewLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Opens the About window (AboutView.fxml, {@link AboutController}). The app registers its {@link AboutInfo} on
 * the main window ({@link #register}); the toolbar's button ({@link #button}) finds it there, so the main window
 * needs no knowledge of paths or versions.
 */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** Makes {@code info} what the About button of this window shows. */
    public static void register(Window window, AboutInfo info) {
        window.getProperties().put(AboutInfo.class, info);
    }

    /** The toolbar's "About" button. */
    public static Button button() {
        Button button = new Button("About");
        button.setId("aboutButton");
        button.setTooltip(new Tooltip("Version, Java, data directory and log file"));
        button.setOnAction(e -> {
            Window owner = button.getScene() == null ? null : button.getScene().getWindow();
            Object info = owner == null ? null : owner.getProperties().get(AboutInfo.class);
            show(owner, info instanceof AboutInfo a ? a : AboutInfo.current(null, null));
        });
        return button;
    }

    /** Opens the About window over {@code owner} (null: on its own). */
    public static Stage show(Window owner, AboutInfo info) {
        AboutViewModel model = new AboutViewModel(info, AboutDialog::toClipboard);
        // No app services: what it shows is given.
        Parent root = new ViewLoader(Controllers.none()).load(AboutController.class, model).root();
        Stage stage = new Stage();
        Scene scene = new Scene(root);
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        stage.setTitle("About WS Inspector");
        stage.setScene(scene);
        stage.setResizable(false);
        AppIcons.apply(stage);
        stage.show();
        return stage;
    }

    private static void toClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
