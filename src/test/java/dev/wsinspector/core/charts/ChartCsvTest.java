package dev.wsinspector.core.charts;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ChartCsvTest {

    @Test
    void writesTheSeriesAndBothDistributions() throws IOException {
        long s = 1_000_000_000L;
        ColumnarFrameStore store = new ColumnarFrameStore(CaptureChartsTest.CLOCK);
        CaptureChartsTest.add(store, Direction.OUT, 0x81, 0, "hello");           // 5 B out
        CaptureChartsTest.add(store, Direction.IN, 0x81, s / 4, "hello world");  // 11 B in
        CaptureChartsTest.add(store, Direction.OUT, 0x89, s / 2, "p");
        CaptureChartsTest.add(store, Direction.IN, 0x8A, s / 2 + 20_000_000L, "p");
        CaptureChartsTest.add(store, Direction.IN, 0x82, 2 * s, new byte[300]);
        CaptureCharts charts = new CaptureCharts(s, 4);
        charts.advance(store, store.size());
        charts.latencies(store, new LatencySource() {
            @Override
            public long pairedUpTo() {
                return Long.MAX_VALUE;
            }

            @Override
            public long latencyNanos(long seq) {
                return seq == 1 ? 250_000_000L : NONE;
            }
        });

        StringWriter out = new StringWriter();
        ChartCsv.write(charts.snapshot(), out);

        assertThat(out.toString()).isEqualTo("""
                time_s,messages_in_per_s,messages_out_per_s,bytes_in_per_s,bytes_out_per_s,\
                ping_rtt_ms,ping_rtt_max_ms,latency_ms,latency_max_ms
                0,1,1,11,5,20,20,250,250
                1,0,0,0,0,,,,
                2,1,0,300,0,,,,

                size_from_bytes,size_to_bytes,messages_in,messages_out
                4,8,0,1
                8,16,1,0
                256,512,1,0

                latency_from_ms,latency_to_ms,replies
                131.072,262.144,1
                """);
    }

    @Test
    void numbersArePlainDecimals() {
        assertThat(ChartCsv.number(0.5)).isEqualTo("0.5");
        assertThat(ChartCsv.number(1234567.0)).isEqualTo("1234567");
        assertThat(ChartCsv.number(0.0001)).isEqualTo("0");
        assertThat(ChartCsv.number(2.125)).isEqualTo("2.125");
    }
}
