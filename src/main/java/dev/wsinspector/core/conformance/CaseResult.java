package dev.wsinspector.core.conformance;

import dev.wsinspector.core.conformance.ConformanceCase.Verdict;
import dev.wsinspector.core.session.Session;

/**
 * One case as it ran: its verdict, what was seen, how long it took, and its capture (the frames both ways and
 * the connection's events), so a report or a panel can show the case's frames.
 *
 * @param session the case's capture; null when the case never connected
 */
public record CaseResult(ConformanceCase testCase, Verdict verdict, String observed, long millis, Session session) {

    public boolean failed() {
        return verdict == Verdict.FAIL;
    }
}
