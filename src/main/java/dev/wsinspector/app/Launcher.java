package dev.wsinspector.app;

import ch.qos.logback.core.joran.spi.JoranException;
import dev.wsinspector.cli.Cli;
import dev.wsinspector.core.AppVersion;
import dev.wsinspector.core.DataDirectory;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The jar's main class. It must not extend {@link Application}: on the class path the JavaFX launcher check
 * would fail with "JavaFX runtime components are missing". {@link LaunchArguments} decides: no arguments,
 * {@code --data-dir DIR} or capture files start the GUI; anything else runs the command line on the same
 * engine.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        LaunchArguments launch = LaunchArguments.parse(args, Files::isRegularFile);
        if (launch.gui()) {
            startGui(launch);
        } else {
            System.exit(Cli.run(args));
        }
    }

    private static void startGui(LaunchArguments launch) {
        DataDirectory dataDirectory = DataDirectory.resolve(launch.dataDir());
        Optional<SingleInstance> instance;
        try {
            instance = SingleInstance.claim(dataDirectory.path());
            if (instance.isEmpty() && SingleInstance.forward(dataDirectory.path(), launch.toArgs())) {
                System.err.println("WS Inspector is already running with " + dataDirectory.path()
                        + "; its window was brought to the front.");
                System.exit(0);
                return;
            }
            if (instance.isEmpty()) {
                Thread.sleep(1000);  // it may be just exiting: one more try before giving up
                instance = SingleInstance.claim(dataDirectory.path());
            }
        } catch (IOException e) {
            System.err.println("ws-inspector: cannot use the data directory " + dataDirectory.path() + ": " + e);
            instance = Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }

        Path logFile = null;
        String refusal = null;
        if (instance.isPresent()) {
            try {
                LogSetup.toDirectory(dataDirectory.logs());
                logFile = dataDirectory.logFile();
            } catch (JoranException | RuntimeException e) {
                System.err.println("ws-inspector: logging to " + dataDirectory.logs() + " failed: " + e);
            }
        } else if (Files.exists(dataDirectory.path().resolve(SingleInstance.LOCK_FILE))) {
            refusal = "Another WS Inspector holds the data directory " + dataDirectory.path() + " but does not "
                    + "answer. Close it (or end the process) and start again, or use another directory with "
                    + "--data-dir DIR.";
        }
        Logger log = LoggerFactory.getLogger(Launcher.class);
        // Until the FX thread installs the error window, failures at least reach the log.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> log.error("Uncaught exception on {}", t.getName(), e));
        log.info("WS Inspector {} starting: Java {} ({}), data directory {} ({})", AppVersion.current(),
                System.getProperty("java.version"), System.getProperty("java.home"), dataDirectory.path(),
                dataDirectory.source());
        try {
            InspectorApp.launch(new InspectorApp.GuiLaunch(dataDirectory, logFile, instance,
                    List.copyOf(launch.files()), refusal));
        } finally {
            instance.ifPresent(SingleInstance::close);
            log.info("WS Inspector exited");
        }
    }
}
