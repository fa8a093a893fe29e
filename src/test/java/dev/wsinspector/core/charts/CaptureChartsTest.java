package dev.wsinspector.core.charts;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureChartsTest {

    static final CaptureClock CLOCK = new CaptureClock() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public long epochMicrosAt(long nanoTime) {
            return nanoTime / 1000;
        }
    };

    private static final int FIN = 0x80;

    static long add(FrameStore store, Direction dir, int firstByte, long monoNanos, byte[] payload) {
        boolean masked = dir == Direction.OUT;
        return store.append(dir, WireHeader.of(firstByte, masked, masked ? 0x11223344 : 0, payload.length), false,
                monoNanos, ByteBuffer.wrap(payload));
    }

    static long add(FrameStore store, Direction dir, int firstByte, long monoNanos, String payload) {
        return add(store, dir, firstByte, monoNanos, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Messages, fragments, pings and pongs at random gaps (a few out of order), sizes spread over decades. */
    static ColumnarFrameStore randomCapture(long seed, int frames) {
        Random random = new Random(seed);
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        long t = 5_000_000_000L;
        boolean[] fragmenting = new boolean[2];
        for (int i = 0; i < frames; i++) {
            t += random.nextInt(4) == 0 ? random.nextInt(400_000_000) : random.nextInt(2_000_000);
            long stamp = random.nextInt(50) == 0 ? t - random.nextInt(1_000_000) : t;
            Direction dir = random.nextBoolean() ? Direction.IN : Direction.OUT;
            int d = dir.ordinal();
            int kind = random.nextInt(10);
            byte[] payload = new byte[kind < 7 ? (int) Math.pow(2, random.nextInt(16)) - 1 + random.nextInt(3) : 4];
            random.nextBytes(payload);
            int firstByte;
            if (kind == 8) {
                firstByte = FIN | Opcode.PING.code();
            } else if (kind == 9) {
                firstByte = FIN | Opcode.PONG.code();
            } else if (fragmenting[d]) {
                boolean last = random.nextBoolean();
                firstByte = (last ? FIN : 0) | Opcode.CONTINUATION.code();
                fragmenting[d] = !last;
            } else {
                boolean whole = random.nextInt(5) != 0;
                firstByte = (whole ? FIN : 0) | (random.nextBoolean() ? Opcode.TEXT : Opcode.BINARY).code();
                fragmenting[d] = !whole;
            }
            add(store, dir, firstByte, stamp, payload);
        }
        return store;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42})
    void bucketsEqualABruteForceCountOfTheCapture(long seed) {
        ColumnarFrameStore store = randomCapture(seed, 20_000);
        CaptureCharts charts = new CaptureCharts(10_000_000L, 64); // 10 ms: the ~1000 s capture re-buckets 10 times
        Random chunks = new Random(seed);
        while (charts.position() < store.size()) {
            charts.advance(store, charts.position() + 1 + chunks.nextInt(3000));
        }
        ChartSnapshot s = charts.snapshot();

        assertThat(s.widthNanos()).isGreaterThan(10_000_000L);
        long origin = store.monoNanos(0);
        assertThat(s.originNanos()).isEqualTo(origin);
        long[][] expected = new long[TimeBuckets.COLUMNS][s.buckets()];
        java.util.Arrays.fill(expected[TimeBuckets.FIRST_SEQ], Long.MAX_VALUE);
        long[] sizesIn = new long[LogHistogram.BUCKETS];
        long[] sizesOut = new long[LogHistogram.BUCKETS];
        long[] pending = new long[2];
        for (long seq = 0; seq < store.size(); seq++) {
            int b = (int) (Math.max(0, store.monoNanos(seq) - origin) / s.widthNanos());
            boolean in = store.direction(seq) == Direction.IN;
            expected[TimeBuckets.FIRST_SEQ][b] = Math.min(expected[TimeBuckets.FIRST_SEQ][b], seq);
            Opcode op = store.opcode(seq);
            if (op == Opcode.TEXT || op == Opcode.BINARY || op == Opcode.CONTINUATION) {
                expected[in ? TimeBuckets.BYTES_IN : TimeBuckets.BYTES_OUT][b] += store.payloadLength(seq);
                pending[in ? 0 : 1] += store.payloadLength(seq);
                if ((store.firstByte(seq) & FIN) != 0) {
                    expected[in ? TimeBuckets.MESSAGES_IN : TimeBuckets.MESSAGES_OUT][b]++;
                    (in ? sizesIn : sizesOut)[LogHistogram.bucketOf(pending[in ? 0 : 1])]++;
                    pending[in ? 0 : 1] = 0;
                }
            }
        }
        for (int column : new int[] {TimeBuckets.MESSAGES_IN, TimeBuckets.MESSAGES_OUT, TimeBuckets.BYTES_IN,
                TimeBuckets.BYTES_OUT, TimeBuckets.FIRST_SEQ}) {
            assertThat(s.columns()[column]).as("column %d", column).containsExactly(expected[column]);
        }
        assertThat(s.sizesIn()).containsExactly(sizesIn);
        assertThat(s.sizesOut()).containsExactly(sizesOut);
        assertThat(s.frames()).isEqualTo(store.size());
    }

    @Test
    void rebucketingKeepsTotalsAndBoundsMemory() {
        ColumnarFrameStore store = randomCapture(7, 5_000);
        CaptureCharts wide = new CaptureCharts(1_000_000_000_000L, 2); // one bucket holds everything
        CaptureCharts narrow = new CaptureCharts(1_000L, 16);
        wide.advance(store, store.size());
        narrow.advance(store, store.size());
        ChartSnapshot all = wide.snapshot();
        ChartSnapshot rebucketed = narrow.snapshot();

        assertThat(all.buckets()).isEqualTo(1);
        assertThat(rebucketed.buckets()).isLessThanOrEqualTo(16).isGreaterThan(8);
        for (int column = 0; column < TimeBuckets.FIRST_SEQ; column++) {
            assertThat(rebucketed.total(column)).as("column %d", column).isEqualTo(all.total(column));
        }
        assertThat(all.total(TimeBuckets.MESSAGES_IN) + all.total(TimeBuckets.MESSAGES_OUT)).isPositive();
        assertThat(rebucketed.firstSeqFrom(0)).isZero();
    }

    @Test
    void pingsArePairedWithTheOtherSidesPongOfTheSamePayload() {
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        long s = 1_000_000_000L;
        add(store, Direction.OUT, FIN | 0x9, 0, "a");              // our ping a
        add(store, Direction.IN, FIN | 0xA, s / 10, "zzz");        // unsolicited pong: no pair
        add(store, Direction.OUT, FIN | 0xA, s / 5, "a");          // our own pong does not answer our ping
        add(store, Direction.IN, FIN | 0xA, s / 4, "a");           // 250 ms
        add(store, Direction.IN, FIN | 0xA, s / 3, "a");           // a second pong for a: answered already
        add(store, Direction.IN, FIN | 0x9, 2 * s, "srv");         // the server's ping
        add(store, Direction.OUT, FIN | 0xA, 2 * s + s / 100, "srv"); // 10 ms
        add(store, Direction.OUT, FIN | 0x9, 3 * s, "b");          // never answered

        CaptureCharts charts = new CaptureCharts(s, 8);
        charts.advance(store, store.size());
        ChartSnapshot snap = charts.snapshot();

        assertThat(snap.total(TimeBuckets.RTT_COUNT)).isEqualTo(2);
        assertThat(snap.meanMillis(TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, 0)).isEqualTo(250.0);
        assertThat(snap.meanMillis(TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, 2)).isEqualTo(10.0);
        assertThat(snap.value(TimeBuckets.RTT_MAX, 2)).isEqualTo(10_000_000L);
        assertThat(snap.meanMillis(TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, 1)).isNaN();
        assertThat(snap.total(TimeBuckets.MESSAGES_IN) + snap.total(TimeBuckets.MESSAGES_OUT)).isZero();
    }

    @Test
    void aPingWhosePongCameInALaterAdvanceIsStillPaired() {
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        add(store, Direction.OUT, FIN | 0x9, 0, "p");
        CaptureCharts charts = new CaptureCharts(1_000_000_000L, 8);
        charts.advance(store, store.size());
        add(store, Direction.IN, FIN | 0xA, 40_000_000L, "p");
        charts.advance(store, store.size());
        assertThat(charts.snapshot().meanMillis(TimeBuckets.RTT_SUM, TimeBuckets.RTT_COUNT, 0)).isEqualTo(40.0);
    }

    @Test
    void latenciesComeFromTheSourceOnlyForSettledFrames() {
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        long s = 1_000_000_000L;
        for (int i = 0; i < 6; i++) {
            add(store, i % 2 == 0 ? Direction.OUT : Direction.IN, FIN | 0x1, i * s, "{\"id\":" + i / 2 + "}");
        }
        Map<Long, Long> replies = new HashMap<>(Map.of(1L, 3_000_000L, 3L, 120_000_000L, 5L, 7_000_000L));
        long[] settled = {4};
        LatencySource fake = new LatencySource() {
            @Override
            public long pairedUpTo() {
                return settled[0];
            }

            @Override
            public long latencyNanos(long seq) {
                return replies.getOrDefault(seq, NONE);
            }
        };
        CaptureCharts charts = new CaptureCharts(s, 8);
        charts.advance(store, 3);
        charts.latencies(store, fake); // only what was taken in: frames 0-2
        assertThat(charts.snapshot().total(TimeBuckets.LATENCY_COUNT)).isEqualTo(1);

        charts.advance(store, store.size());
        charts.latencies(store, fake); // settled up to 4
        ChartSnapshot snap = charts.snapshot();
        assertThat(snap.total(TimeBuckets.LATENCY_COUNT)).isEqualTo(2);
        assertThat(snap.meanMillis(TimeBuckets.LATENCY_SUM, TimeBuckets.LATENCY_COUNT, 3)).isEqualTo(120.0);

        settled[0] = 6;
        charts.latencies(store, fake);
        snap = charts.snapshot();
        assertThat(snap.total(TimeBuckets.LATENCY_COUNT)).isEqualTo(3);
        assertThat(snap.meanMillis(TimeBuckets.LATENCY_SUM, TimeBuckets.LATENCY_COUNT, 1)).isEqualTo(3.0);
        assertThat(snap.latencyMicros()[LogHistogram.bucketOf(3_000)]).isEqualTo(1);
        assertThat(snap.latencyMicros()[LogHistogram.bucketOf(7_000)]).isEqualTo(1);
        assertThat(snap.latencyMicros()[LogHistogram.bucketOf(120_000)]).isEqualTo(1);
    }

    @Test
    void aFragmentedMessageCountsOnceWithTheSizeOfAllItsFragments() {
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        add(store, Direction.IN, 0x1, 0, new byte[1000]);
        add(store, Direction.IN, FIN | 0x9, 1, "x");              // a ping between the fragments
        add(store, Direction.IN, 0x0, 2, new byte[400]);
        add(store, Direction.IN, FIN, 3, new byte[100]);
        CaptureCharts charts = new CaptureCharts();
        charts.advance(store, store.size());
        ChartSnapshot snap = charts.snapshot();
        assertThat(snap.total(TimeBuckets.MESSAGES_IN)).isEqualTo(1);
        assertThat(snap.total(TimeBuckets.BYTES_IN)).isEqualTo(1500);
        assertThat(snap.sizesIn()[LogHistogram.bucketOf(1500)]).isEqualTo(1);
        assertThat(LogHistogram.lowerBound(LogHistogram.bucketOf(1500))).isEqualTo(1024);
        assertThat(LogHistogram.upperBound(LogHistogram.bucketOf(1500))).isEqualTo(2048);
    }

    @Test
    void theBucketOfATimeLeadsToTheFirstFrameAtOrAfterIt() {
        ColumnarFrameStore store = new ColumnarFrameStore(CLOCK);
        long s = 1_000_000_000L;
        add(store, Direction.OUT, FIN | 0x1, 0, "a");
        add(store, Direction.IN, FIN | 0x1, s / 2, "b");
        add(store, Direction.OUT, FIN | 0x1, 3 * s + 1, "c");
        CaptureCharts charts = new CaptureCharts(s, 8);
        charts.advance(store, store.size());
        ChartSnapshot snap = charts.snapshot();
        assertThat(snap.firstSeqFrom(snap.bucketAt(0.7))).isZero();
        assertThat(snap.firstSeqFrom(snap.bucketAt(1.5))).isEqualTo(2); // nothing in 1-3 s: the next frame
        assertThat(snap.firstSeqFrom(snap.bucketAt(3.2))).isEqualTo(2);
        assertThat(snap.bucketAt(99)).isEqualTo(-1);
        assertThat(ChartSnapshot.EMPTY.buckets()).isZero();
    }
}
