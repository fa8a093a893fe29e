package dev.wsinspector.ui.common;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;

/**
 * Loads a feature's FXML view with its controller. The one rule for where a view lives: controller
 * {@code dev.wsinspector.ui.foo.BarController} has its layout in {@code dev/wsinspector/ui/foo/BarView.fxml}
 * (resources, same package), which names the controller with {@code fx:controller} so Scene Builder shows it.
 * Controllers are made by {@link Controllers}; the objects passed here (a tab's view model, a callback) reach the
 * constructors of this view's controller and of the views it includes with {@code fx:include}.
 */
public final class ViewLoader {

    private final Controllers controllers;

    public ViewLoader(Controllers controllers) {
        this.controllers = controllers;
    }

    /** A loaded view: its root node and its controller. */
    public record View<N extends Parent, C>(N root, C controller) { }

    /**
     * @param controller the view's controller class, which names its FXML file
     * @param locals     what this view's controllers need beyond the app's services
     * @throws IllegalStateException when the FXML file is missing or broken, or a controller cannot be made
     */
    public <N extends Parent, C> View<N, C> load(Class<C> controller, Object... locals) {
        URL fxml = fxmlOf(controller);
        if (fxml == null) {
            throw new IllegalStateException("No FXML for " + controller.getName() + ": expected " + fxmlName(controller)
                    + " in the same package");
        }
        List<Object> given = List.of(locals);
        FXMLLoader loader = new FXMLLoader(fxml);
        loader.setClassLoader(controller.getClassLoader());
        loader.setControllerFactory(type -> controllers.create(type, given, this));
        try {
            N root = loader.load();
            Object made = loader.getController();
            if (!controller.isInstance(made)) {
                throw new IllegalStateException(fxml + " names " + (made == null ? "no controller" : made.getClass())
                        + ", not " + controller.getName());
            }
            return new View<>(root, controller.cast(made));
        } catch (IOException e) {
            // FXMLLoader wraps what the controller threw in a LoadException; keep a programming error visible.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new UncheckedIOException("Could not load " + fxml, e);
        }
    }

    /** Where {@code controller}'s layout is, or null if there is none. */
    public static URL fxmlOf(Class<?> controller) {
        return controller.getResource(fxmlName(controller));
    }

    static String fxmlName(Class<?> controller) {
        String name = controller.getSimpleName();
        if (!name.endsWith("Controller")) {
            throw new IllegalArgumentException(name + ": controllers are named FooController (layout FooView.fxml)");
        }
        return name.substring(0, name.length() - "Controller".length()) + "View.fxml";
    }
}
