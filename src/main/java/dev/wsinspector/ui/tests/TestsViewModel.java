package dev.wsinspector.ui.tests;

import dev.wsinspector.core.profile.AtomicFiles;
import dev.wsinspector.core.scenario.Scenario;
import dev.wsinspector.core.scenario.ScenarioFormatException;
import dev.wsinspector.core.scenario.ScenarioReader;
import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.core.scenario.ScenarioResult;
import dev.wsinspector.core.scenario.ScenarioRunner;
import dev.wsinspector.core.scenario.StepResult;
import dev.wsinspector.core.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tests panel: the scenario files of the scenarios directory, each with the verdict of its last run, and the
 * steps of the selected one's last run. Reading and running go to the {@link TestRuns}' threads; results arrive on
 * the FX thread, in one update per scenario (never per frame).
 */
public final class TestsViewModel {

    /** A scenario file and its last run's verdict ("" before a run). */
    public record ScenarioRow(Path file, String name, String status, String summary, ScenarioResult result) {
        @Override
        public String toString() {
            return (status.isEmpty() ? "" : status + "  ") + name;
        }
    }

    /** One step of a run: verdict, id, what it does, why, and the frames it saw. */
    public record StepRow(StepResult step, String connection, Session session, String url) {
        public boolean passed() {
            return step.passed();
        }

        /** The frame to select: the first it matched or sent, or for a failure the last it saw; -1 when none. */
        public long frameSeq() {
            List<Long> seqs = step.seqs();
            return seqs.isEmpty() ? -1 : step.passed() ? seqs.get(0) : seqs.get(seqs.size() - 1);
        }

        public String text() {
            return (step.passed() ? "PASS " : "FAIL ") + step.id() + "  " + step.describe() + "  —  " + step.reason()
                    + (step.seqs().isEmpty() ? "" : "  (frames " + step.seqs() + ")");
        }
    }

    private final TestRuns runs;
    private final ObservableList<ScenarioRow> scenarios = FXCollections.observableArrayList();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final InvalidationListener reloadOnSave = o -> reload();

    public TestsViewModel(TestRuns runs) {
        this.runs = runs;
        // a scenario saved anywhere (this panel, a timeline selection, the Sessions sidebar) is listed here too
        runs.savesProperty().addListener(new WeakInvalidationListener(reloadOnSave));
    }

