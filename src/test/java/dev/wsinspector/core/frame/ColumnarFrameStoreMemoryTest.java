package dev.wsinspector.core.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The memory goal of issue #2: at most 24 bytes of heap per stored frame beyond its payload, measured by
 * walking the store's object graph with JOL (sizes from the running VM's layout), not by our own estimate.
 */
class ColumnarFrameStoreMemoryTest {

    private static final int FRAMES = 1_000_000;
    private static final int PAYLOAD = 100;

    @Test
    void storesAMillionHundredByteFramesWithAtMost24BytesOfOverheadEach() {
        ColumnarFrameStore store = new ColumnarFrameStore(new ColumnarFrameStoreTest.FakeClock());
        ByteBuffer payload = ByteBuffer.wrap(new byte[PAYLOAD]);
        WireHeader header = WireHeader.of(0x81, false, 0, PAYLOAD);
        for (int i = 0; i < FRAMES; i++) {
            store.append(Direction.IN, header, false, i, payload);
        }

        long total = GraphLayout.parseInstance(store).totalSize();
        long payloadBytes = (long) FRAMES * PAYLOAD;
        double perFrame = (double) (total - payloadBytes) / FRAMES;
        System.out.printf("ColumnarFrameStore: %,d frames of %d bytes: %,d bytes of heap (JOL), "
                        + "%.2f bytes per frame beyond the payload; retainedBytes() says %,d%n",
                FRAMES, PAYLOAD, total, perFrame, store.retainedBytes());

        assertThat(store.payloadBytes()).isEqualTo(payloadBytes);
        assertThat(perFrame).isLessThanOrEqualTo(24.0);
        // The estimate shown to users should be honest: within 1% of what JOL counts.
        assertThat((double) store.retainedBytes()).isCloseTo(total, Percentage.withPercentage(1));
    }
}
