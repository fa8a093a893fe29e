package dev.wsinspector.core.conformance;

import dev.wsinspector.core.conformance.ConformanceCase.Verdict;
import java.util.List;

/** A whole run: the URL, every case's result in order, and how long it took. */
public record ConformanceReport(String url, List<CaseResult> results, long millis) {

    public ConformanceReport {
        results = List.copyOf(results);
    }

    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }

    /** Every case passed or was skipped (skipped is not failed). */
    public boolean passed() {
        return count(Verdict.FAIL) == 0;
    }
}
