package dev.wsinspector.ui.tests;

import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.ui.connection.TestSaver;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.stage.Window;

/**
 * Save as test from outside the Tests panel (a timeline selection, a stored session in the Sessions sidebar): the
 * frames as a scenario, the same review dialog, saved into the scenarios folder; every Tests panel lists it.
 */
public final class SaveAsTest implements TestSaver {

    private final TestRuns runs;

    public SaveAsTest(TestRuns runs) {
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    @Override
    public void save(Window owner, String name, Session session, long from, long to, Consumer<String> notice) {
        TestsViewModel model = new TestsViewModel(runs);
        ScenarioRecorder.Recorded recorded = model.prepareSaveAsTest(session, name, from, to);
        if (recorded == null) {
            notice.accept(model.statusProperty().get());
            return;
        }
        model.statusProperty().addListener((o, was, now) -> {
            if (now.startsWith("Saved ") || now.startsWith("Cannot save")) {
                notice.accept(now);
            }
        });
        SaveAsTestDialog.show(owner, name, recorded, model).ifPresent(chosen -> model.saveAsTest(recorded, chosen));
    }
}
