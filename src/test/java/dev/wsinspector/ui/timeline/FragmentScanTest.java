package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FixedCaptureClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fragments classified on another thread (as the app's sampler does): the list's pull only takes the published
 * result, so it reads no frame header per new frame, and a frame is shown only once it was classified.
 */
@Timeout(30)
class FragmentScanTest {

    /** Frames in the capture: far more than a screenful, so per-frame reads stand out from a screenful's. */
    private static final int FRAMES = 6_000;
    private static final int VIEWPORT = 20;

    private final ColumnarFrameStore real = new ColumnarFrameStore(new FixedCaptureClock(1_700_000_000_000_000L));
    private final HeaderCounting store = new HeaderCounting(real);
    private final Session session = new Session(store);
    private final ExecutorService sampler = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        sampler.shutdownNow();
    }

    private void frame(int firstByte, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        real.append(Direction.IN, WireHeader.of(firstByte, false, 0, bytes.length), false, System.nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    /** Messages of three fragments each: seq 3k opens one, 3k+1 and 3k+2 continue it. */
    private void fragmentedMessages() {
        for (int i = 0; i < FRAMES / 3; i++) {
            frame(0x01, "{\"a\":");
            frame(0x00, "" + i);
            frame(0x80, "}");
        }
    }

    private void scanOnSampler(FragmentScan scan) throws Exception {
        sampler.submit(() -> scan.advance(real.size(), Long.MAX_VALUE)).get(20, TimeUnit.SECONDS);
    }

    @Test
    void thePullReadsNoHeaderPerFrameWhenTheScanRunsElsewhere() throws Exception {
        FragmentScan scan = new FragmentScan(store);
        TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), scan);
        list.setViewportRows(VIEWPORT);
        fragmentedMessages();

        list.pull();
        assertThat(list.reachableRows()).as("nothing is shown before it was classified").isZero();

        scanOnSampler(scan);
        store.watch(Thread.currentThread());
        list.pull();
        list.stream().forEach(row -> { });
        long pullReads = store.reads.get();

        assertThat(list.reachableRows()).as("each message folded to its first row").isEqualTo(FRAMES / 3);
        assertThat(list.stream().map(TimelineRow::seq).limit(3)).containsExactly(
                (long) FRAMES - 3 * VIEWPORT, (long) FRAMES - 3 * VIEWPORT + 3, (long) FRAMES - 3 * VIEWPORT + 6);
        assertThat(pullReads).as("header reads on the pulling thread: a screenful's, not one a frame")
                .isLessThan(FRAMES / 10);
    }

    @Test
    void aListThatScansForItselfReadsEveryFrameInItsPull() {
        // The contrast that shows the counter counts: the same capture, classified inside the pull.
        TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC));
        list.setViewportRows(VIEWPORT);
        fragmentedMessages();
        store.watch(Thread.currentThread());
        list.pull();
        assertThat(list.reachableRows()).isEqualTo(FRAMES / 3);
        assertThat(store.reads.get()).isGreaterThanOrEqualTo(FRAMES);
    }

    @Test
    void framesArrivingAfterAScanWaitForTheNext() throws Exception {
        FragmentScan scan = new FragmentScan(store);
        TimelineList list = new TimelineList(session, new RowFormatter(ZoneOffset.UTC), scan);
        list.setViewportRows(VIEWPORT);
        frame(0x01, "a");
        frame(0x00, "b");
        scanOnSampler(scan);
        list.pull();
        assertThat(list.reachableRows()).isEqualTo(1);
        assertThat(list.isFoldable(0)).isTrue();

        frame(0x80, "c");
        frame(0x81, "whole");
        list.pull();
        assertThat(list.reachableRows()).as("unclassified frames are not shown yet").isEqualTo(1);
        scanOnSampler(scan);
        list.pull();
        assertThat(list.stream().map(TimelineRow::seq)).containsExactly(0L, 3L);
    }

    /** A store that counts header reads ({@code firstByte}, {@code direction}, {@code opcode}) on one thread. */
    private static final class HeaderCounting implements FrameStore {
        private final FrameStore inner;
        final AtomicLong reads = new AtomicLong();
        private volatile Thread watched;

        HeaderCounting(FrameStore inner) {
            this.inner = inner;
        }

        void watch(Thread thread) {
            reads.set(0);
            watched = thread;
        }

        private void count() {
            if (Thread.currentThread() == watched) {
                reads.incrementAndGet();
            }
        }

        @Override
        public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos,
                           ByteBuffer payload) {
            return inner.append(direction, header, inflated, monoNanos, payload);
        }

        @Override
        public long size() {
            return inner.size();
        }

        @Override
        public CaptureClock clock() {
            return inner.clock();
        }

        @Override
        public Frame get(long seq) {
            count();
            return inner.get(seq);
        }

        @Override
        public Direction direction(long seq) {
            count();
            return inner.direction(seq);
        }

        @Override
        public Opcode opcode(long seq) {
            count();
            return inner.opcode(seq);
        }

        @Override
        public int firstByte(long seq) {
            count();
            return inner.firstByte(seq);
        }

        @Override
        public boolean masked(long seq) {
            return inner.masked(seq);
        }

        @Override
        public boolean inflated(long seq) {
            return inner.inflated(seq);
        }

        @Override
        public long monoNanos(long seq) {
            return inner.monoNanos(seq);
        }

        @Override
        public long epochMicros(long seq) {
            return inner.epochMicros(seq);
        }

        @Override
        public int payloadLength(long seq) {
            return inner.payloadLength(seq);
        }

        @Override
        public long wirePayloadLength(long seq) {
            return inner.wirePayloadLength(seq);
        }

        @Override
        public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
            return inner.readPayload(seq, offset, dst, dstOffset, len);
        }

        @Override
        public long payloadBytes() {
            return inner.payloadBytes();
        }

        @Override
        public long retainedBytes() {
            return inner.retainedBytes();
        }
    }
}
