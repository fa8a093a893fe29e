package dev.wsinspector.core.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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

    private static final VarHandle SIZE;
    private static final VarHandle PAYLOAD_BYTES;
    /** A segment that filled at least this much starts a next one with humongous payload chunks (if G1 runs). */
    private static final int SMALLEST_HALF_REGION = 512 * 1024;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SIZE = lookup.findVarHandle(SegmentedFrameStore.class, "size", long.class);
            PAYLOAD_BYTES = lookup.findVarHandle(SegmentedFrameStore.class, "payloadBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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
    /** Payload chunks of released streaming segments, for new segments to reuse; under the append lock. */
    private final java.util.ArrayDeque<byte[]> spareChunks = new java.util.ArrayDeque<>();
    private volatile long spareBytes;
    /** Set by {@link #seal()}; under the append lock. */
    private boolean sealed;
    private volatile long framesRefused;
    /** Tests only: runs in {@link #readPayload} between finding the segment and reading it. */
    static Runnable afterLookupForTests;
    /** The segment the last look-up found (any thread's); a hint, checked before use. */
    private volatile Segment lastHit;

    public SegmentedFrameStore() {
        this(CaptureClock.system());
    }

    public SegmentedFrameStore(CaptureClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param payloads the segment's payload store
     * @param capacity payload-store bytes the segment takes before the next one starts; 0 for the default rule
     *                 ({@value #SEGMENT_BYTES} payload bytes)
     */
    private record Segment(long base, ColumnarFrameStore frames, ChunkedPayloadStore payloads, long capacity) {

        boolean full(int nextPayload) {
            if (frames.size() >= SEGMENT_FRAMES) {
                return true;
            }
            return capacity > 0 ? frames.size() > 0 && payloads.size() + nextPayload + 12 > capacity
                    : frames.payloadBytes() >= SEGMENT_BYTES;
        }
    }

    /** {@inheritDoc} After {@link #seal()}: keeps nothing and returns -1. */
    @Override
    public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload) {
        return append(direction, header, inflated, monoNanos, payload, 0);
    }

    /** {@inheritDoc} After {@link #seal()}: keeps nothing and returns -1. */
    @Override
    public long appendCrafted(Direction direction, WireHeader header, long monoNanos, ByteBuffer payload) {
        return append(direction, header, false, monoNanos, payload, FrameBatch.CRAFTED);
    }

    private long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload,
                        int extraFlags) {
        synchronized (appendLock) {
            if (sealed) {
                framesRefused++;
                return -1;
            }
            Segment seg = current;
            ByteBuffer kept = keepPayloads ? payload : payload.slice(payload.position(), 0);
            if (seg == null || seg.full(kept.remaining())) {
                seg = startSegment();
            }
            seg.frames.appendSerialised(direction, header, inflated, monoNanos, kept, extraFlags); // under this store's lock
            if (!keepPayloads && payload.hasRemaining()) {
                payloadsDropped++;
            }
            long seq = size;
            // Release stores, not volatile ones: a reader that sees the new size sees the frame (its volatile
            // read of size acquires), and the socket read thread does not pay a full fence per frame.
            PAYLOAD_BYTES.setRelease(this, payloadBytes + kept.remaining());
            SIZE.setRelease(this, seq + 1);
            return seq;
        }
    }

    private Segment startSegment() {
        Segment old = current;
        if (old != null) {
            fullSegmentBytes = fullSegmentBytes + old.frames.retainedBytes();
        }
        // Payload chunks of exactly one G1 region are humongous objects: G1 allocates them in place in the old
        // generation and never copies them, where 256 KiB chunks are copied out of the young generation (and
        // often once more) while the capture streams in, which was most of the GC work of a journaled flood.
        // Only for a capture that is really streaming (the segment before filled half a region or more), so a
        // quiet session does not take a whole region for a few frames.
        int region = old != null && old.payloads.size() >= SMALLEST_HALF_REGION ? G1Region.SIZE : 0;
        ChunkedPayloadStore payloads = region > 0 && old.payloads.size() >= region / 2
                ? new ChunkedPayloadStore(region - HeapSizes.ARRAY_HEADER, this::spareChunk) : new ChunkedPayloadStore();
        long capacity = payloads.chunkSize() == ChunkedPayloadStore.DEFAULT_CHUNK_SIZE ? 0 : 2L * payloads.chunkSize();
        // Columns for as many frames as the segment will likely hold, judged by the one before (a segment of
        // 64 KiB frames holds about 64: columns for 16384 would be most of what it allocates).
        int blockShift = ColumnarFrameStore.BLOCK_SHIFT;
        if (old != null && capacity > 0 && old.frames.size() > 0) {
            long expected = capacity / Math.max(1, old.payloads.size() / old.frames.size()) + 1;
            while (blockShift > ColumnarFrameStore.MIN_BLOCK_SHIFT && (1L << (blockShift - 1)) >= expected) {
                blockShift--;
            }
        }
        Segment seg = new Segment(size, new ColumnarFrameStore(clock, payloads, blockShift), payloads, capacity);
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
        return release(seq, from, 0);
    }

    /**
     * {@link #release(long, FrameStore)}, keeping up to {@code spareLimitBytes} of the released streaming segments'
     * payload chunks for the next segments to write into (counted in {@link #retainedBytes()}).
     */
    public long release(long seq, FrameStore from, long spareLimitBytes) {
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
                if (from != null && s.capacity > 0) {
                    recycle(s, spareLimitBytes);
                }
            }
            fullSegmentBytes = fullSegmentBytes - freed;
            releasedBelow = below;
        }
        return freed;
    }

    /**
     * Keeps a released streaming segment's payload chunks for the next segments (under the append lock). A
     * streaming capture then writes into memory it already had instead of new regions: no allocation, no zeroing,
     * no first-touch page faults, no concurrent cycle started by a humongous allocation. Readers that still hold
     * the segment see {@link ChunkedPayloadStore#chunksGivenUp()} after reading and read from the released store.
     */
    private void recycle(Segment s, long spareLimitBytes) {
        if (spareBytes + s.payloads.chunkSize() > spareLimitBytes) {
            return; // the segment's chunks become garbage, as without reuse
        }
        for (byte[] chunk : s.payloads.giveUpChunks()) {
            if (chunk == null || spareBytes + HeapSizes.array(chunk.length, 1) > spareLimitBytes) {
                break;
            }
            spareChunks.addLast(chunk);
            spareBytes = spareBytes + HeapSizes.array(chunk.length, 1);
        }
    }

    /** A spare chunk for a new segment's payload store, or null (called under the append lock). */
    private byte[] spareChunk() {
        byte[] chunk = spareChunks.pollFirst();
        if (chunk != null) {
            spareBytes = spareBytes - HeapSizes.array(chunk.length, 1);
        }
        return chunk;
    }

    /**
     * After reading from segment {@code s}: true when its chunks were given to a newer segment meanwhile, so what
     * was read may be torn and must be read from the released store instead (a seqlock-style validation).
     */
    private static boolean torn(Segment s) {
        VarHandle.acquireFence(); // the reads before stay before the flag's read
        return s.payloads.chunksGivenUp();
    }

    /** Chunk size of the payload store of the segment holding {@code seq} (tests); 0 when it was released. */
    int payloadChunkSize(long seq) {
        Segment seg = segment(seq);
        return seg == null ? 0 : seg.payloads.chunkSize();
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

    /**
     * Ends the capture: later {@link #append}s keep nothing (they return -1 and are counted in
     * {@link #framesRefused()}), and the spare payload chunks kept for new segments are let go. A journaled
     * recording seals its store when it ends, so frames an aborted connection still delivers neither grow memory
     * that no budget counts nor make the timeline show more than the journal holds.
     */
    public void seal() {
        synchronized (appendLock) {
            sealed = true;
            spareChunks.clear();
            spareBytes = 0;
        }
    }

    /** Frames offered after {@link #seal()}, not kept. */
    public long framesRefused() {
        return framesRefused;
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
        if (torn(s)) {
            return releasedStore(seq).get(seq);
        }
        return new Frame(seq, f.epochMicros(), f.monoNanos(), f.direction(), f.header(), f.inflated(), f.payload(),
                f.crafted());
    }

    @Override
    public WireHeader header(long seq) {
        Segment s = segment(seq);
        if (s != null) {
            WireHeader h = s.frames.header(seq - s.base); // mask key and wire length live in the payload chunks
            if (!torn(s)) {
                return h;
            }
        }
        return releasedStore(seq).header(seq);
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
    public boolean crafted(long seq) {
        Segment s = segment(seq);
        return s != null ? s.frames.crafted(seq - s.base) : releasedStore(seq).crafted(seq);
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
        if (s != null) {
            long length = s.frames.wirePayloadLength(seq - s.base);
            if (!torn(s)) {
                return length;
            }
        }
        return releasedStore(seq).wirePayloadLength(seq);
    }

    @Override
    public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
        Segment s = segment(seq);
        Runnable hook = afterLookupForTests;
        if (hook != null) {
            hook.run();
        }
        if (s != null) {
            int n = s.frames.readPayload(seq - s.base, offset, dst, dstOffset, len);
            if (!torn(s)) {
                return n;
            }
        }
        return releasedStore(seq).readPayload(seq, offset, dst, dstOffset, len);
    }

    /** Frames of one segment at a time (or of the released store, for frames no longer in memory). */
    @Override
    public int read(long from, long to, FrameBatch batch) {
        if (from >= to) {
            batch.filled(from, 0);
            return 0;
        }
        Segment s = segment(from);
        if (s == null) {
            return releasedStore(from).read(from, to, batch);
        }
        int n = s.frames.read(from - s.base, to - s.base, batch);
        if (torn(s)) {
            return releasedStore(from).read(from, to, batch);
        }
        batch.filled(from, n);
        return n;
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
                + (r == null ? 0 : r.retainedBytes()) + spareBytes;
    }

    /**
     * G1's heap region size, or 0 when G1 does not run or it cannot be known (a runtime without the
     * java.management module). Looked up the first time a capture streams, not when the app starts.
     */
    private static final class G1Region {
        static final int SIZE = size();

        private static int size() {
            try {
                return Probe.size();
            } catch (LinkageError | RuntimeException e) {
                return 0;
            }
        }
    }

    private static final class Probe {
        static int size() {
            boolean g1 = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .anyMatch(b -> b.getName().startsWith("G1"));
            if (!g1) {
                return 0;
            }
            long region = Long.parseLong(java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("G1HeapRegionSize").getValue());
            return region >= SMALLEST_HALF_REGION * 2L && region <= (1 << 30) ? (int) region : 0;
        }
    }
}
