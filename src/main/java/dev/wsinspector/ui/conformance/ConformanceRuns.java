package dev.wsinspector.ui.conformance;

import dev.wsinspector.core.conformance.ConformanceCase;
import dev.wsinspector.core.conformance.ConformanceCases;
import dev.wsinspector.core.conformance.ConformanceReport;
import dev.wsinspector.core.conformance.ConformanceRunner;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.common.BackgroundTasks;
import javafx.application.Platform;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every tab's Conformance panel shares, provided once by the composition root: how a run is made (the app's
 * {@link ConnectionService} and session journal, so each case is a stored session like any connection), the
 * threads runs go on, and where a case's frames open. Runs get threads of their own, not the app's two general
 * workers: a run takes seconds (up to a timeout per case), and Find or the detail pane must not wait for it.
 */
public final class ConformanceRuns implements AutoCloseable {

    /** One run: {@link ConformanceRunner#run} or a stand-in in tests. */
    @FunctionalInterface
    public interface Runner {
        ConformanceReport run(ConnectionOptions base, List<ConformanceCase> cases, ConformanceRunner.Listener listener)
                throws InterruptedException;
    }

    /** Shows a case's capture in a tab of the window; FX thread. */
    @FunctionalInterface
    public interface CaseFrames {
        void show(String title, String url, Session capture);
    }

    private final Runner runner;
    private final List<ConformanceCase> cases;
    private final BackgroundTasks tasks;
    private volatile CaseFrames frames;

    /**
     * @param runner runs the cases
     * @param cases  the cases a run runs ({@link ConformanceCases#all()} in the app)
     * @param tasks  where runs and report saves go (results on the FX thread)
     */
    public ConformanceRuns(Runner runner, List<ConformanceCase> cases, BackgroundTasks tasks) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cases = List.copyOf(cases);
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * The app's: one connection per case through {@code service}, each captured by {@code recorder} (the session
     * journal), on daemon threads of its own.
     */
    public static ConformanceRuns of(ConnectionService service, SessionRecorder recorder) {
        ConformanceRunner runner = new ConformanceRunner(service, recorder, ConformanceRunner.DEFAULT_CASE_TIMEOUT);
        AtomicInteger n = new AtomicInteger();
        return new ConformanceRuns(runner::run, ConformanceCases.all(), new BackgroundTasks(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wsi-conformance-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }), Platform::runLater));
    }

    /**
     * Where "Frames" opens a case's capture: the window, which exists only after the views' services are built
     * (so it is told here, once, by the composition root).
     */
    public void showFramesWith(CaseFrames frames) {
        this.frames = frames;
    }

    Runner runner() {
        return runner;
    }

    List<ConformanceCase> cases() {
        return cases;
    }

    BackgroundTasks tasks() {
        return tasks;
    }

    /** Null until the window said where frames go. */
    CaseFrames frames() {
        return frames;
    }

    /** Stops the runs under way (each closes the case it was running) and takes no new ones. */
    @Override
    public void close() {
        tasks.close();
    }
}
