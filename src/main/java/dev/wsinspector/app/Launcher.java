package dev.wsinspector.app;

import javafx.application.Application;

/**
 * The jar's main class. It must not extend {@link Application}: on the class path the JavaFX launcher check
 * would fail with "JavaFX runtime components are missing". No arguments start the GUI; any argument runs the
 * command line on the same engine.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(InspectorApp.class);
        } else {
            System.exit(dev.wsinspector.cli.Cli.run(args));
        }
    }
}
