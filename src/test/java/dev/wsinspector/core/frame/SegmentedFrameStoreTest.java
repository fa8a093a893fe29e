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
}
