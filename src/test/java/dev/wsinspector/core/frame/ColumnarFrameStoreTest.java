package dev.wsinspector.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnarFrameStoreTest {

    private static final long ANCHOR_NANOS = 5_000_000L;
    private static final long ANCHOR_MICROS = 1_700_000_000_000_000L;

    /** Fixed anchor; nanoTime is whatever the test sets. */
    static final class FakeClock implements CaptureClock {
        long now = ANCHOR_NANOS;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public long epochMicrosAt(long nanoTime) {
            return ANCHOR_MICROS + Math.floorDiv(nanoTime - ANCHOR_NANOS, 1_000L);
        }
    }

    /** One frame to append and expect back unchanged. */
    record Case(String name, Direction direction, WireHeader header, boolean inflated, long mono, byte[] payload) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] text1000 = pattern(1000, 3);
        return Stream.of(
                new Case("inbound unmasked text", Direction.IN, WireHeader.of(0x81, false, 0, 5), false, 10, hello),
                new Case("outbound masked text", Direction.OUT, WireHeader.of(0x81, true, 0x37fa213d, 5), false,
                        11, hello),
                new Case("masked with an all-zero key", Direction.OUT, WireHeader.of(0x82, true, 0, 3), false, 12,
                        pattern(3, 1)),
                new Case("masked with an all-ones key", Direction.OUT, WireHeader.of(0x82, true, -1, 3), false, 12,
                        pattern(3, 1)),
                new Case("inflated inbound, wire length is the compressed length", Direction.IN,
                        WireHeader.of(0xc1, false, 0, 37), true, 13, text1000),
                new Case("inflated with compressed length equal to stored length", Direction.IN,
                        WireHeader.of(0xc1, false, 0, 1000), true, 14, text1000),
                new Case("inflated and masked outbound", Direction.OUT, WireHeader.of(0xc2, true, 0x01020304, 300),
                        true, 15, pattern(4000, 5)),
                new Case("truncated inbound (wire said 1000, 10 stored)", Direction.IN,
                        WireHeader.of(0x82, false, 0, 1000), false, 16, pattern(10, 9)),
                new Case("truncated with a 64-bit wire length", Direction.IN,
                        WireHeader.of(0x82, false, 0, 1L << 40), false, 17, pattern(3, 2)),
                new Case("longer than announced (protocol error kept as captured)", Direction.IN,
                        WireHeader.of(0x82, false, 0, 2), false, 17, pattern(6, 2)),
                new Case("empty ping", Direction.IN, WireHeader.of(0x89, false, 0, 0), false, 18, new byte[0]),
                new Case("empty masked close", Direction.OUT, WireHeader.of(0x88, true, 0x0badf00d, 0), false, 19,
                        new byte[0]),
                new Case("close with code and reason", Direction.IN, WireHeader.of(0x88, false, 0, 9), false, 20,
                        ByteBuffer.allocate(9).putShort((short) 4000).put("reason".getBytes(StandardCharsets.UTF_8))
                                .put((byte) '!').array()),
                new Case("RSV2, RSV3, reserved opcode, no FIN", Direction.IN, WireHeader.of(0x3b, false, 0, 4), false,
                        21, pattern(4, 4)),
                new Case("16-bit length encoding of a 5-byte payload", Direction.IN,
                        new WireHeader(true, false, false, false, Opcode.TEXT, false, 0, 5, 4), false, 22, hello),
                new Case("64-bit length encoding of a 5-byte masked payload", Direction.OUT,
                        new WireHeader(true, false, false, false, Opcode.TEXT, true, 0x55aa55aa, 5, 14), false, 23,
                        hello),
                new Case("payload larger than a chunk", Direction.IN,
                        WireHeader.of(0x82, false, 0, 600 * 1024), false, 24, pattern(600 * 1024, 6)),
                new Case("negative monotonic time", Direction.OUT, WireHeader.of(0x8a, true, 7, 1), false,
                        -4_000_000_123L, new byte[] {42}));
    }

    /** The default store, and one whose tiny chunks make every prefix and payload straddle chunks. */
    static Stream<Arguments> casesOnEachStore() {
        return cases().flatMap(c -> Stream.of(
                Arguments.of(c, "default chunks"),
                Arguments.of(c, "7-byte chunks")));
    }

    private static ColumnarFrameStore store(String kind, CaptureClock clock) {
        return kind.equals("default chunks") ? new ColumnarFrameStore(clock)
                : new ColumnarFrameStore(clock, new ChunkedPayloadStore(7));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("casesOnEachStore")
    void roundTripsEveryField(Case c, String storeKind) {
        FakeClock clock = new FakeClock();
        ColumnarFrameStore store = store(storeKind, clock);
        // Neighbours with extras of their own, so the case does not sit at address 0 and must not bleed.
        store.append(Direction.OUT, WireHeader.of(0x81, true, 0x11111111, 999), true, 1, ByteBuffer.wrap(pattern(5, 8)));
        long seq = store.append(c.direction, c.header, c.inflated, c.mono, ByteBuffer.wrap(c.payload));
        store.append(Direction.IN, WireHeader.of(0x82, false, 0, 77), false, 2, ByteBuffer.wrap(pattern(3, 7)));

        assertThat(seq).isEqualTo(1);
        assertThat(store.size()).isEqualTo(3);
        Frame frame = store.get(seq);
        assertThat(frame.seq()).isEqualTo(seq);
        assertThat(frame.monoNanos()).isEqualTo(c.mono);
        assertThat(frame.epochMicros()).isEqualTo(clock.epochMicrosAt(c.mono));
        assertThat(frame.direction()).isEqualTo(c.direction);
        assertThat(frame.header()).usingRecursiveComparison().isEqualTo(c.header);
        assertThat(frame.inflated()).isEqualTo(c.inflated);
        assertThat(frame.payloadBytes()).isEqualTo(c.payload);
        assertThat(frame.compressedLength()).isEqualTo(c.inflated ? c.header.payloadLength() : -1);
        assertThat(frame.truncated()).isEqualTo(!c.inflated && c.payload.length < c.header.payloadLength());

        assertThat(store.direction(seq)).isEqualTo(c.direction);
        assertThat(store.opcode(seq)).isEqualTo(c.header.opcode());
        assertThat(store.firstByte(seq)).isEqualTo(c.header.firstByte());
        assertThat(store.masked(seq)).isEqualTo(c.header.masked());
        assertThat(store.inflated(seq)).isEqualTo(c.inflated);
        assertThat(store.monoNanos(seq)).isEqualTo(c.mono);
        assertThat(store.epochMicros(seq)).isEqualTo(clock.epochMicrosAt(c.mono));
        assertThat(store.payloadLength(seq)).isEqualTo(c.payload.length);
        assertThat(store.wirePayloadLength(seq)).isEqualTo(c.header.payloadLength());
        byte[] read = new byte[c.payload.length];
        assertThat(store.readPayload(seq, 0, read, 0, read.length)).isEqualTo(c.payload.length);
        assertThat(read).isEqualTo(c.payload);

        // The neighbours are intact.
        assertThat(store.get(0).payloadBytes()).isEqualTo(pattern(5, 8));
        assertThat(store.get(0).header()).isEqualTo(WireHeader.of(0x81, true, 0x11111111, 999));
        assertThat(store.get(2).payloadBytes()).isEqualTo(pattern(3, 7));
        assertThat(store.wirePayloadLength(2)).isEqualTo(77);
        assertThat(store.payloadBytes()).isEqualTo(5 + c.payload.length + 3);
    }

    static Stream<Supplier<PayloadStore>> payloadStores() {
        return Stream.of(ChunkedPayloadStore::new, () -> new ChunkedPayloadStore(1000));
    }

    @ParameterizedTest
    @MethodSource("payloadStores")
    void manyMixedFramesCrossChunkAndColumnBlockBoundaries(Supplier<PayloadStore> payloads) {
        FakeClock clock = new FakeClock();
        ColumnarFrameStore store = new ColumnarFrameStore(clock, payloads.get());
        // More than 8 column blocks, so the block directory also grows.
        int count = 9 * ColumnarFrameStore.BLOCK_SIZE + 123;
        long expectedBytes = 0;
        for (int i = 0; i < count; i++) {
            Generated g = generated(i);
            assertThat(store.append(g.direction, g.header, g.inflated, g.mono, ByteBuffer.wrap(g.payload)))
                    .isEqualTo(i);
            expectedBytes += g.payload.length;
        }
        assertThat(store.size()).isEqualTo(count);
        assertThat(store.payloadBytes()).isEqualTo(expectedBytes);
        for (int i = 0; i < count; i++) {
            Generated g = generated(i);
            Frame f = store.get(i);
            assertThat(f.direction()).as("direction %d", i).isEqualTo(g.direction);
            assertThat(f.header()).as("header %d", i).isEqualTo(g.header);
            assertThat(f.inflated()).as("inflated %d", i).isEqualTo(g.inflated);
            assertThat(f.monoNanos()).as("mono %d", i).isEqualTo(g.mono);
            assertThat(f.payloadBytes()).as("payload %d", i).isEqualTo(g.payload);
        }
    }

    /** A deterministic variety of frames: all directions, masks, extras and payload sizes 0..299. */
    record Generated(Direction direction, WireHeader header, boolean inflated, long mono, byte[] payload) {
    }

    private static Generated generated(int i) {
        Direction direction = i % 3 == 0 ? Direction.OUT : Direction.IN;
        boolean masked = direction == Direction.OUT;
        int length = (int) ((i * 7919L) % 300);
        boolean inflated = i % 5 == 0;
        boolean truncated = !inflated && i % 11 == 0;
        long wireLength = inflated ? length / 2 + 1 : truncated ? length + 1000 : length;
        int firstByte = (inflated ? 0x40 : 0) | (i % 7 == 0 ? 0x00 : 0x80) | (i % 4 == 0 ? 0x2 : 0x1);
        return new Generated(direction, WireHeader.of(firstByte, masked, masked ? i * 0x9E3779B9 : 0, wireLength),
                inflated, 1_000L * i, pattern(length, i));
    }

    @Test
    void readPayloadCopiesPartsAndStopsAtTheEnd() {
        ColumnarFrameStore store = new ColumnarFrameStore(new FakeClock(), new ChunkedPayloadStore(7));
        byte[] payload = pattern(1000, 11);
        // Masked and inflated: the payload sits behind a 12-byte prefix, all of it straddling 7-byte chunks.
        long seq = store.append(Direction.OUT, WireHeader.of(0xc1, true, 0x01020304, 321), true, 0,
                ByteBuffer.wrap(payload));

        byte[] dst = new byte[20];
        Arrays.fill(dst, (byte) -1);
        assertThat(store.readPayload(seq, 0, dst, 5, 10)).isEqualTo(10);
        assertThat(Arrays.copyOfRange(dst, 5, 15)).isEqualTo(Arrays.copyOfRange(payload, 0, 10));
        assertThat(Arrays.copyOfRange(dst, 0, 5)).containsOnly(-1);
        assertThat(Arrays.copyOfRange(dst, 15, 20)).containsOnly(-1);

        assertThat(store.readPayload(seq, 333, dst, 0, 17)).isEqualTo(17);
        assertThat(Arrays.copyOf(dst, 17)).isEqualTo(Arrays.copyOfRange(payload, 333, 350));

        assertThat(store.readPayload(seq, 995, dst, 0, 20)).isEqualTo(5);
        assertThat(Arrays.copyOf(dst, 5)).isEqualTo(Arrays.copyOfRange(payload, 995, 1000));

        assertThat(store.readPayload(seq, 1000, dst, 0, 20)).isZero();
        assertThat(store.readPayload(seq, 5000, dst, 0, 20)).isZero();
        assertThat(store.readPayload(seq, 10, dst, 0, 0)).isZero();
        assertThatThrownBy(() -> store.readPayload(seq, -1, dst, 0, 5))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> store.readPayload(seq, 0, dst, 15, 10))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> store.readPayload(seq, 0, dst, 0, -1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void epochMicrosComesFromTheClock() {
        FakeClock clock = new FakeClock();
        ColumnarFrameStore store = new ColumnarFrameStore(clock);
        assertThat(store.clock()).isSameAs(clock);

        clock.now = ANCHOR_NANOS + 2_500_999L; // 2500.999 µs after the anchor
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 0), false, clock.nanoTime(), ByteBuffer.allocate(0));
        clock.now = ANCHOR_NANOS - 1L; // just before the anchor: floor, not truncation toward zero
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 0), false, clock.nanoTime(), ByteBuffer.allocate(0));

        assertThat(store.epochMicros(0)).isEqualTo(ANCHOR_MICROS + 2_500);
        assertThat(store.get(0).epochMicros()).isEqualTo(ANCHOR_MICROS + 2_500);
        assertThat(store.epochMicros(1)).isEqualTo(ANCHOR_MICROS - 1);
        assertThat(store.monoNanos(1)).isEqualTo(ANCHOR_NANOS - 1);
    }

    @Test
    void theDefaultStoreStampsWithTheSystemClock() {
        ColumnarFrameStore store = new ColumnarFrameStore();
        long before = Instant.now().toEpochMilli() * 1000;
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 1), false, store.clock().nanoTime(),
                ByteBuffer.wrap(new byte[] {'x'}));
        long after = Instant.now().toEpochMilli() * 1000 + 1000;
        assertThat(store.epochMicros(0)).isBetween(before - 5_000, after + 5_000);
    }

    @Test
    void outOfRangeSequenceNumbersAreRefusedClearly() {
        ColumnarFrameStore store = new ColumnarFrameStore(new FakeClock());
        assertThatThrownBy(() -> store.get(0)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("frame seq 0").hasMessageContaining("holds 0 frames");
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 1), false, 0, ByteBuffer.wrap(new byte[] {1}));
        store.append(Direction.IN, WireHeader.of(0x81, false, 0, 1), false, 0, ByteBuffer.wrap(new byte[] {2}));

        byte[] dst = new byte[1];
        for (long bad : new long[] {-1, 2, Long.MAX_VALUE, Long.MIN_VALUE}) {
            List<Runnable> reads = List.of(() -> store.get(bad), () -> store.direction(bad), () -> store.opcode(bad),
                    () -> store.firstByte(bad), () -> store.masked(bad), () -> store.inflated(bad),
                    () -> store.monoNanos(bad), () -> store.epochMicros(bad), () -> store.payloadLength(bad),
                    () -> store.wirePayloadLength(bad), () -> store.readPayload(bad, 0, dst, 0, 1));
            for (Runnable read : reads) {
                assertThatThrownBy(read::run).isInstanceOf(IndexOutOfBoundsException.class)
                        .hasMessageContaining("frame seq " + bad).hasMessageContaining("holds 2 frames");
            }
        }
    }

    @Test
    void appendCopiesExactlyTheRemainingBytesAndLeavesTheBufferAlone() {
        ColumnarFrameStore store = new ColumnarFrameStore(new FakeClock());
        byte[] backing = pattern(20, 1);
        ByteBuffer heap = ByteBuffer.wrap(backing).position(3).limit(11);
        ByteBuffer direct = ByteBuffer.allocateDirect(20).put(backing).position(3).limit(11);
        ByteBuffer readOnly = ByteBuffer.wrap(backing).asReadOnlyBuffer().position(3).limit(11);
        ByteBuffer slice = ByteBuffer.wrap(backing, 2, 15).slice().position(1).limit(9);

        for (ByteBuffer buffer : List.of(heap, direct, readOnly)) {
            long seq = store.append(Direction.IN, WireHeader.of(0x82, false, 0, 8), false, 0, buffer);
            assertThat(buffer.position()).isEqualTo(3);
            assertThat(buffer.limit()).isEqualTo(11);
            assertThat(store.get(seq).payloadBytes()).isEqualTo(Arrays.copyOfRange(backing, 3, 11));
        }
        long seq = store.append(Direction.IN, WireHeader.of(0x82, false, 0, 8), false, 0, slice);
        assertThat(slice.position()).isEqualTo(1);
        assertThat(store.get(seq).payloadBytes()).isEqualTo(Arrays.copyOfRange(backing, 3, 11));

        backing[5] = 99; // later changes to the caller's buffer do not reach the capture
        assertThat(store.get(0).payloadBytes()).isEqualTo(Arrays.copyOfRange(pattern(20, 1), 3, 11));
    }

    @Test
    void sizesAndRetainedBytesGrowWithTheCapture() {
        ColumnarFrameStore store = new ColumnarFrameStore(new FakeClock());
        long empty = store.retainedBytes();
        assertThat(empty).isPositive().isLessThan(4096); // nothing big is allocated before the first frame
        assertThat(store.size()).isZero();
        assertThat(store.payloadBytes()).isZero();

        store.append(Direction.IN, WireHeader.of(0x82, false, 0, 100), false, 0, ByteBuffer.allocate(100));
        long one = store.retainedBytes();
        // One column block (16K frames x 22 bytes) and one 256 KiB payload chunk.
        assertThat(one - empty).isBetween(ColumnarFrameStore.BLOCK_SIZE * 22L + 256 * 1024L,
                ColumnarFrameStore.BLOCK_SIZE * 22L + 256 * 1024L + 1024);

        for (int i = 1; i < 3 * ColumnarFrameStore.BLOCK_SIZE; i++) {
            store.append(Direction.IN, WireHeader.of(0x82, false, 0, 100), false, i, ByteBuffer.allocate(100));
        }
        assertThat(store.size()).isEqualTo(3L * ColumnarFrameStore.BLOCK_SIZE);
        assertThat(store.payloadBytes()).isEqualTo(300L * ColumnarFrameStore.BLOCK_SIZE);
        assertThat(store.retainedBytes()).isGreaterThan(store.payloadBytes() + 3L * 22 * ColumnarFrameStore.BLOCK_SIZE)
                .isLessThan(store.payloadBytes() + 3L * 22 * ColumnarFrameStore.BLOCK_SIZE + 300 * 1024);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoWritersAndALockFreeReaderLoseAndTearNothing() throws Exception {
        int perWriter = 200_000;
        ColumnarFrameStore store = new ColumnarFrameStore(new FakeClock(), new ChunkedPayloadStore(4096));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?> out = pool.submit(() -> write(store, Direction.OUT, perWriter, start));
            Future<?> in = pool.submit(() -> write(store, Direction.IN, perWriter, start));
            Future<Integer> reader = pool.submit(() -> readWhileWritten(store, 2L * perWriter, start));
            start.countDown();
            out.get(50, TimeUnit.SECONDS);
            in.get(50, TimeUnit.SECONDS);
            assertThat(reader.get(50, TimeUnit.SECONDS)).isEqualTo(2 * perWriter);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.size()).isEqualTo(2L * perWriter);
        // Every frame of both writers is there once, in each writer's order.
        int[] next = new int[2];
        for (long seq = 0; seq < store.size(); seq++) {
            Frame f = store.get(seq);
            int writer = f.direction().ordinal();
            assertThat(ByteBuffer.wrap(f.payloadBytes()).getInt(4)).isEqualTo(next[writer]++);
        }
        assertThat(next).containsExactly(perWriter, perWriter);
    }

    /** Frames of one writer: counter i in the payload, the mono time and (outbound) the mask key. */
    private static Void write(FrameStore store, Direction direction, int count, CountDownLatch start)
            throws InterruptedException {
        start.await();
        byte[] bytes = new byte[64];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        boolean out = direction == Direction.OUT;
        for (int i = 0; i < count; i++) {
            int length = expectedLength(i);
            fill(bytes, direction, i, length);
            buffer.clear().limit(length);
            boolean inflated = !out && i % 3 == 0;
            WireHeader header = WireHeader.of(inflated ? 0xc1 : 0x82, out, out ? i : 0, inflated ? length + 7 : length);
            store.append(direction, header, inflated, i, buffer);
        }
        return null;
    }

    /** Reads every frame as soon as it is published and checks that it is whole; returns frames read. */
    private static int readWhileWritten(FrameStore store, long total, CountDownLatch start)
            throws InterruptedException {
        start.await();
        byte[] expected = new byte[64];
        byte[] actual = new byte[64];
        int[] next = new int[2];
        long seq = 0;
        while (seq < total) {
            long size = store.size();
            for (; seq < size; seq++) {
                Direction direction = store.direction(seq);
                boolean out = direction == Direction.OUT;
                int i = next[direction.ordinal()]++;
                int length = expectedLength(i);
                String at = "seq " + seq + " (" + direction + " #" + i + ")";
                assertThat(store.monoNanos(seq)).as(at).isEqualTo(i);
                assertThat(store.payloadLength(seq)).as(at).isEqualTo(length);
                boolean inflated = !out && i % 3 == 0;
                assertThat(store.inflated(seq)).as(at).isEqualTo(inflated);
                assertThat(store.wirePayloadLength(seq)).as(at).isEqualTo(inflated ? length + 7 : length);
                assertThat(store.readPayload(seq, 0, actual, 0, 64)).as(at).isEqualTo(length);
                fill(expected, direction, i, length);
                assertThat(Arrays.equals(actual, 0, length, expected, 0, length)).as(at + " payload").isTrue();
                if (out && i % 1000 == 0) {
                    assertThat(store.get(seq).header().maskKey()).as(at).isEqualTo(i);
                }
            }
            Thread.onSpinWait();
        }
        return next[0] + next[1];
    }

    private static int expectedLength(int i) {
        return 8 + i % 57;
    }

    private static void fill(byte[] bytes, Direction direction, int i, int length) {
        ByteBuffer.wrap(bytes).putInt(0, direction.ordinal()).putInt(4, i);
        for (int k = 8; k < length; k++) {
            bytes[k] = (byte) (i + k);
        }
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 131 + i * 31 + (i >>> 8));
        }
        return b;
    }
}
