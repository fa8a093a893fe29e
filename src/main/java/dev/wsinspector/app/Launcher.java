package dev.wsinspector.app;

import ch.qos.logback.core.joran.spi.JoranException;
import dev.wsinspector.cli.Cli;
import dev.wsinspector.core.AppVersion;
import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.ui.theme.SystemColorScheme;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Packaging only, not for users: with {@code -Dwsi.exitAfterShown=true} the GUI quits by itself once its window
     * has painted a few frames. The package build runs the app-image this way under Xvfb with
     * {@code -XX:DumpLoadedClassList} to record the classes a start loads; the .deb's postinst maps them into a
     * CDS archive (jpackage/linux/record-classlist, postinst). Called on the FX thread after the stage is shown.
     */
    static void exitAfterShownIfAsked() {
        if (Boolean.getBoolean("wsi.exitAfterShown")) {
            new AnimationTimer() {
                private int frames;

                @Override
                public void handle(long now) {
                    // Layout, CSS and the first renders are done, and the first tab's detail views were built
                    // (InspectorApp.AppContext.PREPARE_AFTER_PULSES), so their classes are in the record.
                    if (++frames == InspectorApp.AppContext.PREPARE_AFTER_PULSES + 10) {
                        stop();
                        Platform.exit();
                    }
                }
            }.start();
        }
    }

    private static void startGui(LaunchArguments launch) {
        DataDirectory dataDirectory = DataDirectory.resolve(launch.dataDir());
        // Logging (SLF4J and two logback configurations, ≈ 0.2 s of a cold start) is set up on its own thread,
        // beside the instance check and JavaFX's start-up, instead of in front of them (issue 5: window in ≤ 1 s).
        // While SLF4J starts it queues what other threads log and replays it; between then and the file's set-up
        // only warnings get out (to stderr) — a window of ≈ 30 ms that ends long before the window is built.
        // Decided below: the log directory, or null (no log file).
        CompletableFuture<Path> logTo = new CompletableFuture<>();
        Thread logging = new Thread(() -> setUpLogging(dataDirectory, logTo), "log-setup");
        logging.setDaemon(true);
        logging.start();
        // The desktop's light or dark preference, for the theme choice System: a process or two (gsettings),
        // asked beside the start so the window has the answer when it shows.
        CompletableFuture<Boolean> systemDark = SystemColorScheme.ofThisSystem().prefersDarkLater();
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
            logTo.complete(dataDirectory.logs());
            logFile = dataDirectory.logFile();   // a failure to set it up is reported on stderr
        } else if (Files.exists(dataDirectory.path().resolve(SingleInstance.LOCK_FILE))) {
            refusal = "Another WS Inspector holds the data directory " + dataDirectory.path() + " but does not "
                    + "answer. Close it (or end the process) and start again, or use another directory with "
                    + "--data-dir DIR.";
        }
        logTo.complete(null);   // no-op when the directory was given above
        // Until the FX thread installs the error window, failures at least reach the log.
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LoggerFactory.getLogger(Launcher.class)
                .error("Uncaught exception on {}", t.getName(), e));
        try {
            InspectorApp.launch(new InspectorApp.GuiLaunch(dataDirectory, logFile, instance,
                    List.copyOf(launch.files()), refusal, systemDark));
        } finally {
            instance.ifPresent(SingleInstance::close);
            try {
                logging.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoggerFactory.getLogger(Launcher.class).info("WS Inspector exited");
        }
    }

    /** Runs on its own thread: SLF4J's start (logback.xml) first, then the GUI's log file once decided. */
    private static void setUpLogging(DataDirectory dataDirectory, CompletableFuture<Path> logTo) {
        LoggerFactory.getILoggerFactory();
        Path logDir = logTo.join();
        if (logDir != null) {
            try {
                LogSetup.toDirectory(logDir);
            } catch (JoranException | RuntimeException e) {
                System.err.println("ws-inspector: logging to " + logDir + " failed: " + e);
            }
        }
        Logger log = LoggerFactory.getLogger(Launcher.class);
        log.info("WS Inspector {} starting: Java {} ({}), data directory {} ({})", AppVersion.current(),
                System.getProperty("java.version"), System.getProperty("java.home"), dataDirectory.path(),
                dataDirectory.source());
    }
}
