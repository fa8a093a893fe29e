package dev.wsinspector.ui.charts;

import dev.wsinspector.core.charts.ChartSnapshot;
import dev.wsinspector.core.charts.LogHistogram;
import dev.wsinspector.core.charts.TimeBuckets;
import dev.wsinspector.core.payload.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The charts the panel offers and how each is made from a {@link ChartSnapshot}: series of (x, y) points, plain
 * arrays, no toolkit. Over time: x in seconds since the first frame (a click there jumps to the frames);
 * histograms: x is the log-scale bucket, labelled by {@link #xLabel}.
 */
public enum ChartKind {
    MESSAGES("Messages/s", "time", "s", "messages/s"),
    BYTES("Bytes/s", "time", "s", "bytes/s"),
    SIZES("Message sizes", "size", "", "messages"),
    PING_RTT("Ping RTT", "time", "s", "ms"),
    LATENCY("Reply latency", "time", "s", "ms"),
    LATENCY_HISTOGRAM("Latency histogram", "latency", "", "replies");

    /** One line or bar set of a chart. */
    public record Series(String name, double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    private final String title;
    private final String xName;
    private final String xUnit;
    private final String yName;

    ChartKind(String title, String xName, String xUnit, String yName) {
        this.title = title;
        this.xName = xName;
        this.xUnit = xUnit;
        this.yName = yName;
    }

    public String xName() {
        return xName;
    }

    public String xUnit() {
        return xUnit;
    }

    public String yName() {
        return yName;
    }

    /** Over time (a point's x is a moment of the capture), not a histogram. */
    public boolean overTime() {
        return xUnit.equals("s");
    }

    /** Bars rather than lines. */
    public boolean histogram() {
        return !overTime();
    }

    @Override
    public String toString() {
        return title;
    }

    /** The x axis' text for {@code x}: seconds over time, the bucket's lower bound for histograms. */
    public String xLabel(double x) {
        if (overTime()) {
            return trim(x);
        }
        int k = (int) Math.round(x);
        if (k < 0 || k >= LogHistogram.BUCKETS || Math.abs(x - k) > 1e-6) {
            return "";
        }
        long low = LogHistogram.lowerBound(k);
        return this == SIZES ? Formats.humanBytes(low) : millis(low);
    }

    public List<Series> series(ChartSnapshot s) {
        return switch (this) {
            case MESSAGES -> List.of(rate(s, "in", TimeBuckets.MESSAGES_IN), rate(s, "out", TimeBuckets.MESSAGES_OUT));
            case BYTES -> List.of(rate(s, "in", TimeBuckets.BYTES_IN), rate(s, "out", TimeBuckets.BYTES_OUT));
            case PING_RTT -> means(s, "ping RTT", TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, TimeBuckets.RTT_MAX);
            case LATENCY -> means(s, "latency", TimeBuckets.LATENCY_SUM, TimeBuckets.LATENCY_COUNT,
                    TimeBuckets.LATENCY_MAX);
            case SIZES -> List.of(histogram("in", s.sizesIn(), s.sizesOut()), histogram("out", s.sizesOut(), s.sizesIn()));
            case LATENCY_HISTOGRAM -> List.of(histogram("replies", s.latencyMicros(), s.latencyMicros()));
        };
    }

    private static Series rate(ChartSnapshot s, String name, int column) {
        double[] x = new double[s.buckets()];
        double[] y = new double[s.buckets()];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.startSeconds(i);
            y[i] = s.perSecond(column, i);
        }
        return new Series(name, x, y);
    }

    private static List<Series> means(ChartSnapshot s, String name, int sum, int count, int max) {
        IntPredicate has = i -> s.value(count, i) > 0;
        List<double[]> mean = points(s.buckets(), has, s::startSeconds, i -> s.meanMillis(sum, count, i));
        List<double[]> top = points(s.buckets(), has, s::startSeconds, i -> s.value(max, i) / 1e6);
        return List.of(new Series(name + " mean", mean.get(0), mean.get(1)),
                new Series(name + " max", top.get(0), top.get(1)));
    }

    private static List<double[]> points(int n, IntPredicate has, java.util.function.IntToDoubleFunction x,
                                         java.util.function.IntToDoubleFunction y) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (has.test(i)) {
                kept.add(i);
            }
        }
        double[] xs = new double[kept.size()];
        double[] ys = new double[kept.size()];
        for (int j = 0; j < xs.length; j++) {
            xs[j] = x.applyAsDouble(kept.get(j));
            ys[j] = y.applyAsDouble(kept.get(j));
        }
        return List.of(xs, ys);
    }

    /**
     * From the bucket before the first non-empty one of either histogram to the one after the last (so in and out
     * share their x, empty small buckets do not crowd the chart, and the last bar's right edge is on the axis).
     */
    private static Series histogram(String name, long[] counts, long[] other) {
        int first = -1;
        int last = -1;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] > 0 || other[k] > 0) {
                first = first < 0 ? k : first;
                last = k;
            }
        }
        if (last < 0) {
            return new Series(name, new double[0], new double[0]);
        }
        int from = Math.max(0, first - 1);
        int to = Math.min(counts.length - 1, last + 1);
        double[] x = new double[to - from + 1];
        double[] y = new double[to - from + 1];
        for (int k = from; k <= to; k++) {
            x[k - from] = k;
            y[k - from] = counts[k];
        }
        return new Series(name, x, y);
    }

    static String millis(long micros) {
        return micros < 1000 ? micros + " µs" : micros < 1_000_000 ? trim(micros / 1e3) + " ms" : trim(micros / 1e6) + " s";
    }

    private static String trim(double v) {
        String text = String.format(java.util.Locale.ROOT, "%.1f", v);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
