package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A live capture whose memory can be given back: frames go into a chain of {@link ColumnarFrameStore}
 * segments (at most {@value #SEGMENT_FRAMES} frames or about {@value #SEGMENT_BYTES} payload bytes each), and
 * {@link #release} drops whole old segments once their frames are safe elsewhere (written to the session
 * journal, or printed by a CLI run that keeps nothing). Frames below {@link #releasedBelow()} are then read
 * from the {@code released} store given to {@link #release} — the journal read back from disk.
 *
 * <p>Threading: one writer at a time appends (as for any {@link FrameStore}); one thread releases (the
 * journal thread); any thread reads. A reader that found a segment keeps reading it even if it is released
 * meanwhile (segments are never changed after they are full), so release needs no lock.
 */
public final class SegmentedFrameStore implements FrameStore {

    static final int SEGMENT_FRAMES = ColumnarFrameStore.BLOCK_SIZE;
    static final int SEGMENT_BYTES = 4 << 20;

    private final CaptureClock clock;
    private final Object appendLock = new Object();

    /** Segment {@code i} holds frames {@code bases[i]} to {@code bases[i + 1]}; released ones are null. */
    private volatile Segment[] segments = new Segment[16];
    private volatile long[] bases = new long[16];
    private volatile int segmentCount;
    private volatile long size;
    private volatile long payloadBytes;
    private volatile long releasedBelow;
    private volatile FrameStore released;
    /** Heap of full segments still held; the current one is added when asked. */
    private volatile long fullSegmentBytes;
    private volatile boolean keepPayloads = true;
    private volatile long payloadsDropped;
    private volatile Segment current;
    /** The segment the last look-up found (any thread's); a hint, checked before use. */
    private volatile Segment lastHit;

    public SegmentedFrameStore() {
        this(CaptureClock.system());
    }

    public SegmentedFrameStore(CaptureClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Segment(long base, ColumnarFrameStore frames) {
    }

    @Override
    public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload) {
        synchronized (appendLock) {
            Segment seg = current;
            if (seg == null || seg.frames.size() >= SEGMENT_FRAMES || seg.frames.payloadBytes() >= SEGMENT_BYTES) {
                seg = startSegment();
            }
            ByteBuffer kept = keepPayloads ? payload : payload.slice(payload.position(), 0);
            seg.frames.append(direction, header, inflated, monoNanos, kept);
            if (!keepPayloads && payload.hasRemaining()) {
                payloadsDropped++;
            }
            long seq = size;
            payloadBytes = payloadBytes + kept.remaining();
            size = seq + 1;
            return seq;
        }
    }

    private Segment startSegment() {
        Segment old = current;
        if (old != null) {
            fullSegmentBytes = fullSegmentBytes + old.frames.retainedBytes();
        }
        Segment seg = new Segment(size, new ColumnarFrameStore(clock));
        int n = segmentCount;
        Segment[] segs = segments;
        long[] b = bases;
        if (n == segs.length) {
            segs = Arrays.copyOf(segs, n * 2);
            b = Arrays.copyOf(b, n * 2);
        }
        segs[n] = seg;
        b[n] = seg.base;
        segments = segs;
        bases = b;
        segmentCount = n + 1;
        current = seg;
        return seg;
    }

    /**
     * Drops the segments that lie wholly below {@code seq}; their frames are read from {@code from} afterwards.
     *
     * @param from where frames below {@code seq} can be read from now on, or null when nobody will read them
     *             again (a reader that asks then gets an {@link IllegalStateException})
     * @return heap bytes given back
     */
    public long release(long seq, FrameStore from) {
        long freed = 0;
        synchronized (appendLock) {
            released = from;
            int n = segmentCount;
            Segment[] segs = segments;
            long[] b = bases;
            long below = releasedBelow;
            for (int i = 0; i < n - 1; i++) { // never the current segment
                Segment s = segs[i];
                if (s == null) {
                    continue;
                }
                long end = b[i + 1];
                if (end > seq) {
                    break;
                }
                freed += s.frames.retainedBytes();
                segs[i] = null;
                below = end;
            }
            fullSegmentBytes = fullSegmentBytes - freed;
            releasedBelow = below;
        }
        return freed;
    }

    /** Frames below this are no longer in memory. */
    public long releasedBelow() {
        return releasedBelow;
    }

    /**
     * Whether new frames keep their payload. Off when memory is full and the journal cannot take frames (a full
     * disk): headers are still captured, payloads are counted in {@link #payloadsDropped()}.
     */
    public void keepPayloads(boolean keep) {
        keepPayloads = keep;
    }

    /** Frames whose payload was not kept (see {@link #keepPayloads}). */
    public long payloadsDropped() {
        return payloadsDropped;
    }

    /** The segment holding {@code seq}, or null when it was released. */
    private Segment segment(long seq) {
        long n = size;
        if (seq < 0 || seq >= n) {
            throw new IndexOutOfBoundsException("frame seq " + seq + " is out of range: the store holds "
                    + n + " frames (seq 0.." + (n - 1) + ")");
        }
        Segment c = current;
        if (c != null && seq >= c.base) {
            return c;
        }
        // Readers walk frames in order (the journal thread, exports, the timeline's rows), so the segment of the
        // last look-up nearly always holds the next one. A segment stays readable after it was released.
        Segment hit = lastHit;
        if (hit != null && seq >= hit.base && seq - hit.base < hit.frames.size()) {
            return hit;
        }
        if (seq < releasedBelow) {
            return null;
        }
        Segment[] segs = segments;
        long[] b = bases;
        int i = Arrays.binarySearch(b, 0, Math.min(segmentCount, Math.min(b.length, segs.length)), seq);
        Segment found = segs[i < 0 ? -i - 2 : i];
        if (found != null) {
            lastHit = found;
        }
        return found;
    }

    private FrameStore releasedStore(long seq) {
        FrameStore r = released;
        if (r == null) {
            // The segment's slot was seen empty (a plain array read) before the volatile write of released that
            // came first in release(): take the lock release() held to see it (matters on weakly ordered CPUs).
            synchronized (appendLock) {
                r = released;
            }
        }
        if (r == null) {
            throw new IllegalStateException("frame " + seq + " is no longer in memory and was not kept elsewhere");
        }
        return r;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CaptureClock clock() {
        return clock;
    }

    @Override
    public Frame get(long seq) {
        Segment s = segment(seq);
        if (s == null) {
            return releasedStore(seq).get(seq);
        }
        Frame f = s.frames.get(seq - s.base);
        return new Frame(seq, f.epochMicros(), f.monoNanos(), f.direction(), f.header(), f.inflated(), f.payload());
    }

    @Override
    public WireHeader header(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.header(seq - s.base) : releasedStore(seq).header(seq);
    }

    @Override
    public Direction direction(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.direction(seq - s.base) : releasedStore(seq).direction(seq);
    }

    @Override
    public Opcode opcode(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.opcode(seq - s.base) : releasedStore(seq).opcode(seq);
    }

    @Override
    public int firstByte(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.firstByte(seq - s.base) : releasedStore(seq).firstByte(seq);
    }

    @Override
    public boolean masked(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.masked(seq - s.base) : releasedStore(seq).masked(seq);
    }

    @Override
    public boolean inflated(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.inflated(seq - s.base) : releasedStore(seq).inflated(seq);
    }

    @Override
    public long monoNanos(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.monoNanos(seq - s.base) : releasedStore(seq).monoNanos(seq);
    }

    @Override
    public long epochMicros(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.epochMicros(seq - s.base) : releasedStore(seq).epochMicros(seq);
    }

    @Override
    public int payloadLength(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.payloadLength(seq - s.base) : releasedStore(seq).payloadLength(seq);
    }

    @Override
    public long wirePayloadLength(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.wirePayloadLength(seq - s.base) : releasedStore(seq).wirePayloadLength(seq);
    }

    @Override
    public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
        Segment s = segment(seq);
        return s != null ? s.frames.readPayload(seq - s.base, offset, dst, dstOffset, len)
                : releasedStore(seq).readPayload(seq, offset, dst, dstOffset, len);
    }

    @Override
    public long payloadBytes() {
        return payloadBytes;
    }

    @Override
    public long retainedBytes() {
        Segment c = current;
        FrameStore r = released;
        return fullSegmentBytes + (c == null ? 0 : c.frames.retainedBytes())
                + HeapSizes.referenceArray(segments.length) + HeapSizes.array(bases.length, 8)
                + (r == null ? 0 : r.retainedBytes());
    }
}
