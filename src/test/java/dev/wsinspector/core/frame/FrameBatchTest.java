package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link FrameStore#read(long, long, FrameBatch)}: the columnar and segmented stores' bulk reads give exactly
 * what the field-by-field default gives, for every kind of frame, across payload chunks, column blocks,
 * segments and released segments, whatever the batch's size.
 */
class FrameBatchTest {

    /** A store that only has the interface's default {@code read}, answering field by field. */
    private static FrameStore fieldByField(FrameStore s) {
        return new FrameStore() {
            @Override
            public long append(Direction d, WireHeader h, boolean inflated, long mono, ByteBuffer payload) {
                throw new UnsupportedOperationException();
            }

            @Override public long size() { return s.size(); }
            @Override public CaptureClock clock() { return s.clock(); }
            @Override public Frame get(long seq) { return s.get(seq); }
            @Override public Direction direction(long seq) { return s.direction(seq); }
            @Override public WireHeader header(long seq) { return s.header(seq); }
            @Override public Opcode opcode(long seq) { return s.opcode(seq); }
            @Override public int firstByte(long seq) { return s.firstByte(seq); }
            @Override public boolean masked(long seq) { return s.masked(seq); }
            @Override public boolean inflated(long seq) { return s.inflated(seq); }
            @Override public long monoNanos(long seq) { return s.monoNanos(seq); }
            @Override public long epochMicros(long seq) { return s.epochMicros(seq); }
            @Override public int payloadLength(long seq) { return s.payloadLength(seq); }
            @Override public long wirePayloadLength(long seq) { return s.wirePayloadLength(seq); }
            @Override public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
                return s.readPayload(seq, offset, dst, dstOffset, len);
            }
            @Override public long payloadBytes() { return s.payloadBytes(); }
            @Override public long retainedBytes() { return s.retainedBytes(); }
        };
    }

    /** Frames of every shape: masked or not, inflated, truncated, every length encoding, empty and large. */
    private static void fill(FrameStore store, int frames, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < frames; i++) {
            int kind = random.nextInt(10);
            boolean large = kind == 1 && random.nextInt(20) == 0;
            int length = kind == 0 ? 0 : large ? 65_536 + random.nextInt(10_000) : kind == 1 ? 126 + random.nextInt(2000)
                    : random.nextInt(200);
            byte[] payload = new byte[length];
            random.nextBytes(payload);
            boolean out = random.nextBoolean();
            boolean inflated = kind == 2;
            long wireLength = inflated ? length / 2 + 1 : kind == 3 ? length + 1000 : length;
            int firstByte = new int[] {0x81, 0x82, 0x01, 0x80, 0x89, 0x8A, 0x88, 0xC1}[random.nextInt(8)];
            WireHeader h = kind == 4
                    ? new WireHeader((firstByte & 0x80) != 0, (firstByte & 0x40) != 0, false, false, Opcode.of(firstByte),
                            out, out ? random.nextInt() : 0, wireLength, 2 + 8 + (out ? 4 : 0)) // non-minimal 64-bit length
                    : WireHeader.of(firstByte, out, random.nextInt(), wireLength);
            store.append(out ? Direction.OUT : Direction.IN, h, inflated, 1000L * i + random.nextInt(999),
                    ByteBuffer.wrap(payload));
        }
    }

    private static List<String> batches(FrameStore store, long from, long to, FrameBatch batch) {
        List<String> seen = new ArrayList<>();
        for (long seq = from; seq < to; ) {
            int n = store.read(seq, to, batch);
            assertThat(n).isPositive();
            assertThat(batch.first()).isEqualTo(seq);
            assertThat(batch.count()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                byte[] p = Arrays.copyOfRange(batch.payload(), batch.payloadOffset[i],
                        batch.payloadOffset[i] + batch.payloadLength[i]);
                seen.add((seq + i) + " " + batch.monoNanos[i] + " " + Integer.toHexString(batch.flags[i]) + " "
                        + batch.maskKey[i] + " " + batch.wirePayloadLength[i] + " " + batch.payloadLength[i] + " "
                        + Arrays.hashCode(p) + " " + batch.inbound(i));
            }
            seq += n;
        }
        return seen;
    }

    @Test
    void columnarBulkReadsEqualFieldByFieldOnes() {
        for (int chunk : new int[] {7, 1000, ChunkedPayloadStore.DEFAULT_CHUNK_SIZE}) {
            ColumnarFrameStore store = new ColumnarFrameStore(CaptureClock.system(), new ChunkedPayloadStore(chunk));
            fill(store, 20_000, chunk); // more than one column block (16384 frames)
            int[][] shapes = chunk == 7 ? new int[][] {{3, 50}, {1024, 256 * 1024}}
                    : new int[][] {{1, 1}, {3, 50}, {1024, 256 * 1024}, {5000, 1 << 20}};
            for (int[] shape : shapes) {
                List<String> expected = batches(fieldByField(store), 0, store.size(), new FrameBatch(shape[0], shape[1]));
                assertThat(batches(store, 0, store.size(), new FrameBatch(shape[0], shape[1])))
                        .as("chunk %d batch %s", chunk, Arrays.toString(shape)).isEqualTo(expected);
                assertThat(batches(store, 12_345, 17_456, new FrameBatch(shape[0], shape[1])))
                        .isEqualTo(expected.subList(12_345, 17_456));
            }
        }
    }

    @Test
    void segmentedBulkReadsCrossSegmentsAndReadReleasedOnesFromTheReleasedStore() {
        SegmentedFrameStore store = new SegmentedFrameStore();
        fill(store, 3 * SegmentedFrameStore.SEGMENT_FRAMES + 777, 99);
        FrameBatch batch = new FrameBatch(1024, 256 * 1024);
        List<String> expected = batches(fieldByField(store), 0, store.size(), new FrameBatch(1024, 256 * 1024));
        assertThat(batches(store, 0, store.size(), batch)).isEqualTo(expected);

        // Frames given back are read through the store they were released to (the journal, in the app).
        ColumnarFrameStore copy = new ColumnarFrameStore(store.clock());
        for (long seq = 0; seq < store.size(); seq++) {
            Frame f = store.get(seq);
            copy.append(f.direction(), f.header(), f.inflated(), f.monoNanos(), f.payload());
        }
        store.release(2L * SegmentedFrameStore.SEGMENT_FRAMES, copy);
        assertThat(store.releasedBelow()).isPositive();
        assertThat(batches(store, 0, store.size(), batch)).isEqualTo(expected);
    }

    @Test
    void aBatchStopsAtWhatIsStoredAndRefusesFramesThatAreNot() {
        ColumnarFrameStore store = new ColumnarFrameStore();
        fill(store, 10, 1);
        FrameBatch batch = new FrameBatch(64, 1 << 20);
        assertThat(store.read(0, 100, batch)).isEqualTo(10);
        assertThat(store.read(4, 4, batch)).isZero();
        assertThatThrownBy(() -> store.read(10, 11, batch)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new SegmentedFrameStore().read(0, 1, batch)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
