package dev.wsinspector.core.charts;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The charts' figures of one capture, taken in frame by frame: {@link #advance} reads the frames that arrived
 * since the last call (a live capture, called a few times a second) or a stored session in chunks (with its
 * position as progress), by header accessors only (a ping's or pong's payload aside). Memory is bounded: a
 * fixed number of {@link TimeBuckets}, three {@link LogHistogram}s and at most {@link #PENDING_PINGS} pings
 * waiting for their pong per direction.
 *
 * <p>Counted: a <em>message</em> is a data frame with FIN (a whole message or the last fragment), its size the
 * payload of all its fragments; <em>bytes</em> are the stored (inflated) payload bytes of data frames. A
 * <em>ping RTT</em> is from a ping to the first pong the other side sent with the same payload. A
 * <em>latency</em> is what the {@link LatencySource} says for a reply, placed at the reply's time.
 *
 * <p>Not thread-safe: one thread at a time (the UI's background worker), the UI sees only {@link #snapshot}s.
 */
public final class CaptureCharts {

    /** Bucket width until the session outgrows it ({@link #DEFAULT_BUCKETS} of it: 60 s). */
    public static final long DEFAULT_WIDTH_NANOS = 100_000_000L;
    public static final int DEFAULT_BUCKETS = 600;
    static final int PENDING_PINGS = 64;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final TimeBuckets buckets;
    private final LogHistogram sizesIn = new LogHistogram();
    private final LogHistogram sizesOut = new LogHistogram();
    private final LogHistogram latencies = new LogHistogram();
    private final ArrayDeque<PendingPing> pingsIn = new ArrayDeque<>();
    private final ArrayDeque<PendingPing> pingsOut = new ArrayDeque<>();
    private final byte[] control = new byte[MAX_CONTROL_PAYLOAD];
    private long next;
    private long nextLatency;
    private long messageBytesIn;
    private long messageBytesOut;

    private record PendingPing(ByteBuffer payload, long monoNanos) {
    }

    public CaptureCharts() {
        this(DEFAULT_WIDTH_NANOS, DEFAULT_BUCKETS);
    }

    public CaptureCharts(long firstWidthNanos, int maxBuckets) {
        buckets = new TimeBuckets(firstWidthNanos, maxBuckets);
    }

    /** Frames taken in so far: the next call starts here. */
    public long position() {
        return next;
    }

    /**
     * Takes in frames from {@link #position()} up to {@code upTo} (at most {@code frames.size()}).
     *
     * @return the new position
     */
    public long advance(FrameStore frames, long upTo) {
        long end = Math.min(upTo, frames.size());
        while (next < end) {
            take(frames, next);
            next++; // per frame: a read that fails (an interrupted journal read) never counts a frame twice
        }
        return next;
    }

    private void take(FrameStore frames, long seq) {
        long t = frames.monoNanos(seq);
        int b = buckets.bucket(t);
        buckets.seq(b, seq);
        boolean in = frames.direction(seq) == Direction.IN;
        Opcode op = frames.opcode(seq);
        switch (op) {
            case TEXT, BINARY, CONTINUATION -> {
                int length = frames.payloadLength(seq);
                buckets.add(in ? TimeBuckets.BYTES_IN : TimeBuckets.BYTES_OUT, b, length);
                long size = (in ? messageBytesIn : messageBytesOut) + length;
                if ((frames.firstByte(seq) & 0x80) != 0) {
                    buckets.add(in ? TimeBuckets.MESSAGES_IN : TimeBuckets.MESSAGES_OUT, b, 1);
                    (in ? sizesIn : sizesOut).add(size);
                    size = 0;
                }
                if (in) {
                    messageBytesIn = size;
                } else {
                    messageBytesOut = size;
                }
            }
            case PING -> {
                ArrayDeque<PendingPing> pending = in ? pingsIn : pingsOut;
                if (pending.size() == PENDING_PINGS) {
                    pending.removeFirst();
                }
                pending.addLast(new PendingPing(controlPayload(frames, seq), t));
            }
            case PONG -> pong(in ? pingsOut : pingsIn, controlPayload(frames, seq), t);
            default -> {
            }
        }
    }

    private void pong(ArrayDeque<PendingPing> pending, ByteBuffer payload, long t) {
        for (Iterator<PendingPing> it = pending.iterator(); it.hasNext(); ) {
            PendingPing ping = it.next();
            if (ping.payload.equals(payload)) {
                it.remove();
                long rtt = Math.max(0, t - ping.monoNanos);
                int b = buckets.bucket(t);
                buckets.add(TimeBuckets.RTT_SUM, b, rtt);
                buckets.add(TimeBuckets.RTT_COUNT, b, 1);
                buckets.max(TimeBuckets.RTT_MAX, b, rtt);
                return;
            }
        }
    }

    private ByteBuffer controlPayload(FrameStore frames, long seq) {
        int n = frames.readPayload(seq, 0, control, 0, Math.min(MAX_CONTROL_PAYLOAD, frames.payloadLength(seq)));
        byte[] copy = new byte[n];
        System.arraycopy(control, 0, copy, 0, n);
        return ByteBuffer.wrap(copy);
    }

    /**
     * Takes in the latencies of replies below both {@code source.pairedUpTo()} and {@link #position()} (their
     * times are read from {@code frames}).
     */
    public void latencies(FrameStore frames, LatencySource source) {
        long end = Math.min(next, source.pairedUpTo());
        for (long seq = nextLatency; seq < end; seq++) {
            long latency = source.latencyNanos(seq);
            if (latency >= 0) {
                int b = buckets.bucket(frames.monoNanos(seq));
                buckets.add(TimeBuckets.LATENCY_SUM, b, latency);
                buckets.add(TimeBuckets.LATENCY_COUNT, b, 1);
                buckets.max(TimeBuckets.LATENCY_MAX, b, latency);
                latencies.add(latency / 1_000); // microseconds
            }
        }
        nextLatency = Math.max(nextLatency, end);
    }

    /** An immutable copy of everything counted so far. */
    public ChartSnapshot snapshot() {
        return new ChartSnapshot(buckets.originNanos(), buckets.widthNanos(), next, buckets.copy(),
                sizesIn.counts(), sizesOut.counts(), latencies.counts());
    }
}
