package dev.wsinspector.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/**
 * The uncaught-exception handler of the GUI: every failure is logged, and shown in one {@link ErrorWindow}
 * (later failures are added to the open window, so an exception thrown on every pulse gives one window with a
 * counter, not hundreds). The window is shown on a later pulse, never in the middle of the layout or event
 * that failed.
 */
public final class ErrorReporter implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
    /** Details kept per window; beyond this only the count goes up, so a flood cannot eat the memory. */
    private static final int MAX_DETAILED_REPORTS = 20;

    private final Supplier<String> environment;
    private final String logHint;
    private ErrorWindow window;
    private boolean reporting;

    /**
     * @param environment versions and paths for the details (the About dialog's text)
     * @param logHint     where the log is, one sentence
     */
    public ErrorReporter(Supplier<String> environment, String logHint) {
        this.environment = environment;
        this.logHint = logHint;
    }

    /** Becomes the handler of the FX thread (call on it) and the default handler of every other thread. */
    public ErrorReporter install() {
        Thread.setDefaultUncaughtExceptionHandler(this);
        if (Platform.isFxApplicationThread()) {
            Thread.currentThread().setUncaughtExceptionHandler(this);
        }
        return this;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        LOG.error("Uncaught exception on thread {}", thread.getName(), error);
        String details = details(thread, error);
        try {
            Platform.runLater(() -> show(error, details));
        } catch (IllegalStateException toolkitGone) {
            System.err.println(details);
        }
    }

    /** The open error window, or null; for tests. */
    public ErrorWindow window() {
        return window;
    }

    private void show(Throwable error, String details) {
        if (reporting) {
            return;  // the error window itself failed: the log has it, don't loop
        }
        reporting = true;
        try {
            if (window == null || !window.isShowing()) {
                window = ErrorWindow.whileRunning(logHint);
            }
            if (window.reports() < MAX_DETAILED_REPORTS) {
                window.report("Something went wrong", summary(error), details);
            } else {
                window.report("Something went wrong", summary(error), "(details in the log)");
            }
            window.show();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Could not show the error window", e);
        } finally {
            reporting = false;
        }
    }

    /** One line for people: the innermost cause's message, else its type. */
    public static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        String type = root.getClass().getSimpleName();
        return text == null || text.isBlank() ? type : type + ": " + text;
    }

    /** Versions, paths, thread and stack trace: everything a bug report needs. */
    public String details(Thread thread, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return environment.get() + "\nThread: " + thread.getName() + "\n\n" + trace;
    }
}
