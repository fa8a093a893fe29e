package dev.wsinspector.ui.common;

import javafx.scene.image.Image;
import javafx.stage.Stage;

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

    static List<Image> all() {
        return java.util.Arrays.stream(SIZES).mapToObj(AppIcons::image).toList();
    }
}
