package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.FrameBatch;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionEvent;

import java.io.Closeable;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Appends frames and events to a journal file in the {@link JournalFormat}. Records are encoded into one
 * buffer and handed to the sink when it fills or on {@link #flush()}. Frames are read from the capture a run at
 * a time ({@link FrameStore#read(long, long, FrameBatch)}: column runs and one payload range per call, no object
 * or look-up per frame), and each record is written into the buffer whole and checksummed in one pass (each
 * record keeps its own CRC, as the format says), so the writer allocates nothing per frame.
 *
 * <p>One thread at a time (the journal thread). After a failed write the writer is {@link #failed()} and
 * writes nothing more: what reached the file before stays a valid journal (a torn last record is cut off
 * when it is read).
 */
final class JournalWriter implements Closeable {

    static final int BUFFER_SIZE = 1 << 20;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final JournalSink sink;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    /** Frames read from the capture in bulk, a run at a time. */
    private final FrameBatch batch = new FrameBatch(1024, 256 * 1024);
    private final SparseIndex index = new SparseIndex();
    /** File offset of the next byte to be encoded (written or still in the buffer). */
    private long offset;
    /** Frames encoded so far (the next frame's seq). */
    private long frames;
    /** Frames whose records reached the sink (readable through the file). */
    private volatile long framesWritten;
    private long framesInBuffer;
    /** Frames and payload bytes encoded, by direction (0 in, 1 out). */
    private final long[] framesByDir = new long[2];
    private final long[] bytesByDir = new long[2];
    /** The same for the records the sink took whole: what the file holds even after a failed write. */
    private final long[] framesOnDisk = new long[2];
    private final long[] bytesOnDisk = new long[2];
    private IOException failure;

    JournalWriter(JournalSink sink, long createdEpochMicros) throws IOException {
        this.sink = sink;
        ByteBuffer header = JournalFormat.fileHeader(createdEpochMicros);
        offset = header.remaining();
        sink.write(header);
    }

    SparseIndex index() {
        return index;
    }

    /** Frames that a reader of the file can see (their records were handed to the sink). */
    long framesWritten() {
        return framesWritten;
    }

    /** Frames encoded so far; the next {@link #appendFrames} starts here. */
    long frames() {
        return frames;
    }

    /** Frames encoded so far in direction {@code dir} (0 in, 1 out). */
    long frames(int dir) {
        return framesByDir[dir];
    }

    /** Payload bytes encoded so far in direction {@code dir} (0 in, 1 out). */
    long bytes(int dir) {
        return bytesByDir[dir];
    }

    /**
     * Frames in direction {@code dir} whose records the sink took whole: after a failed write, what the file
     * holds (the encoded ones still in the buffer never reach it).
     */
    long framesOnDisk(int dir) {
        return framesOnDisk[dir];
    }

    /** Payload bytes of {@link #framesOnDisk}. */
    long bytesOnDisk(int dir) {
        return bytesOnDisk[dir];
    }

    boolean failed() {
        return failure != null;
    }

    IOException failure() {
        return failure;
    }

    /** Appends frames {@code frames()} up to {@code to} (exclusive) from {@code store}. */
    void appendFrames(FrameStore store, long to) throws IOException {
        check();
        CaptureClock clock = store.clock();
        while (frames < to) {
            int n = store.read(frames, to, batch);
            if (n <= 0) {
                throw new IOException("frame " + frames + " could not be read from the capture");
            }
            byte[] payloads = batch.payload();
            for (int i = 0; i < n; i++) {
                appendFrame(frames, i, payloads, clock);
            }
        }
    }

    /** Encodes frame {@code seq}, entry {@code i} of the batch, into the buffer. */
    private void appendFrame(long seq, int i, byte[] payloads, CaptureClock clock) throws IOException {
        if ((seq & (SparseIndex.STRIDE - 1)) == 0) {
            index.add(offset);
        }
        int length = batch.payloadLength[i];
        int flags = batch.flags[i]; // FrameBatch's flags are the journal's (JournalFormat)
        int dir = (flags & FrameBatch.INBOUND) != 0 ? 0 : 1;
        long mono = batch.monoNanos[i];
        int fixed = JournalFormat.RECORD_PREFIX + 1 + JournalFormat.FRAME_FIXED;
        long record = (long) fixed + length + JournalFormat.CRC_LENGTH;
        if (record <= buf.capacity()) {
            // The common case: the whole record is written into the buffer at once, checksummed in one pass.
            room((int) record);
            byte[] a = buf.array();
            int p = buf.position();
            INT.set(a, p, JournalFormat.RECORD_MARKER);
            INT.set(a, p + 4, 1 + JournalFormat.FRAME_FIXED + length);
            a[p + 8] = JournalFormat.TYPE_FRAME;
            LONG.set(a, p + 9, seq);
            LONG.set(a, p + 17, clock.epochMicrosAt(mono));
            LONG.set(a, p + 25, mono);
            SHORT.set(a, p + 33, (short) flags);
            INT.set(a, p + 35, batch.maskKey[i]);
            LONG.set(a, p + 39, batch.wirePayloadLength[i]);
            INT.set(a, p + 47, length);
            System.arraycopy(payloads, batch.payloadOffset[i], a, p + fixed, length);
            crc.reset();
            crc.update(a, p + 4, fixed - 4 + length); // length, type and body
            INT.set(a, p + fixed + length, (int) crc.getValue());
            buf.position(p + (int) record);
        } else {
            room(fixed);
            buf.putInt(JournalFormat.RECORD_MARKER);
            int crcFrom = buf.position();
            buf.putInt(1 + JournalFormat.FRAME_FIXED + length).put(JournalFormat.TYPE_FRAME)
                    .putLong(seq).putLong(clock.epochMicrosAt(mono)).putLong(mono).putShort((short) flags)
                    .putInt(batch.maskKey[i]).putLong(batch.wirePayloadLength[i]).putInt(length);
            crc.reset();
            crc.update(buf.array(), crcFrom, buf.position() - crcFrom);
            int from = batch.payloadOffset[i];
            int copied = 0;
            while (copied < length) {
                if (!buf.hasRemaining()) {
                    drain();
                }
                int n = Math.min(length - copied, buf.remaining());
                System.arraycopy(payloads, from + copied, buf.array(), buf.position(), n);
                crc.update(buf.array(), buf.position(), n);
                buf.position(buf.position() + n);
                copied += n;
            }
            room(JournalFormat.CRC_LENGTH);
            buf.putInt((int) crc.getValue());
        }
        offset += record;
        frames = seq + 1;
        framesInBuffer++;
        // Counted once the record is whole in the buffer: a drain in the middle of a record larger than the
        // buffer (above) then does not count it as on disk.
        framesByDir[dir]++;
        bytesByDir[dir] += length;
    }

    /** Appends one event record. */
    void appendEvent(ConnectionEvent event) throws IOException {
        check();
        byte[] json = EventCodec.encode(event);
        int bodyLength = 1 + JournalFormat.EVENT_FIXED + json.length;
        int recordLength = JournalFormat.RECORD_PREFIX + bodyLength + JournalFormat.CRC_LENGTH;
        // An event larger than the buffer (a very long note) gets a buffer of its own.
        ByteBuffer b = recordLength <= buf.capacity() ? buf
                : ByteBuffer.allocate(recordLength).order(ByteOrder.LITTLE_ENDIAN);
        if (b == buf) {
            room(recordLength);
        } else {
            drain();
        }
        b.putInt(JournalFormat.RECORD_MARKER);
        int crcFrom = b.position();
        b.putInt(bodyLength).put(JournalFormat.TYPE_EVENT).putLong(event.frameIndex())
                .putLong(event.epochMicros()).put(json);
        crc.reset();
        crc.update(b.array(), crcFrom, b.position() - crcFrom);
        b.putInt((int) crc.getValue());
        if (b != buf) {
            b.flip();
            try {
                sink.write(b);
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                throw failure;
            }
        }
        offset += recordLength;
    }

    /** Hands everything encoded to the sink (the OS page cache: survives kill -9, not a power cut). */
    void flush() throws IOException {
        check();
        drain();
        framesWritten = frames;
        framesInBuffer = 0;
    }

    /** {@link #flush()} and then makes it survive a power cut. */
    void sync() throws IOException {
        flush();
        try {
            sink.force();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    /** Makes room for {@code n} bytes (at most the buffer's size). */
    private void room(int n) throws IOException {
        if (buf.remaining() < n) {
            drain();
            if (buf.remaining() < n) {
                throw new IOException("record of " + n + " bytes is larger than the journal buffer");
            }
        }
    }

    private void drain() throws IOException {
        buf.flip();
        try {
            sink.write(buf);
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            throw failure;
        } finally {
            buf.clear();
        }
        // Frames whose records were wholly in the drained buffer are now in the file; the one being encoded (if
        // any) is not counted yet. Only whole flushes advance framesWritten (what readers may read).
        System.arraycopy(framesByDir, 0, framesOnDisk, 0, 2);
        System.arraycopy(bytesByDir, 0, bytesOnDisk, 0, 2);
    }

    private void check() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (failure == null) {
                sync();
            }
        } finally {
            sink.close();
        }
    }
}
