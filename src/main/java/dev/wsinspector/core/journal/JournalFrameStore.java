package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameBatch;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A read-only {@link FrameStore} over a journal file: frame headers are read a block of
 * {@value SparseIndex#STRIDE} frames at a time (found through the {@link SparseIndex}) into a small cache, and
 * payload bytes are read from the file when asked for, so the heap holds a few blocks whatever the session's
 * length. Serves stored sessions and, for a live one, the frames that left memory.
 *
 * <p>Any thread may read. A read error (the file vanished, a disk error) surfaces as an
 * {@link UncheckedIOException}; callers that show frames catch it and say so.
 */
final class JournalFrameStore implements FrameStore {

    /** Blocks kept decoded: ~56 bytes a frame, so 64 blocks are ~3.6 MB. */
    private static final int CACHED_BLOCKS = 64;

    private final ChannelWindow.Source channel;
    private final SparseIndex index;
    private final LongSupplier size;
    private final LongSupplier payloadBytes;
    private final Map<Long, Long> skips;
    private final CaptureClock clock;
    private final ChannelWindow window;
    private final Map<Integer, Block> cache = new LinkedHashMap<>(CACHED_BLOCKS * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Block> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };
    private volatile Block last;

    /**
     * @param size         frames readable through the file (grows for a live session)
     * @param payloadBytes sum of those frames' stored payload lengths
     * @param skips        damaged regions: record offset where one starts to the offset reading resumes at
     */
    private final Totals sealed;

    JournalFrameStore(ChannelWindow.Source channel, SparseIndex index, LongSupplier size, LongSupplier payloadBytes,
                      Map<Long, Long> skips, CaptureClock clock) {
        this(channel, index, size, payloadBytes, skips, clock, null);
    }

    /** @param sealed the counts of a journal that will not grow (a stored session), else null */
    JournalFrameStore(ChannelWindow.Source channel, SparseIndex index, LongSupplier size, LongSupplier payloadBytes,
                      Map<Long, Long> skips, CaptureClock clock, Totals sealed) {
        this.sealed = sealed;
        this.channel = channel;
        this.index = index;
        this.size = size;
        this.payloadBytes = payloadBytes;
        this.skips = Map.copyOf(skips);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = new ChannelWindow(channel, ChannelWindow.DEFAULT_SIZE);
    }

    @Override
    public Totals sealedTotals() {
        return sealed;
    }

    @Override
    public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload) {
        throw new UnsupportedOperationException("a stored session is read-only");
    }

    @Override
    public long size() {
        return size.getAsLong();
    }

    @Override
    public CaptureClock clock() {
        return clock;
    }

    @Override
    public Frame get(long seq) {
        Block b = block(seq);
        int i = (int) (seq & (SparseIndex.STRIDE - 1));
        byte[] payload = new byte[b.length[i]];
        read(b.payloadAt[i], payload, 0, payload.length);
        return new Frame(seq, b.epoch[i], b.mono[i], direction(b.flags[i]), header(b, i),
                (b.flags[i] & JournalFormat.FLAG_INFLATED) != 0, ByteBuffer.wrap(payload),
                (b.flags[i] & JournalFormat.FLAG_CRAFTED) != 0);
    }

    @Override
    public WireHeader header(long seq) {
        Block b = block(seq);
        return header(b, (int) (seq & (SparseIndex.STRIDE - 1)));
    }

    private static WireHeader header(Block b, int i) {
        int flags = b.flags[i];
        boolean masked = (flags & JournalFormat.FLAG_MASKED) != 0;
        return new WireHeader((flags & 0x80) != 0, (flags & 0x40) != 0, (flags & 0x20) != 0, (flags & 0x10) != 0,
                Opcode.of(flags), masked, b.maskKey[i], b.wireLength[i], JournalFormat.headerLength(flags));
    }

    private static Direction direction(int flags) {
        return (flags & JournalFormat.FLAG_INBOUND) != 0 ? Direction.IN : Direction.OUT;
    }

    @Override
    public Direction direction(long seq) {
        return direction(flags(seq));
    }

    @Override
    public Opcode opcode(long seq) {
        return Opcode.of(flags(seq));
    }

    @Override
    public int firstByte(long seq) {
        return flags(seq) & 0xFF;
    }

    @Override
    public boolean masked(long seq) {
        return (flags(seq) & JournalFormat.FLAG_MASKED) != 0;
    }

    @Override
    public boolean inflated(long seq) {
        return (flags(seq) & JournalFormat.FLAG_INFLATED) != 0;
    }

    @Override
    public boolean crafted(long seq) {
        return (flags(seq) & JournalFormat.FLAG_CRAFTED) != 0;
    }

    @Override
    public long monoNanos(long seq) {
        return block(seq).mono[(int) (seq & (SparseIndex.STRIDE - 1))];
    }

    @Override
    public long epochMicros(long seq) {
        return block(seq).epoch[(int) (seq & (SparseIndex.STRIDE - 1))];
    }

    @Override
    public int payloadLength(long seq) {
        return block(seq).length[(int) (seq & (SparseIndex.STRIDE - 1))];
    }

    @Override
    public long wirePayloadLength(long seq) {
        return block(seq).wireLength[(int) (seq & (SparseIndex.STRIDE - 1))];
    }

    @Override
    public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        if (offset < 0) {
            throw new IndexOutOfBoundsException("negative payload offset " + offset + " for frame " + seq);
        }
        Block b = block(seq);
        int i = (int) (seq & (SparseIndex.STRIDE - 1));
        int n = Math.min(len, Math.max(0, b.length[i] - offset));
        if (n > 0) {
            read(b.payloadAt[i] + offset, dst, dstOffset, n);
        }
        return n;
    }

    /**
     * Frames of one index block at a time, their payloads in one positional read of the file range that holds
     * them (records lie in seq order; the event records and record framing between them come along and are
     * skipped by the offsets): a filter or an export over ten million stored frames makes one read per batch
     * instead of one per frame.
     */
    @Override
    public int read(long from, long to, FrameBatch batch) {
        if (from >= to) {
            batch.filled(from, 0);
            return 0;
        }
        Block b = block(from);
        int first = (int) (from & (SparseIndex.STRIDE - 1));
        int max = (int) Math.min(Math.min(to - from, batch.capacity()), b.count - first);
        long start = b.payloadAt[first];
        long end = start;
        int n = 0;
        while (n < max) {
            int i = first + n;
            long payloadEnd = b.payloadAt[i] + b.length[i];
            if (n > 0 && payloadEnd - start > batch.payloadCapacity()) {
                break;
            }
            end = payloadEnd;
            n++;
        }
        byte[] dst = batch.payloadFor(end - start);
        if (end > start) {
            read(start, dst, 0, (int) (end - start));
        }
        for (int k = 0; k < n; k++) {
            int i = first + k;
            batch.monoNanos[k] = b.mono[i];
            batch.flags[k] = b.flags[i]; // the journal's flags are FrameBatch's (JournalFormat)
            batch.maskKey[k] = b.maskKey[i];
            batch.wirePayloadLength[k] = b.wireLength[i];
            batch.payloadLength[k] = b.length[i];
            batch.payloadOffset[k] = (int) (b.payloadAt[i] - start);
        }
        batch.filled(from, n);
        return n;
    }

    @Override
    public long payloadBytes() {
        return payloadBytes.getAsLong();
    }

    @Override
    public long retainedBytes() {
        synchronized (cache) {
            return (long) cache.size() * Block.BYTES;
        }
    }

    private int flags(long seq) {
        return block(seq).flags[(int) (seq & (SparseIndex.STRIDE - 1))];
    }

    private void read(long pos, byte[] dst, int off, int len) {
        ByteBuffer b = ByteBuffer.wrap(dst, off, len);
        try {
            while (b.hasRemaining()) {
                if (channel.read(b, pos + (b.position() - off)) < 0) {
                    throw new IOException("the journal ends inside a payload (byte " + pos + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session journal: " + e.getMessage(), e);
        }
    }

    private Block block(long seq) {
        long n = size.getAsLong();
        if (seq < 0 || seq >= n) {
            throw new IndexOutOfBoundsException("frame seq " + seq + " is out of range: the journal holds " + n
                    + " frames");
        }
        int k = (int) (seq >>> SparseIndex.SHIFT);
        Block b = last;
        if (b != null && b.number == k && b.count > (int) (seq & (SparseIndex.STRIDE - 1))) {
            return b;
        }
        synchronized (cache) {
            b = cache.get(k);
            if (b == null || b.count <= (int) (seq & (SparseIndex.STRIDE - 1))) {
                b = load(k, (int) Math.min(SparseIndex.STRIDE, n - ((long) k << SparseIndex.SHIFT)));
                cache.put(k, b);
            }
            last = b;
            return b;
        }
    }

    /** Decodes the headers of the first {@code count} frames of block {@code k}; called under the cache lock. */
    private Block load(int k, int count) {
        Block b = new Block(k, count);
        long pos = index.offset(k);
        window.invalidate(); // a live journal may have grown since the window was filled
        try {
            int i = 0;
            while (i < count) {
                Long resume = skips.get(pos);
                if (resume != null) {
                    pos = resume;
                    continue;
                }
                int at = window.locate(pos, JournalFormat.RECORD_PREFIX + 1 + JournalFormat.FRAME_FIXED);
                if (at < 0) {
                    // An event record near the end can be shorter than a frame's fixed part.
                    at = window.locate(pos, JournalFormat.RECORD_PREFIX + 1);
                    if (at < 0) {
                        throw new IOException("the journal ends before frame " + ((long) k * SparseIndex.STRIDE + i));
                    }
                }
                ByteBuffer r = window.buffer();
                int length = r.getInt(at + 4);
                byte type = r.get(at + 8);
                if (type == JournalFormat.TYPE_FRAME) {
                    int p = at + 9 + 8; // after type and seq
                    b.epoch[i] = r.getLong(p);
                    b.mono[i] = r.getLong(p + 8);
                    b.flags[i] = r.getShort(p + 16) & 0xFFFF;
                    b.maskKey[i] = r.getInt(p + 18);
                    b.wireLength[i] = r.getLong(p + 22);
                    b.length[i] = r.getInt(p + 30);
                    b.payloadAt[i] = pos + JournalFormat.RECORD_PREFIX + 1 + JournalFormat.FRAME_FIXED;
                    i++;
                }
                pos += JournalFormat.RECORD_PREFIX + (long) length + JournalFormat.CRC_LENGTH;
            }
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session journal: " + e.getMessage(), e);
        }
    }

    /** The decoded headers of up to {@value SparseIndex#STRIDE} consecutive frames. */
    private static final class Block {
        static final long BYTES = (long) SparseIndex.STRIDE * (8 * 4 + 4 * 3) + 200;

        final int number;
        final int count;
        final long[] epoch;
        final long[] mono;
        final long[] wireLength;
        final long[] payloadAt;
        final int[] flags;
        final int[] maskKey;
        final int[] length;

        Block(int number, int count) {
            this.number = number;
            this.count = count;
            epoch = new long[count];
            mono = new long[count];
            wireLength = new long[count];
            payloadAt = new long[count];
            flags = new int[count];
            maskKey = new int[count];
            length = new int[count];
        }
    }
}
