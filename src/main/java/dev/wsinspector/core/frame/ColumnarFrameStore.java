package dev.wsinspector.core.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link FrameStore}: frames as columns of primitives, payloads in a {@link PayloadStore}.
 *
 * <p>Per frame the heap holds 22 bytes besides the payload: the monotonic capture time (8), the payload
 * record's address (8), the stored payload length (4) and a 16-bit flags word. Wall-clock time is derived
 * from the monotonic one through the {@link CaptureClock}. What only some frames need is written into the
 * payload record, in front of the payload, so it costs nothing for the common unmasked inbound frame:
 * the 4-byte mask key of masked frames, then the 8-byte wire payload length when it differs from the stored
 * length (inflated or truncated frames).
 *
 * <p>Columns are arrays of {@value #BLOCK_SIZE} entries (at most 128 KiB each, so never humongous for G1; a
 * segment of a {@link SegmentedFrameStore} may ask for fewer);
 * growth adds a block and at most copies the small block directories, never the data.
 *
 * <p>Threading: appends (socket read thread and send thread) take a lock that is almost never contended.
 * Readers never lock: every column value and payload byte is written before the size is released, and
 * readers touch only {@code seq < size()}.
 */
public final class ColumnarFrameStore implements FrameStore {

    static final int BLOCK_SHIFT = 14;
    static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;
    /** Smallest column block a segment may ask for ({@link #ColumnarFrameStore(CaptureClock, PayloadStore, int)}). */
    static final int MIN_BLOCK_SHIFT = 6;

    // The flags word. Bits 0-7 are the first header byte (FIN, RSV1-3, opcode) as on the wire.
    private static final int FIRST_BYTE = 0xFF;
    // Bits 8-10 and 12-13 are laid out as FrameBatch's flags (and the journal's), so batches copy them as they are.
    private static final int MASKED = FrameBatch.MASKED;
    private static final int INBOUND = FrameBatch.INBOUND;
    private static final int INFLATED = FrameBatch.INFLATED;
    /** The record holds the wire payload length because it differs from the stored length. */
    private static final int WIRE_LENGTH_STORED = 1 << 11;
    /** Bits 12-13: how the length was encoded on the wire (0: 7-bit, 1: 16-bit, 2: 64-bit). */
    private static final int LENGTH_CODE_SHIFT = FrameBatch.LENGTH_CODE_SHIFT;
    /** Bit 14: the user crafted the frame. */
    private static final int CRAFTED = FrameBatch.CRAFTED;

    private static final int MASK_KEY_BYTES = 4;
    private static final int WIRE_LENGTH_BYTES = 8;
    private static final int[] EXTENDED_LENGTH_BYTES = {0, 2, 8, 0};

