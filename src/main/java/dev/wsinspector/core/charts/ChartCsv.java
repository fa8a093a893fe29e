package dev.wsinspector.core.charts;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A {@link ChartSnapshot}'s numbers as CSV, three tables separated by an empty line: the time series (one row a
 * bucket: start in seconds, messages/s and bytes/s in and out, ping RTT and reply latency as mean and max in
 * milliseconds, empty where there was none), the message size distribution (bytes from, to, messages in, out)
 * and the latency distribution (milliseconds from, to, replies). Empty histogram buckets are left out.
 */
public final class ChartCsv {

    private ChartCsv() {
    }

    public static void write(ChartSnapshot s, Writer out) throws IOException {
        out.write("time_s,messages_in_per_s,messages_out_per_s,bytes_in_per_s,bytes_out_per_s,"
                + "ping_rtt_ms,ping_rtt_max_ms,latency_ms,latency_max_ms\n");
        for (int i = 0; i < s.buckets(); i++) {
            out.write(number(s.startSeconds(i)) + ',' + number(s.perSecond(TimeBuckets.MESSAGES_IN, i)) + ','
                    + number(s.perSecond(TimeBuckets.MESSAGES_OUT, i)) + ','
                    + number(s.perSecond(TimeBuckets.BYTES_IN, i)) + ','
                    + number(s.perSecond(TimeBuckets.BYTES_OUT, i)) + ','
                    + mean(s, TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, TimeBuckets.RTT_MAX, i) + ','
                    + mean(s, TimeBuckets.LATENCY_SUM, TimeBuckets.LATENCY_COUNT, TimeBuckets.LATENCY_MAX, i)
                    + '\n');
        }
        out.write("\nsize_from_bytes,size_to_bytes,messages_in,messages_out\n");
        for (int k = 0; k < LogHistogram.BUCKETS; k++) {
            if (s.sizesIn()[k] + s.sizesOut()[k] > 0) {
                out.write(LogHistogram.lowerBound(k) + "," + LogHistogram.upperBound(k) + "," + s.sizesIn()[k] + ","
                        + s.sizesOut()[k] + "\n");
            }
        }
        out.write("\nlatency_from_ms,latency_to_ms,replies\n");
        for (int k = 0; k < LogHistogram.BUCKETS; k++) {
            if (s.latencyMicros()[k] > 0) {
                out.write(number(LogHistogram.lowerBound(k) / 1e3) + "," + number(LogHistogram.upperBound(k) / 1e3)
                        + "," + s.latencyMicros()[k] + "\n");
            }
        }
    }

    private static String mean(ChartSnapshot s, int sum, int count, int max, int i) {
        double mean = s.meanMillis(sum, count, i);
        return Double.isNaN(mean) ? "," : number(mean) + "," + number(s.value(max, i) / 1e6);
    }

    /** Plain decimal, no exponent, at most three decimals, no trailing zeros. */
    static String number(double v) {
        String text = String.format(Locale.ROOT, "%.3f", v);
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
