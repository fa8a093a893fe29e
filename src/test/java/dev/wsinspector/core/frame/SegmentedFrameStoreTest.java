package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Segments of a streaming capture: payload chunks of one G1 region, filled to the chunk, read back exactly. */
class SegmentedFrameStoreTest {

    private static long regionSize() {
        com.sun.management.HotSpotDiagnosticMXBean hs =
                ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        return Long.parseLong(hs.getVMOption("G1HeapRegionSize").getValue());
    }

    private static byte[] payload(int i, int length) {
        byte[] p = new byte[length];
        Arrays.fill(p, (byte) i);
        if (length >= 4) {
            ByteBuffer.wrap(p).putInt(0, i);
        }
        return p;
    }

    @Test
    void aStreamingCaptureGetsRegionSizedChunksAndReadsBackExactly() {
        boolean g1 = ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(b -> b.getName().startsWith("G1"));
        SegmentedFrameStore store = new SegmentedFrameStore();
        int frames = 60_000;
        for (int i = 0; i < frames; i++) {
            int length = i % 100 == 0 ? 20_000 : 150 + i % 300;
            store.append(Direction.IN, WireHeader.of(0x82, false, 0, length), false, i, ByteBuffer.wrap(payload(i, length)));
        }
        // The first segment is an ordinary one (a quiet session never takes a region); later ones, once the
        // capture streams, have humongous chunks of exactly one region when G1 runs.
        assertThat(store.payloadChunkSize(0)).isEqualTo(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE);
        int last = store.payloadChunkSize(frames - 1);
        if (g1) {
            assertThat(last).isEqualTo((int) regionSize() - HeapSizes.ARRAY_HEADER);
        } else {
            assertThat(last).isEqualTo(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE);
        }
        for (int i = 0; i < frames; i++) {
            int length = i % 100 == 0 ? 20_000 : 150 + i % 300;
            assertThat(store.payloadLength(i)).isEqualTo(length);
            assertThat(store.monoNanos(i)).isEqualTo(i);
            assertThat(store.get(i).payloadBytes()).isEqualTo(payload(i, length));
        }
        // Segments end where their chunks are full, so little of the chunks is left empty.
        double overhead = (double) (store.retainedBytes() - store.payloadBytes()) / store.payloadBytes();
        assertThat(overhead).isLessThan(0.35);
    }

    @Test
    void aQuietCaptureKeepsSmallChunks() {
        SegmentedFrameStore store = new SegmentedFrameStore();
        for (int i = 0; i < 3 * SegmentedFrameStore.SEGMENT_FRAMES; i++) {
            store.append(Direction.IN, WireHeader.of(0x81, false, 0, 5), false, i, ByteBuffer.wrap(payload(i, 5)));
        }
        assertThat(store.payloadChunkSize(store.size() - 1)).isEqualTo(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE);
        assertThat(store.retainedBytes()).isLessThan(4L << 20);
    }

    @Test
    void segmentsOfLargeFramesGetSmallColumnsAndStillTakeAnyFrames() {
        SegmentedFrameStore store = new SegmentedFrameStore();
        int large = 400;
        for (int i = 0; i < large; i++) {
            store.append(Direction.IN, WireHeader.of(0x82, false, 0, 65_536), false, i, ByteBuffer.wrap(payload(i, 65_536)));
        }
        long columns = store.retainedBytes() - store.payloadBytes();
        // Columns for 16384 frames in each segment of about 32-64 such frames would alone be 5.5-11 KB per frame;
        // what is left is mostly the end of each segment's chunks that the next 64 KiB record did not fit in.
        assertThat(columns / large).isLessThan(5_000);
        // A segment sized for large frames that then gets small ones grows its columns block by block.
        int small = 30_000;
        for (int i = large; i < large + small; i++) {
            store.append(Direction.IN, WireHeader.of(0x81, false, 0, 100), false, i, ByteBuffer.wrap(payload(i, 100)));
        }
        FrameBatch batch = new FrameBatch(700, 100_000);
        long seq = 0;
        while (seq < store.size()) {
            int n = store.read(seq, store.size(), batch);
            for (int i = 0; i < n; i++, seq++) {
                int length = seq < large ? 65_536 : 100;
                assertThat(batch.payloadLength[i]).isEqualTo(length);
                assertThat(batch.monoNanos[i]).isEqualTo(seq);
                assertThat(Arrays.copyOfRange(batch.payload(), batch.payloadOffset[i], batch.payloadOffset[i] + length))
                        .isEqualTo(payload((int) seq, length));
                assertThat(store.get(seq).payloadBytes()).isEqualTo(payload((int) seq, length));
            }
        }
    }

