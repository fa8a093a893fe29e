package dev.wsinspector.ui.conformance;

import dev.wsinspector.core.conformance.CaseResult;
import dev.wsinspector.core.conformance.ConformanceCase;
import dev.wsinspector.core.conformance.ConformanceOutput;
import dev.wsinspector.core.conformance.ConformanceReport;
import dev.wsinspector.core.conformance.ConformanceRunner;
import dev.wsinspector.core.session.ConnectionOptions;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A tab's Conformance panel: the URL (the tab's until the user types another), Run and Stop, one row per case
 * with its verdict as it comes in, a summary, the report saved as JUnit XML or HTML, and each case's capture shown
 * in a tab. The run goes on a thread of {@link ConformanceRuns}; its news reaches this model on the FX thread and
 * is dropped once the run was stopped or replaced. A server that cannot be reached stops the run at the first case
 * with one line (26 cases would otherwise each wait for their own timeout). FX thread only.
 */
public final class ConformanceViewModel {

    /** A case's state in the list. */
    public enum Status {
        NOT_RUN("not run"), RUNNING("running"), PASS("pass"), FAIL("fail"), SKIP("skip");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Status of(ConformanceCase.Verdict verdict) {
            return switch (verdict) {
                case PASS -> PASS;
                case FAIL -> FAIL;
                case SKIP -> SKIP;
            };
        }
    }

    /** One row: the case, where it stands, and once it ran, its result (with its capture). */
    public record CaseRow(ConformanceCase testCase, Status status, CaseResult result) {

        public String observed() {
            return result == null ? "" : result.observed();
        }

        /** Its frames can be shown: it ran and connected. */
        public boolean hasFrames() {
            return result != null && result.session() != null;
        }
    }

    private static final String CANNOT_CONNECT = "could not connect: ";

    private final ConformanceRuns runs;
    private final Object runKey = new Object();
    private final Object saveKey = new Object();
    private final StringProperty url = new SimpleStringProperty("");
    private final ObservableList<CaseRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConformanceReport> report = new ReadOnlyObjectWrapper<>();
    private final List<CaseResult> results = new ArrayList<>();
    /** The tab's URL as last taken: the field follows the tab while it still shows that. */
    private String followed;
    /** Which run the news is for: a stopped run's late news is dropped. */
    private int generation;
    private String runUrl = "";
    private long startNanos;

