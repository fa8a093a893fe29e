package dev.wsinspector.ui.connection;

import dev.wsinspector.core.pairing.MethodStats;
import dev.wsinspector.core.pairing.Percentiles;

import java.util.List;

/** The Latency statistics window's rows, one per method, as text (no toolkit needed to make or test them). */
public final class LatencyStatsRows {

    /** One method's row. */
    public record Row(String method, String requests, String replies, String unanswered, String duplicates, String p50,
                      String p95, String p99, String max) {
    }

    private LatencyStatsRows() {
    }

    public static List<Row> of(List<MethodStats> methods) {
        return methods.stream().map(LatencyStatsRows::row).toList();
    }

    private static Row row(MethodStats m) {
        Percentiles p = m.latency();
        return new Row(m.method().isEmpty() ? "(no method)" : m.method(), Long.toString(m.requests()),
                Long.toString(m.replies()), Long.toString(m.unanswered()), Long.toString(m.duplicates()),
                ms(p.p50()), ms(p.p95()), ms(p.p99()), ms(p.max()));
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "–" : PairingTexts.duration(nanos);
    }
}
