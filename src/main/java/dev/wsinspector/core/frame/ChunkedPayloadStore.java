package dev.wsinspector.core.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link PayloadStore} on the heap: one contiguous byte space cut into equal {@code byte[]} chunks. A
 * record's address is its position in that space, so records may straddle chunks and a large payload simply
 * spans several. That keeps every array the same size: no chunk tail is wasted when a record does not fit,
 * and no payload ever needs an array larger than a chunk (which G1 would allocate as a humongous object
 * rounded up to whole regions). The address space is also exactly what an on-disk journal would use as
 * file offsets.
 */
public final class ChunkedPayloadStore implements PayloadStore {

    /**
     * Chunk length such that each chunk is a 256 KiB object: below half of G1's smallest region (1 MiB), so
     * never humongous, and four chunks fill a region exactly. (Region-sized humongous chunks, which G1 never
     * copies, were measured too: capture fell from 79 % to 63 % of the bare client, because every humongous
     * allocation can start a concurrent cycle. See docs/BENCHMARKS.md.)
     */
    public static final int DEFAULT_CHUNK_SIZE = 256 * 1024 - HeapSizes.ARRAY_HEADER;

    private static final VarHandle SIZE;

    static {
        try {
            SIZE = MethodHandles.lookup().findVarHandle(ChunkedPayloadStore.class, "size", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int chunkSize;
    private final java.util.function.Supplier<byte[]> spare;
    private volatile boolean givenUp;
    /** Chunk directory; replaced by a larger copy when full, volatile so readers never see a stale copy. */
    private volatile byte[][] chunks = new byte[16][];
    /** Bytes appended; written with release after the bytes, so a reader that sees it sees them. */
    private volatile long size;
    private volatile long retainedBytes = HeapSizes.referenceArray(16);

    // Writer-only state (appends are serialised by the caller).
    private int chunkCount;
    private byte[] current;
    private int fill;

    public ChunkedPayloadStore() {
        this(DEFAULT_CHUNK_SIZE);
    }

    /** @param chunkSize bytes per chunk; tests use tiny chunks to exercise records that straddle them */
    public ChunkedPayloadStore(int chunkSize) {
        this(chunkSize, null);
    }

    /**
     * @param spare where new chunks come from before they are allocated (chunks of {@code chunkSize} that an
     *              earlier store gave up, see {@link #giveUpChunks}); null for none. Called by the writer only.
     */
    ChunkedPayloadStore(int chunkSize, java.util.function.Supplier<byte[]> spare) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive: " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.spare = spare;
    }

    /**
     * Marks this store's chunks as reused and returns them, for a later store to write over (a released segment
     * of a {@link SegmentedFrameStore}, whose frames are readable elsewhere). Bytes read from this store after
     * this call may be torn: a reader checks {@link #chunksGivenUp()} after copying (behind an acquire fence) and
     * reads from elsewhere when it is set.
     */
    byte[][] giveUpChunks() {
        givenUp = true; // volatile write, before any chunk can reach another writer
        return Arrays.copyOf(chunks, chunkCount);
    }

    /** True once {@link #giveUpChunks} was called: what was just read from this store may be torn. */
    boolean chunksGivenUp() {
        return givenUp;
    }

    public int chunkSize() {
        return chunkSize;
    }

    @Override
    public long append(byte[] prefix, int prefixLength, ByteBuffer payload) {
        long address = size;
        int length = payload.remaining();
        byte[] chunk = current;
        if (chunk != null && chunkSize - fill >= prefixLength + length) {
            // Fast path, nearly every small frame: the whole record fits in the current chunk.
            int at = fill;
            if (prefixLength > 0) {
                System.arraycopy(prefix, 0, chunk, at, prefixLength);
            }
            payload.get(payload.position(), chunk, at + prefixLength, length); // absolute: position unchanged
            fill = at + prefixLength + length;
            SIZE.setRelease(this, address + prefixLength + length);
            return address;
        }
        int written = 0;
        while (written < prefixLength) {
            int n = Math.min(prefixLength - written, room());
            System.arraycopy(prefix, written, current, fill, n);
            fill += n;
            written += n;
        }
        int at = payload.position();
        int limit = payload.limit();
        while (at < limit) {
            int n = Math.min(limit - at, room());
            payload.get(at, current, fill, n); // absolute get: leaves the caller's position alone
            fill += n;
            at += n;
        }
        SIZE.setRelease(this, address + prefixLength + (limit - payload.position()));
        return address;
    }

    /** Free bytes in the current chunk, starting a new chunk when it is full. */
    private int room() {
        if (current == null || fill == chunkSize) {
            addChunk();
        }
        return chunkSize - fill;
    }

    private void addChunk() {
        byte[][] dir = chunks;
        long retained = retainedBytes;
        if (chunkCount == dir.length) {
            byte[][] bigger = Arrays.copyOf(dir, dir.length * 2);
            retained += HeapSizes.referenceArray(bigger.length) - HeapSizes.referenceArray(dir.length);
            dir = bigger;
        }
        byte[] reused = spare == null ? null : spare.get();
        // A reused chunk keeps old bytes beyond what is written; nothing reads past the size written.
        current = reused != null && reused.length == chunkSize ? reused : new byte[chunkSize];
        fill = 0;
        dir[chunkCount++] = current;
        chunks = dir;
        retainedBytes = retained + HeapSizes.array(chunkSize, 1);
    }

    @Override
    public void read(long address, long offset, byte[] dst, int dstOffset, int len) {
        Objects.checkFromIndexSize(dstOffset, len, dst.length);
        long end = size;
        long pos = address + offset;
        if (address < 0 || offset < 0 || pos > end - len) {
            throw new IndexOutOfBoundsException("payload range [" + pos + ", " + (pos + len)
                    + ") is outside the " + end + " bytes stored");
        }
        byte[][] dir = chunks;
        while (len > 0) {
            int chunk = (int) (pos / chunkSize);
            int from = (int) (pos % chunkSize);
            int n = Math.min(len, chunkSize - from);
            System.arraycopy(dir[chunk], from, dst, dstOffset, n);
            pos += n;
            dstOffset += n;
            len -= n;
        }
    }

    // Overridden to avoid the default's temporary array; the header fields may straddle chunks.
    @Override
    public int readInt(long address, long offset) {
        return (int) readBigEndian(address + offset, 4);
    }

    @Override
    public long readLong(long address, long offset) {
        return readBigEndian(address + offset, 8);
    }

    private long readBigEndian(long pos, int bytes) {
        long end = size;
        if (pos < 0 || pos > end - bytes) {
            throw new IndexOutOfBoundsException("payload range [" + pos + ", " + (pos + bytes)
                    + ") is outside the " + end + " bytes stored");
        }
        byte[][] dir = chunks;
        long value = 0;
        for (int i = 0; i < bytes; i++, pos++) {
            value = value << 8 | (dir[(int) (pos / chunkSize)][(int) (pos % chunkSize)] & 0xFF);
        }
        return value;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long retainedBytes() {
        return retainedBytes;
    }
}
