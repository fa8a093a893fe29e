package dev.wsinspector.ui.common;

import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The app icon (icons/ws-inspector.svg, rendered by icons/build.sh) in the sizes window managers pick from:
 * 16/32 for title bars and task lists, 48…256 for switchers and docks.
 */
public final class AppIcons {

    private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    public static Image image(int size) {
        return new Image(AppIcons.class.getResource("icons/ws-inspector-" + size + ".png").toExternalForm());
    }

    /** Gives a window the app icon. */
    public static void apply(Stage stage) {
        if (stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(all());
        }
    }

    /**
     * Gives a window the app icon without making the FX thread wait: the images are decoded on a short-lived
     * daemon thread (an {@link Image} may be built on any thread) and set on the FX thread when ready. For the
     * main window, whose start is timed; call from the FX thread.
     */
    public static void applyLater(Stage stage) {
        Thread decode = new Thread(() -> {
            try {
                List<Image> icons = all();
                Platform.runLater(() -> {
                    if (stage.getIcons().isEmpty()) {
                        stage.getIcons().setAll(icons);
                    }
                });
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(AppIcons.class).warn("The app icon could not be loaded", e);
            }
        }, "wsi-app-icons");
        decode.setDaemon(true);
        decode.start();
    }

    static List<Image> all() {
        return java.util.Arrays.stream(SIZES).mapToObj(AppIcons::image).toList();
    }
}
