package dev.wsinspector.ui.tests;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.scenario.ScenarioRunner;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * What every tab's Tests panel shares: the scenarios directory, the runner (the app's connection service and
 * session journal, so every run's connections are stored sessions), the threads runs go on (their own: a run takes
 * up to its timeouts, and Find must not wait), and where a step's frames open.
 */
public final class TestRuns implements AutoCloseable {

    /** The directory under the data directory that holds scenarios. */
    public static final String DIRECTORY = "scenarios";

    /** Shows a run's capture in a tab of the window, frame {@code seq} selected (none: -1); FX thread. */
    @FunctionalInterface
    public interface StepFrames {
        void show(String title, String url, Session capture, long seq);
    }

    private final ScenarioRunner runner;
    private final Path directory;
    private final BackgroundTasks tasks;
    private volatile StepFrames frames;
    private final ReadOnlyLongWrapper saves = new ReadOnlyLongWrapper();

    public TestRuns(ScenarioRunner runner, Path directory, BackgroundTasks tasks) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** The app's: {@code <dataDir>/scenarios/}, connections through {@code service}, captured by {@code recorder}. */
    public static TestRuns of(ConnectionService service, SessionRecorder recorder, Path dataDir) {
        AtomicInteger n = new AtomicInteger();
        return new TestRuns(new ScenarioRunner(service, recorder), dataDir.resolve(DIRECTORY),
                new BackgroundTasks(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "wsi-tests-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }), Platform::runLater));
    }

    /** Where a step's frames open: the window, told once by the composition root. */
    public void showFramesWith(StepFrames frames) {
        this.frames = frames;
    }

    /** Counts the scenarios saved (FX thread): every Tests panel lists the folder again when it changes. */
    public ReadOnlyLongProperty savesProperty() {
        return saves.getReadOnlyProperty();
    }

    void saved() {
        saves.set(saves.get() + 1);
    }

    ScenarioRunner runner() {
        return runner;
    }

    Path directory() {
        return directory;
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    StepFrames frames() {
        return frames;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