    /** @param tabUrl the tab's address, which the field takes until the user changes it */
    public ConformanceViewModel(ConformanceRuns runs, ObservableStringValue tabUrl) {
        this.runs = runs;
        followed = tabUrl.get() == null ? "" : tabUrl.get();
        url.set(followed);
        tabUrl.addListener((o, was, now) -> {
            if (url.get().equals(followed)) {
                url.set(now == null ? "" : now);
            }
            followed = now == null ? "" : now;
        });
        showNotRun();
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObservableList<CaseRow> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Share of the cases done, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "3 of 26" (the case under way is the list's running row). */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** "26 cases: 24 passed, 0 failed, 2 skipped in 3.1 s", or how far a stopped run got. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** A case of the last run failed (the summary shows in the error colour). */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** Why the run could not start, stopped early, or a report could not be saved; one line. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where the report was saved. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The last run's report (a stopped run's covers the cases that ended); null before any. */
    public ReadOnlyObjectProperty<ConformanceReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Starts a run against the URL, one connection per case; a second Run while one runs does nothing. */
    public void run() {
        if (running.get()) {
            return;
        }
        String problem = urlProblem(url.get());
        notice.set("");
        if (problem != null) {
            error.set(problem);
            return;
        }
        URI uri = URI.create(url.get().trim());
        error.set("");
        summary.set("");
        failed.set(false);
        report.set(null);
        results.clear();
        showNotRun();
        int run = ++generation;
        runUrl = uri.toString();
        startNanos = System.nanoTime();
        running.set(true);
        showProgress(0);
        ConnectionOptions base = ConnectionOptions.of(uri);
        ConformanceRunner.Listener listener = new ConformanceRunner.Listener() {
            @Override
            public void onStart(ConformanceCase testCase) {
                runs.tasks().onFxThread(() -> started(run, testCase));
            }

            @Override
            public void onResult(CaseResult result) {
                runs.tasks().onFxThread(() -> ended(run, result));
            }
        };
        runs.tasks().submitLatest(runKey, () -> runs.runner().run(base, runs.cases(), listener),
                done -> finished(run, done), e -> broke(run, e));
    }

    /** Stops the run: the case under way is closed; the cases that ended stay, and can be saved. */
    public void stop() {
        if (!running.get()) {
            return;
        }
        stopRun();
        summary.set("Stopped after " + results.size() + " of " + rows.size() + " cases: " + counts());
    }

    /** Writes the last report to {@code file} (through a temporary file next to it, then moved into place). */
    public void saveReport(Path file, ReportFormat format) {
        ConformanceReport shown = report.get();
        if (shown == null || file == null) {
            return;
        }
        error.set("");
        notice.set("Saving the report…");
        String content = format == ReportFormat.HTML ? ConformanceOutput.html(shown) : ConformanceOutput.junitXml(shown);
        runs.tasks().submitLatest(saveKey, () -> ReportFormat.write(file, content),
                written -> notice.set("Saved the report (" + format + ") to " + written),
                e -> {
                    notice.set("");
                    error.set("Cannot save the report to " + file + ": " + ReportFormat.reason(e));
                });
    }

    /** A file name for the report of the last run, e.g. {@code conformance-127.0.0.1-8080.xml}. */
    public String suggestedFileName(ReportFormat format) {
        URI uri = URI.create(runUrl.isEmpty() ? "ws://server/" : runUrl);
        String where = (uri.getHost() == null ? "server" : uri.getHost()) + (uri.getPort() < 0 ? "" : "-" + uri.getPort());
        return "conformance-" + where.replaceAll("[^A-Za-z0-9.-]", "_") + format.extension();
    }

    /** Opens {@code row}'s capture (both ways, byte-exact, with its events) in a new read-only tab. */
    public void showFrames(CaseRow row) {
        ConformanceRuns.CaseFrames frames = runs.frames();
        if (row == null || !row.hasFrames() || frames == null) {
            return;
        }
        frames.show("conformance " + row.testCase().id(), runUrl, row.result().session());
    }

    private void started(int run, ConformanceCase testCase) {
        if (run != generation) {
            return;
        }
        int i = indexOf(testCase);
        if (i >= 0) {
            rows.set(i, new CaseRow(testCase, Status.RUNNING, null));
        }
        showProgress(results.size() + 1);
    }

    private void ended(int run, CaseResult result) {
        if (run != generation) {
            return;
        }
        results.add(result);
        int i = indexOf(result.testCase());
        if (i >= 0) {
            rows.set(i, new CaseRow(result.testCase(), Status.of(result.verdict()), result));
        }
        showProgress(results.size());
        failed.set(failed.get() || result.failed());
        if (results.size() == 1 && result.failed() && result.observed().startsWith(CANNOT_CONNECT)) {
            // Every case connects to the same address: the others would only wait out the same failure.
            stopRun();
            error.set("Cannot reach " + runUrl + ": " + result.observed().substring(CANNOT_CONNECT.length())
                    + ". The run stopped.");
            summary.set("Stopped after 1 of " + rows.size() + " cases: " + counts());
        }
    }

    private void finished(int run, ConformanceReport done) {
        if (run != generation) {
            return;
        }
        running.set(false);
        report.set(done);
        failed.set(!done.passed());
        showProgress(done.results().size());
        summary.set(ConformanceOutput.summaryText(done) + (done.passed() ? ": the server passed" : ""));
    }

    private void broke(int run, Exception e) {
        if (run != generation) {
            return;
        }
        stopRun();
        error.set("The run stopped: " + ReportFormat.reason(e));
    }

    private void stopRun() {
        generation++;
        runs.tasks().cancel(runKey);
        running.set(false);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).status() == Status.RUNNING) {
                rows.set(i, new CaseRow(rows.get(i).testCase(), Status.NOT_RUN, null));
            }
        }
        report.set(new ConformanceReport(runUrl, results, (System.nanoTime() - startNanos) / 1_000_000));
        failed.set(results.stream().anyMatch(CaseResult::failed));
    }

    private String counts() {
        ConformanceReport partial = new ConformanceReport(runUrl, results, 0);
        return partial.count(ConformanceCase.Verdict.PASS) + " passed, " + partial.count(ConformanceCase.Verdict.FAIL)
                + " failed, " + partial.count(ConformanceCase.Verdict.SKIP) + " skipped";
    }

    /** @param at the cases done, or the one under way */
    private void showProgress(int at) {
        int total = rows.size();
        progress.set(total == 0 ? 0 : (double) results.size() / total);
        progressText.set(Math.min(at, total) + " of " + total);
    }

    private void showNotRun() {
        rows.setAll(runs.cases().stream().map(c -> new CaseRow(c, Status.NOT_RUN, null)).toList());
    }

    private int indexOf(ConformanceCase testCase) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).testCase().id().equals(testCase.id())) {
                return i;
            }
        }
        return -1;
    }

    /** Null for a URL the run can use, else what is wrong with it, for people. */
    static String urlProblem(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return "Enter the ws:// or wss:// URL of the server to check";
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            return "Not a URL: " + e.getReason();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return "The URL must start with ws:// or wss://";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "The URL has no host";
        }
        return null;
    }
}