    public ObservableList<ScenarioRow> scenarios() {
        return scenarios;
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Lists the scenario files again (keeping the last verdicts of files still there). */
    public void reload() {
        runs.tasks().submitLatest(this, this::list, files -> {
            List<ScenarioRow> rows = new ArrayList<>();
            for (Path f : files) {
                rows.add(scenarios.stream().filter(r -> r.file().equals(f)).findFirst()
                        .orElse(new ScenarioRow(f, f.getFileName().toString(), "", "", null)));
            }
            scenarios.setAll(rows);
            status.set(files.isEmpty() ? "No scenarios in " + runs.directory() + " (README, \"Tests (scenarios)\")"
                    : files.size() + " scenarios in " + runs.directory());
        }, e -> status.set("Cannot list " + runs.directory() + ": " + e.getMessage()));
    }

    private List<Path> list() throws IOException {
        Path dir = runs.directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && ScenarioReader.isScenarioFile(p)).sorted().toList();
        }
    }

    /** Runs {@code row}'s scenario; its steps are shown when it ends. */
    public void run(ScenarioRow row) {
        runAll(List.of(row));
    }

    /** Runs every listed scenario in order. */
    public void runAll() {
        runAll(List.copyOf(scenarios));
    }

    private void runAll(List<ScenarioRow> rows) {
        if (running.get() || rows.isEmpty()) {
            return;
        }
        running.set(true);
        status.set("Running " + rows.size() + (rows.size() == 1 ? " scenario…" : " scenarios…"));
        runs.tasks().submitLatest(this, () -> {
            List<ScenarioRow> done = new ArrayList<>();
            for (ScenarioRow row : rows) {
                ScenarioRow result = runOne(row);
                done.add(result);
                runs.tasks().onFxThread(() -> replace(result));
            }
            return done;
        }, done -> {
            running.set(false);
            if (!done.isEmpty()) {
                show(done.get(done.size() - 1));
            }
            long failed = done.stream().filter(r -> !r.status().equals("PASS")).count();
            status.set(done.size() + " run: " + (done.size() - failed) + " passed, " + failed + " failed");
        }, e -> {
            running.set(false);
            status.set("The run stopped: " + e.getMessage());
        });
    }

    private ScenarioRow runOne(ScenarioRow row) throws InterruptedException {
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(row.file());
        } catch (ScenarioFormatException e) {
            return new ScenarioRow(row.file(), row.name(), "MALFORMED", e.getMessage(), null);
        } catch (IOException e) {
            return new ScenarioRow(row.file(), row.name(), "MALFORMED", "cannot read it: " + e.getMessage(), null);
        }
        ScenarioResult r = runs.runner().run(scenario, new ScenarioRunner.Listener() { });
        return new ScenarioRow(row.file(), row.name(), r.passed() ? "PASS" : "FAIL", r.summary(), r);
    }

    private void replace(ScenarioRow result) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).file().equals(result.file())) {
                scenarios.set(i, result);
            }
        }
    }

    /** Shows {@code row}'s last run's steps (none before a run; a malformed file's problem as the status). */
    public void show(ScenarioRow row) {
        if (row == null) {
            steps.clear();
            return;
        }
        ScenarioRow current = scenarios.stream().filter(r -> r.file().equals(row.file())).findFirst().orElse(row);
        List<StepRow> rows = new ArrayList<>();
        if (current.result() != null) {
            ScenarioResult r = current.result();
            for (StepResult s : r.steps()) {
                Session session = r.sessions().get(s.connection());
                String url = session == null ? "" : session.opened().map(o -> o.url()).orElse("");
                rows.add(new StepRow(s, s.connection(), session, url));
            }
        }
        steps.setAll(rows);
        if (!current.summary().isEmpty()) {
            status.set(current.name() + ": " + current.summary());
        }
    }

    /**
     * Save as test, first half: {@code session} (the tab's capture) as a scenario with its loosenings, for the
     * review dialog; null when the session has no frames.
     */
    public ScenarioRecorder.Recorded prepareSaveAsTest(Session session, String name) {
        return prepareSaveAsTest(session, name, 0, session == null ? 0 : session.frames().size() - 1);
    }

    /** As {@link #prepareSaveAsTest(Session, String)}, for frames {@code from} to {@code to} (both included). */
    public ScenarioRecorder.Recorded prepareSaveAsTest(Session session, String name, long from, long to) {
        if (session == null || session.frames().size() == 0 || to < from) {
            status.set("Nothing to save: the tab has no frames yet");
            return null;
        }
        return ScenarioRecorder.record(session, name, from, to + 1);
    }

    /** The file name a scenario called {@code name} is saved as in the scenarios directory. */
    public Path fileFor(String name) {
        String base = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        return runs.directory().resolve((base.isEmpty() ? "scenario" : base) + ".json");
    }

    /** Save as test, second half (after the review): writes it atomically and lists the scenarios again. */
    public void saveAsTest(ScenarioRecorder.Recorded recorded, String name) {
        Path file = fileFor(name);
        runs.tasks().submitLatest("save " + file, () -> {
            Files.createDirectories(file.getParent());
            new AtomicFiles().write(file, recorded.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return file;
        }, saved -> {
            status.set("Saved " + saved + " (" + recorded.loosenings().size() + " values loosened)");
            runs.saved();
        }, e -> status.set("Cannot save " + file + ": " + e.getMessage()));
    }

    /** The loosenings as review lines: {@code #12 $.id "…" → captured as {{id}} (a UUID)}. */
    public static List<String> reviewLines(ScenarioRecorder.Recorded recorded) {
        List<String> lines = new ArrayList<>();
        for (ScenarioRecorder.Loosening l : recorded.loosenings()) {
            lines.add("#" + l.seq() + " " + l.where() + " " + l.original() + " → " + l.replacement() + " (" + l.why() + ")");
        }
        return lines;
    }

    /** Opens the step's connection's capture in a tab, the step's frame selected ({@link StepRow#frameSeq}). */
    public void showFrames(StepRow row) {
        TestRuns.StepFrames frames = runs.frames();
        if (frames != null && row != null && row.session() != null) {
            frames.show("test " + row.connection() + " step " + row.step().id(), row.url(), row.session(),
                    row.frameSeq());
        }
    }
}
