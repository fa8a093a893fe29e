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
}
