package dev.wsinspector.core.scenario;

import dev.wsinspector.core.session.Session;
import java.util.List;
import java.util.Map;

/**
 * A scenario's run: every step that ran (the run stops at the first failure, so a failed run ends with it),
 * how many steps were left, and each connection's captured {@link Session} by name, for the timeline.
 * {@code error} is set when the scenario could not run at all (a connection that did not open, a profile not
 * found); it is then failed with no steps.
 */
public record ScenarioResult(Scenario scenario, List<StepResult> steps, long notRun, String error, long millis,
                             Map<String, Session> sessions, Map<String, String> sessionIds) {

    public ScenarioResult {
        steps = List.copyOf(steps);
        sessions = Map.copyOf(sessions);
        sessionIds = Map.copyOf(sessionIds);
    }

    public boolean passed() {
        return error == null && steps.stream().allMatch(StepResult::passed) && notRun == 0;
    }

    /** The failed step, or null. */
    public StepResult failure() {
        return steps.stream().filter(s -> !s.passed()).findFirst().orElse(null);
    }

    /** E.g. "step 4 (expect text "pong") failed: …", or the error, or "12 steps passed". */
    public String summary() {
        if (error != null) {
            return error;
        }
        StepResult f = failure();
        return f == null ? steps.size() + " steps passed"
                : "step " + f.id() + " (" + f.describe() + ") failed: " + f.reason();
    }
}