    @Test
    void readersNeverSeeTornPayloadsWhileReleasedChunksAreReused() throws Exception {
        SegmentedFrameStore store = new SegmentedFrameStore();
        ColumnarFrameStore journal = new ColumnarFrameStore(store.clock()); // stands in for the journal file
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        Thread reader = new Thread(() -> {
            java.util.Random random = new java.util.Random(3);
            byte[] dst = new byte[300];
            FrameBatch batch = new FrameBatch(64, 64 * 300);
            try {
                while (!done.get()) {
                    long size = store.size();
                    if (size == 0) {
                        continue;
                    }
                    // Mostly frames near the release point, where chunks are being given up and reused.
                    long below = store.releasedBelow();
                    long seq = random.nextBoolean() && below > 0
                            ? Math.max(0, below - 1 - random.nextInt(40_000)) : (long) (random.nextDouble() * size);
                    int length = lengthOf(seq);
                    int n = store.readPayload(seq, 0, dst, 0, dst.length);
                    assertThat(n).isEqualTo(length);
                    assertThat(Arrays.copyOf(dst, n)).isEqualTo(payload((int) seq, length));
                    assertThat(store.header(seq).payloadLength()).isEqualTo(length + 1); // wire length in the chunk
                    assertThat(store.wirePayloadLength(seq)).isEqualTo(length + 1);
                    int m = store.read(seq, Math.min(size, seq + 64), batch);
                    for (int i = 0; i < m; i++) {
                        int len = lengthOf(seq + i);
                        assertThat(batch.payloadLength[i]).isEqualTo(len);
                        assertThat(Arrays.copyOfRange(batch.payload(), batch.payloadOffset[i], batch.payloadOffset[i] + len))
                                .isEqualTo(payload((int) (seq + i), len));
                    }
                    reads.incrementAndGet();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "torn-reader");
        reader.start();
        int frames = 400_000;
        for (int i = 0; i < frames && failure.get() == null; i++) {
            int length = lengthOf(i);
            // Wire length differs from the stored length, so each record's prefix in the chunk is read too.
            WireHeader h = WireHeader.of(0x82, false, 0, length + 1);
            journal.append(Direction.IN, h, false, i, ByteBuffer.wrap(payload(i, length)));
            store.append(Direction.IN, h, false, i, ByteBuffer.wrap(payload(i, length)));
            if (i % 5_000 == 0 && i > 60_000) {
                store.release(i - 50_000, journal, 16L << 20);
            }
        }
        done.set(true);
        reader.join(10_000);
        if (failure.get() != null) {
            throw new AssertionError("a reader saw a torn frame", failure.get());
        }
        assertThat(reads.get()).isPositive();
        assertThat(store.releasedBelow()).isGreaterThan(frames / 2);
        assertThat(store.payloadChunkSize(frames - 1)).isGreaterThan(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE);
    }

    private static int lengthOf(long seq) {
        return 150 + (int) (seq % 100);
    }

    @Test
    void aReadRacingTheReuseOfItsSegmentsChunksIsAnsweredFromTheReleasedStore() {
        SegmentedFrameStore store = new SegmentedFrameStore();
        ColumnarFrameStore journal = new ColumnarFrameStore(store.clock());
        int frames = 5 * SegmentedFrameStore.SEGMENT_FRAMES;
        for (int i = 0; i < frames; i++) {
            WireHeader h = WireHeader.of(0x82, false, 0, lengthOf(i));
            journal.append(Direction.IN, h, false, i, ByteBuffer.wrap(payload(i, lengthOf(i))));
            store.append(Direction.IN, h, false, i, ByteBuffer.wrap(payload(i, lengthOf(i))));
        }
        long seq = 2L * SegmentedFrameStore.SEGMENT_FRAMES + 5; // in a streaming segment (humongous chunks)
        assertThat(store.payloadChunkSize(seq)).isGreaterThan(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE);
        byte[] dst = new byte[300];
        try {
            // Between the reader's look-up and its read, the segment is released, its chunks go to a new segment,
            // and that segment's frames overwrite them.
            SegmentedFrameStore.afterLookupForTests = () -> {
                SegmentedFrameStore.afterLookupForTests = null;
                store.release(4L * SegmentedFrameStore.SEGMENT_FRAMES, journal, 64L << 20);
                byte[] junk = new byte[250];
                Arrays.fill(junk, (byte) 0x5A);
                for (int i = 0; i < 3 * SegmentedFrameStore.SEGMENT_FRAMES; i++) {
                    store.append(Direction.IN, WireHeader.of(0x82, false, 0, junk.length), false, 0, ByteBuffer.wrap(junk));
                }
            };
            int n = store.readPayload(seq, 0, dst, 0, dst.length);
            assertThat(Arrays.copyOf(dst, n)).isEqualTo(payload((int) seq, lengthOf(seq)));
        } finally {
            SegmentedFrameStore.afterLookupForTests = null;
        }
        assertThat(store.releasedBelow()).isGreaterThan(seq);
    }
}
