package dev.wsinspector.core.pairing;

/**
 * One method's pairing figures: requests, replies (paired, first ones), unanswered requests, duplicate requests
 * and replies, and the replies' latency percentiles (nearest rank) in nanoseconds, -1 when no reply came.
 */
public record MethodStats(String method, long requests, long replies, long unanswered, long duplicates,
                          Percentiles latency) {

    static MethodStats of(String method, long requests, long unanswered, long duplicates, long[] latencies) {
        return new MethodStats(method, requests, latencies.length, unanswered, duplicates, Percentiles.of(latencies));
    }
}