    private static final VarHandle SIZE;
    private static final VarHandle PAYLOAD_BYTES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SIZE = lookup.findVarHandle(ColumnarFrameStore.class, "size", long.class);
            PAYLOAD_BYTES = lookup.findVarHandle(ColumnarFrameStore.class, "payloadBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final CaptureClock clock;
    private final PayloadStore payloads;
    private final int blockShift;
    private final int blockSize;
    private final int blockMask;
    private final Object appendLock = new Object();
    /** Scratch for a record's prefix; only touched by the one appending thread (see {@link #appendSerialised}). */
    private final byte[] prefix = new byte[MASK_KEY_BYTES + WIRE_LENGTH_BYTES];

    /** Block directories; replaced by larger copies when full (volatile so readers see whole copies). */
    private volatile Columns columns = new Columns(8);
    /** Frames stored. Written with release after the frame's data: the publication point for readers. */
    private volatile long size;
    private volatile long payloadBytes;
    private volatile long columnBytes = columns.directoryBytes();

    /** A store stamped by the system clock, anchored now. */
    public ColumnarFrameStore() {
        this(CaptureClock.system());
    }

    public ColumnarFrameStore(CaptureClock clock) {
        this(clock, new ChunkedPayloadStore());
    }

    /**
     * @param payloads where payload bytes go; owned by this store from now on (nothing else may append)
     */
    public ColumnarFrameStore(CaptureClock clock, PayloadStore payloads) {
        this(clock, payloads, BLOCK_SHIFT);
    }

    /**
     * @param blockShift column blocks hold {@code 1 << blockShift} frames ({@value #MIN_BLOCK_SHIFT} to
     *                   {@value #BLOCK_SHIFT}): a {@link SegmentedFrameStore} segment that will hold few, large
     *                   frames asks for small blocks, so it does not allocate columns for 16384 frames
     */
    ColumnarFrameStore(CaptureClock clock, PayloadStore payloads, int blockShift) {
        if (blockShift < MIN_BLOCK_SHIFT || blockShift > BLOCK_SHIFT) {
            throw new IllegalArgumentException("block shift " + blockShift);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.blockShift = blockShift;
        this.blockSize = 1 << blockShift;
        this.blockMask = blockSize - 1;
    }

    @Override
    public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos,
                       ByteBuffer payload) {
        synchronized (appendLock) {
            return appendSerialised(direction, header, inflated, monoNanos, payload, 0);
        }
    }

    @Override
    public long appendCrafted(Direction direction, WireHeader header, long monoNanos, ByteBuffer payload) {
        synchronized (appendLock) {
            return appendSerialised(direction, header, false, monoNanos, payload, CRAFTED);
        }
    }

    /**
     * {@link #append} for an owner that serialises all appends to this store itself ({@link SegmentedFrameStore}
     * holds its own lock around every append): the same, without taking this store's lock a second time.
     */
    long appendSerialised(Direction direction, WireHeader header, boolean inflated, long monoNanos,
                          ByteBuffer payload, int extraFlags) {
        int length = payload.remaining();
        long wireLength = header.payloadLength();
        int flags = header.firstByte() | lengthCode(header) << LENGTH_CODE_SHIFT | (extraFlags & CRAFTED);
        if (direction == Direction.IN) {
            flags |= INBOUND;
        }
        if (inflated) {
            flags |= INFLATED;
        }
        int prefixLength = 0;
        if (header.masked()) {
            flags |= MASKED;
            prefixLength = putBigEndian(header.maskKey(), MASK_KEY_BYTES, prefixLength);
        }
        if (wireLength != length) {
            flags |= WIRE_LENGTH_STORED;
            prefixLength = putBigEndian(wireLength, WIRE_LENGTH_BYTES, prefixLength);
        }
        long address = payloads.append(prefix, prefixLength, payload);

        long seq = size;
        int block = block(seq);
        int index = index(seq);
        Columns cols = index == 0 ? addBlock(block) : columns;
        cols.mono[block][index] = monoNanos;
        cols.address[block][index] = address;
        cols.length[block][index] = length;
        cols.flags[block][index] = (short) flags;

        PAYLOAD_BYTES.setRelease(this, payloadBytes + length);
        SIZE.setRelease(this, seq + 1);
        return seq;
    }

    private int putBigEndian(long value, int bytes, int at) {
        for (int i = bytes - 1; i >= 0; i--) {
            prefix[at++] = (byte) (value >>> (8 * i));
        }
        return at;
    }

    /** Which length encoding the header used; kept so that non-minimal encodings survive the round trip. */
    private static int lengthCode(WireHeader header) {
        int extended = header.headerLength() - 2 - (header.masked() ? MASK_KEY_BYTES : 0);
        return extended == 8 ? 2 : extended == 2 ? 1 : 0;
    }

    /** Called under the lock when frame {@code block * BLOCK_SIZE} is about to be written. */
    private Columns addBlock(int block) {
        Columns cols = columns;
        long bytes = columnBytes;
        if (block == cols.capacity()) {
            long before = cols.directoryBytes();
            cols = new Columns(cols, cols.capacity() * 2);
            bytes += cols.directoryBytes() - before;
        }
        cols.mono[block] = new long[blockSize];
        cols.address[block] = new long[blockSize];
        cols.length[block] = new int[blockSize];
        cols.flags[block] = new short[blockSize];
        columns = cols;
        columnBytes = bytes + 2 * HeapSizes.array(blockSize, 8) + HeapSizes.array(blockSize, 4)
                + HeapSizes.array(blockSize, 2);
        return cols;
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
        int flags = flags(seq);
        int length = length(seq);
        long address = address(seq);
        WireHeader header = header(flags, address, length);
        byte[] payload = new byte[length];
        payloads.read(address, prefixLength(flags), payload, 0, length);
        long mono = monoNanos(seq);
        return new Frame(seq, clock.epochMicrosAt(mono), mono, direction(flags), header,
                (flags & INFLATED) != 0, ByteBuffer.wrap(payload), (flags & CRAFTED) != 0);
    }

    @Override
    public WireHeader header(long seq) {
        return header(flags(seq), address(seq), length(seq));
    }

    private WireHeader header(int flags, long address, int length) {
        boolean masked = (flags & MASKED) != 0;
        int maskKey = masked ? payloads.readInt(address, 0) : 0;
        long wireLength = wireLength(flags, address, length);
        int headerLength = 2 + EXTENDED_LENGTH_BYTES[(flags >>> LENGTH_CODE_SHIFT) & 3]
                + (masked ? MASK_KEY_BYTES : 0);
        return new WireHeader((flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0,
                (flags & 0x10) != 0, Opcode.of(flags), masked, maskKey, wireLength, headerLength);
    }

    @Override
    public Direction direction(long seq) {
        return direction(flags(seq));
    }

    private static Direction direction(int flags) {
        return (flags & INBOUND) != 0 ? Direction.IN : Direction.OUT;
    }

    @Override
    public Opcode opcode(long seq) {
        return Opcode.of(flags(seq));
    }

    @Override
    public int firstByte(long seq) {
        return flags(seq) & FIRST_BYTE;
    }

    @Override
    public boolean masked(long seq) {
        return (flags(seq) & MASKED) != 0;
    }

    @Override
    public boolean inflated(long seq) {
        return (flags(seq) & INFLATED) != 0;
    }

    @Override
    public boolean crafted(long seq) {
        return (flags(seq) & CRAFTED) != 0;
    }

    @Override
    public long monoNanos(long seq) {
        checkSeq(seq);
        return columns.mono[block(seq)][index(seq)];
    }

    @Override
    public long epochMicros(long seq) {
        return clock.epochMicrosAt(monoNanos(seq));
    }

    @Override
    public int payloadLength(long seq) {
        return length(seq);
    }

    @Override
    public long wirePayloadLength(long seq) {
        int flags = flags(seq);
        return wireLength(flags, address(seq), length(seq));
    }

    private long wireLength(int flags, long address, int length) {
        if ((flags & WIRE_LENGTH_STORED) == 0) {
            return length;
        }
        return payloads.readLong(address, (flags & MASKED) != 0 ? MASK_KEY_BYTES : 0);
    }

    @Override
    public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        if (offset < 0) {
            throw new IndexOutOfBoundsException("negative payload offset " + offset + " for frame " + seq);
        }
        int length = length(seq);
        int n = Math.min(len, Math.max(0, length - offset));
        if (n > 0) {
            payloads.read(address(seq), prefixLength(flags(seq)) + (long) offset, dst, dstOffset, n);
        }
        return n;
    }

    /**
     * Copies the columns of a run of frames and their payload records in one read: records of consecutive
     * frames lie back to back in the payload store (this store is its only writer), so the batch's payload
     * array receives the whole range, prefixes included, and each frame's offset points past its prefix.
     */
    @Override
    public int read(long from, long to, FrameBatch batch) {
        long stored = size; // acquire: every frame below it is fully written
        long end = Math.min(Math.min(to, stored), from + batch.capacity());
        if (from >= end) {
            if (from < to) {
                checkSeq(from);
            }
            batch.filled(from, 0);
            return 0;
        }
        checkSeq(from);
        Columns cols = columns;
        long base = cols.address[block(from)][index(from)];
        long next = base;
        int n = 0;
        for (long seq = from; seq < end; seq++) {
            int b = block(seq);
            int i = index(seq);
            long address = cols.address[b][i];
            int length = cols.length[b][i];
            int flags = cols.flags[b][i] & 0xFFFF;
            long recordEnd = address + prefixLength(flags) + length;
            if (n > 0 && (address != next || recordEnd - base > batch.payloadCapacity())) {
                break; // not contiguous (never expected) or the batch is full: the next call goes on from here
            }
            batch.monoNanos[n] = cols.mono[b][i];
            batch.flags[n] = flags & ~WIRE_LENGTH_STORED;
            batch.maskKey[n] = (flags & MASKED) != 0 ? payloads.readInt(address, 0) : 0;
            batch.wirePayloadLength[n] = wireLength(flags, address, length);
            batch.payloadLength[n] = length;
            batch.payloadOffset[n] = (int) (address + prefixLength(flags) - base);
            next = recordEnd;
            n++;
        }
        byte[] dst = batch.payloadFor(next - base);
        if (next > base) {
            payloads.read(base, 0, dst, 0, (int) (next - base));
        }
        batch.filled(from, n);
        return n;
    }

    @Override
    public long payloadBytes() {
        return payloadBytes;
    }

    /** Column blocks and directories plus the payload store's own estimate; the JOL test checks it. */
    @Override
    public long retainedBytes() {
        return columnBytes + payloads.retainedBytes() + HeapSizes.array(prefix.length, 1);
    }

    private static int prefixLength(int flags) {
        return ((flags & MASKED) != 0 ? MASK_KEY_BYTES : 0)
                + ((flags & WIRE_LENGTH_STORED) != 0 ? WIRE_LENGTH_BYTES : 0);
    }

    private int flags(long seq) {
        checkSeq(seq);
        return columns.flags[block(seq)][index(seq)] & 0xFFFF;
    }

    private int length(long seq) {
        checkSeq(seq);
        return columns.length[block(seq)][index(seq)];
    }

    private long address(long seq) {
        checkSeq(seq);
        return columns.address[block(seq)][index(seq)];
    }

    /** Reading {@code size} first is what makes the column reads that follow see the writer's data. */
    private void checkSeq(long seq) {
        long n = size;
        if (seq < 0 || seq >= n) {
            throw new IndexOutOfBoundsException("frame seq " + seq + " is out of range: the store holds "
                    + n + " frames (seq 0.." + (n - 1) + ")");
        }
    }

    private int block(long seq) {
        return (int) (seq >>> blockShift);
    }

    private int index(long seq) {
        return (int) seq & blockMask;
    }

    /** The four block directories; block {@code i} of each holds frames {@code i * BLOCK_SIZE} onwards. */
    private static final class Columns {
        final long[][] mono;
        final long[][] address;
        final int[][] length;
        final short[][] flags;

        Columns(int capacity) {
            mono = new long[capacity][];
            address = new long[capacity][];
            length = new int[capacity][];
            flags = new short[capacity][];
        }

        Columns(Columns old, int capacity) {
            mono = Arrays.copyOf(old.mono, capacity);
            address = Arrays.copyOf(old.address, capacity);
            length = Arrays.copyOf(old.length, capacity);
            flags = Arrays.copyOf(old.flags, capacity);
        }

        int capacity() {
            return mono.length;
        }

        long directoryBytes() {
            return 4 * HeapSizes.referenceArray(capacity());
        }
    }
}
