package dev.wsinspector.core.frame;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Append throughput and heap-after-GC per frame of {@link ColumnarFrameStore}, outside the socket path.
 * Not a unit test (surefire skips *Benchmark*): timings depend on the machine. Run after test-compile:
 * <pre>
 * java -Xmx2g -cp target/classes:target/test-classes dev.wsinspector.core.frame.ColumnarFrameStoreBenchmark
 * </pre>
 */
public final class ColumnarFrameStoreBenchmark {

    private ColumnarFrameStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        heapPerFrame(1_000_000, 100);
        throughput("100-byte text frames, one writer", rounds, 2_000_000, 100, 1);
        throughput("100-byte text frames, two writers", rounds, 2_000_000, 100, 2);
        throughput("64 KiB binary frames, one writer", rounds, 4_000, 64 * 1024, 1);
    }

    private static void throughput(String name, int rounds, int frames, int payloadSize, int writers)
            throws InterruptedException {
        double[] framesPerSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            System.gc(); // each round starts from an empty heap, not with the last round's capture to collect
            ColumnarFrameStore store = new ColumnarFrameStore();
            Thread[] threads = new Thread[writers];
            for (int w = 0; w < writers; w++) {
                Direction direction = w == 0 ? Direction.IN : Direction.OUT;
                threads[w] = new Thread(() -> appendLoop(store, direction, frames / writers, payloadSize));
            }
            long start = System.nanoTime();
            for (Thread t : threads) {
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            long nanos = System.nanoTime() - start;
            framesPerSecond[r] = store.size() * 1e9 / nanos;
        }
        double[] sorted = framesPerSecond.clone();
        Arrays.sort(sorted);
        double median = sorted[rounds / 2];
        System.out.printf("%-36s median %,12.0f frames/s  (%,.0f MB/s of payload)  best %,.0f  rounds %s%n",
                name, median, median * payloadSize / 1e6, sorted[rounds - 1], Arrays.toString(round(framesPerSecond)));
    }

    /** What the socket read thread does per frame: a header object from the parser and one append. */
    private static void appendLoop(FrameStore store, Direction direction, int frames, int payloadSize) {
        ByteBuffer payload = ByteBuffer.wrap(new byte[payloadSize]);
        CaptureClock clock = store.clock();
        boolean masked = direction == Direction.OUT;
        for (int i = 0; i < frames; i++) {
            WireHeader header = WireHeader.of(0x81, masked, masked ? i : 0, payloadSize);
            store.append(direction, header, false, clock.nanoTime(), payload);
        }
    }

    /** Heap after GC, before and after storing, as a cross-check of the JOL unit test. */
    private static void heapPerFrame(int frames, int payloadSize) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        ColumnarFrameStore store = new ColumnarFrameStore();
        appendLoop(store, Direction.IN, frames, payloadSize);
        long after = usedAfterGc(memory);
        double perFrame = (double) (after - before - (long) frames * payloadSize) / frames;
        System.out.printf("heap after GC: %,d frames of %d bytes took %,d bytes: %.2f bytes/frame beyond the "
                + "payload (retainedBytes() %,d)%n", frames, payloadSize, after - before, perFrame,
                store.retainedBytes());
        if (store.size() != frames) {
            throw new AssertionError("lost frames");
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static long[] round(double[] values) {
        return Arrays.stream(values).mapToLong(Math::round).toArray();
    }
}
