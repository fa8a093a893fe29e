package dev.wsinspector.ui.charts;

import dev.wsinspector.core.charts.ChartSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The histograms' series: from just before the first non-empty bucket to just after the last. */
class ChartKindTest {

    private static ChartSnapshot histograms(long[] in, long[] out, long[] latency) {
        return new ChartSnapshot(0, 100_000_000L, 0, new long[0][], in, out, latency);
    }

    @Test
    void aHistogramKeepsAnEmptyBucketEachSideOfItsBars() {
        long[] latency = new long[40];
        latency[12] = 1;
        latency[13] = 3;
        latency[15] = 2;
        var series = ChartKind.LATENCY_HISTOGRAM.series(histograms(new long[40], new long[40], latency));
        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.x()).containsExactly(11, 12, 13, 14, 15, 16);
            assertThat(s.y()).containsExactly(0, 1, 3, 0, 2, 0);
        });
    }

    @Test
    void sizesInAndOutShareTheirBucketsAndTheFirstBucketHasNoneBefore() {
        long[] in = new long[40];
        long[] out = new long[40];
        in[0] = 4;
        out[3] = 1;
        var series = ChartKind.SIZES.series(histograms(in, out, new long[40]));
        assertThat(series).extracting(ChartKind.Series::name).containsExactly("in", "out");
        assertThat(series.get(0).x()).containsExactly(0, 1, 2, 3, 4);
        assertThat(series.get(0).y()).containsExactly(4, 0, 0, 0, 0);
        assertThat(series.get(1).y()).containsExactly(0, 0, 0, 1, 0);
    }

    @Test
    void anEmptyHistogramHasNoPoints() {
        var series = ChartKind.LATENCY_HISTOGRAM.series(histograms(new long[40], new long[40], new long[40]));
        assertThat(series).singleElement().satisfies(s -> assertThat(s.size()).isZero());
    }
}
