package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionEvent;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A journal file read back: one pass over it checks every record's checksum, builds the {@link SparseIndex},
 * decodes the events and counts frames and bytes; frames are then served by a {@link JournalFrameStore}.
 *
 * <p>Damage is survived, never refused whole: a torn tail (the process died mid-write) is cut back to the last
 * complete record, and a damaged record in the middle is stepped over to the next record whose checksum
 * holds. Frames are numbered by their place among the readable ones, so a damaged frame leaves no hole; a
 * {@code Note} event at that place says what was lost.
 */
public final class StoredJournal implements Closeable {

    /** Open while the file is scanned ({@link #open}), closed after. */
    private final FileChannel channel;
    private final SparseIndex index = new SparseIndex();
    private final Map<Long, Long> skips = new HashMap<>();
    private final List<ConnectionEvent> events = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long frames;
    private long payloadBytes;
    private final long[] framesByDir = new long[2];
    private final long[] bytesByDir = new long[2];
    private long firstEpoch = Long.MIN_VALUE;
    private long firstMono;
    private long lastEpoch = Long.MIN_VALUE;
    private long validEnd;
    private long created = Long.MIN_VALUE;
    private long fileSize;
    private boolean tornTail;
    /** Frames lost to damage so far in the walk: events after them move up by as many places. */
    private long lost;

    private final Path file;
    /** The frames' reads (see {@link JournalReads}); made by the first {@link #frames()}, the file opened on demand. */
    private JournalReads reads;

    private StoredJournal(FileChannel channel, Path file) {
        this.channel = channel;
        this.file = file;
    }

    /**
     * Reads {@code file}.
     *
     * @param repair cut a torn tail off the file itself (only when no writer has it open)
     * @throws JournalException when the file is no journal or a newer format version wrote it
     * @throws IOException      when the file cannot be read
     */
    public static StoredJournal open(Path file, boolean repair) throws IOException {
        FileChannel channel = repair
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
        try (channel) {
            StoredJournal journal = new StoredJournal(channel, file);
            journal.scan();
            if (repair && journal.tornTail) {
                channel.truncate(journal.validEnd);
                channel.force(true);
            }
            // The scanning channel is closed here: frames are read through JournalReads, which holds a bounded
            // number of files open for all sessions, so a stored session in a tab costs no descriptor of its own.
            return journal;
        }
    }

    private void scan() throws IOException {
        fileSize = channel.size();
        ChannelWindow window = new ChannelWindow(channel, 1 << 20);
        ByteBuffer head = window.at(0, Math.min(JournalFormat.FILE_HEADER_LENGTH, (int) Math.min(fileSize, 64)));
        if (head == null || fileSize < 16) {
            throw new JournalException("not a session journal: the file is empty or shorter than its header");
        }
        long pos = JournalFormat.checkFileHeader(head.slice());
        created = pos >= 24 && head.remaining() >= 24 ? head.getLong(head.position() + 16) : Long.MIN_VALUE;
        long expectedSeq = 0;
        long damagedAt = -1;
        CRC32C crc = new CRC32C();
        while (pos < fileSize) {
            long length = recordLength(window, pos);
            if (length < 0 || !checksumHolds(window, pos, (int) length, crc)) {
                long resume = resync(window, pos + 1, crc);
                if (resume < 0) {
                    tornTail = true;
                    break;
                }
                skips.put(pos, resume);
                if (damagedAt < 0) {
                    damagedAt = pos;
                }
                problems.add("bytes " + pos + "–" + resume + " of the journal are damaged (bad checksum): skipped");
                pos = resume;
                continue;
            }
            int at = window.locate(pos, (int) Math.min(length + JournalFormat.RECORD_PREFIX,
                    JournalFormat.RECORD_PREFIX + 1 + JournalFormat.FRAME_FIXED));
            ByteBuffer r = window.buffer();
            byte type = r.get(at + 8);
            if (type == JournalFormat.TYPE_FRAME && length >= 1 + JournalFormat.FRAME_FIXED) {
                long seq = r.getLong(at + 9);
                long epoch = r.getLong(at + 17);
                long mono = r.getLong(at + 25);
                int flags = r.getShort(at + 33) & 0xFFFF;
                int payload = r.getInt(at + 47);
                if (seq > expectedSeq) {
                    lost += seq - expectedSeq;
                    events.add(new ConnectionEvent.Note(epoch, frames, ConnectionEvent.Note.ERROR,
                            (seq - expectedSeq) + " frame(s) could not be read from the session journal"
                                    + " (damaged at byte " + damagedAt + "); later frames are numbered on"));
                }
                damagedAt = -1;
                expectedSeq = seq + 1;
                if ((frames & (SparseIndex.STRIDE - 1)) == 0) {
                    index.add(pos);
                }
                if (firstEpoch == Long.MIN_VALUE) {
                    firstEpoch = epoch;
                    firstMono = mono;
                }
                lastEpoch = Math.max(lastEpoch, epoch);
                int dir = (flags & JournalFormat.FLAG_INBOUND) != 0 ? 0 : 1;
                framesByDir[dir]++;
                bytesByDir[dir] += payload;
                payloadBytes += payload;
                frames++;
            } else if (type == JournalFormat.TYPE_EVENT && length >= 1 + JournalFormat.EVENT_FIXED) {
                ConnectionEvent event = decodeEvent(window, pos, (int) length);
                if (event != null) {
                    events.add(event);
                    lastEpoch = Math.max(lastEpoch, event.epochMicros());
                    if (firstEpoch == Long.MIN_VALUE) {
                        firstEpoch = event.epochMicros();
                        firstMono = 0;
                    }
                }
            }
            // Other record types come from a newer minor version: skipped.
            pos += JournalFormat.RECORD_PREFIX + length + JournalFormat.CRC_LENGTH;
        }
        validEnd = tornTail ? pos : fileSize;
        if (tornTail) {
            problems.add("the journal ends inside a record at byte " + pos + " (the app stopped while writing):"
                    + " cut back to the last complete record");
        }
    }

    /**
     * The record's length field when a whole record with a valid marker starts at {@code pos}, else -1 (no
     * marker, an impossible length, or the file ends inside the record).
     */
    private long recordLength(ChannelWindow window, long pos) throws IOException {
        int at = window.locate(pos, JournalFormat.RECORD_PREFIX + 1);
        if (at < 0) {
            return -1;
        }
        ByteBuffer r = window.buffer();
        if (r.getInt(at) != JournalFormat.RECORD_MARKER) {
            return -1;
        }
        long length = r.getInt(at + 4) & 0xFFFF_FFFFL;
        if (length < 1 || length > JournalFormat.MAX_RECORD
                || pos + JournalFormat.RECORD_PREFIX + length + JournalFormat.CRC_LENGTH > fileSize) {
            return -1;
        }
        return length;
    }

    private static boolean checksumHolds(ChannelWindow window, long pos, int length, CRC32C crc) throws IOException {
        crc.reset();
        long from = pos + 4; // the CRC covers the length field, the type and the body
        long remaining = 4L + length;
        while (remaining > 0) {
            int n = (int) Math.min(remaining, 1 << 19);
            int at = window.locate(from, n);
            if (at < 0) {
                return false;
            }
            ByteBuffer w = window.buffer();
            crc.update(w.array(), w.arrayOffset() + at, n);
            from += n;
            remaining -= n;
        }
        int at = window.locate(from, 4);
        return at >= 0 && window.buffer().getInt(at) == (int) crc.getValue();
    }

    /** The next position at or after {@code from} where a record with a valid checksum starts, or -1. */
    private long resync(ChannelWindow window, long from, CRC32C crc) throws IOException {
        for (long pos = from; pos + JournalFormat.RECORD_PREFIX + 1 + JournalFormat.CRC_LENGTH <= fileSize; pos++) {
            int at = window.locate(pos, 4);
            if (at < 0) {
                return -1;
            }
            if (window.buffer().getInt(at) != JournalFormat.RECORD_MARKER) {
                continue;
            }
            long length = recordLength(window, pos);
            if (length >= 0 && checksumHolds(window, pos, (int) length, crc)) {
                return pos;
            }
        }
        return -1;
    }

    private ConnectionEvent decodeEvent(ChannelWindow window, long pos, int length) throws IOException {
        ByteBuffer r = window.at(pos, JournalFormat.RECORD_PREFIX + length);
        int at = r.position();
        long frameIndex = r.getLong(at + 9);
        long epoch = r.getLong(at + 17);
        byte[] json = new byte[length - 1 - JournalFormat.EVENT_FIXED];
        r.get(at + 25, json);
        try {
            // An event is written after the frames before it, so every frame lost before it in the file had a
            // lower seq: its place among the readable frames is its frame index less those.
            return EventCodec.decode(Math.max(0, Math.min(frameIndex - lost, frames)), epoch, json);
        } catch (IOException | RuntimeException e) {
            problems.add("an event at byte " + pos + " of the journal could not be read: skipped");
            return null;
        }
    }

    /** The frames, read from the file on demand. */
    public synchronized FrameStore frames() {
        long n = frames;
        long bytes = payloadBytes;
        if (reads == null) {
            reads = new JournalReads(file);
        }
        return new JournalFrameStore(reads, index, () -> n, () -> bytes, skips, clock(),
                new FrameStore.Totals(framesIn(), framesOut(), bytesIn(), bytesOut()));
    }

    /** Maps the recorded monotonic times back to the recorded wall-clock times (exact for each frame). */
    private CaptureClock clock() {
        long epoch0 = firstEpoch == Long.MIN_VALUE ? 0 : firstEpoch;
        long mono0 = firstMono;
        return new CaptureClock() {
            @Override
            public long nanoTime() {
                return mono0 + (System.currentTimeMillis() * 1_000L - epoch0) * 1_000L;
            }

            @Override
            public long epochMicrosAt(long nanoTime) {
                return epoch0 + Math.floorDiv(nanoTime - mono0, 1_000L);
            }
        };
    }

    public List<ConnectionEvent> events() {
        return List.copyOf(events);
    }

    /** One line per damaged place, for the user; empty for a sound journal. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** True when the file ended inside a record: the writer did not finish. */
    public boolean tornTail() {
        return tornTail;
    }

    public long frameCount() {
        return frames;
    }

    public long framesIn() {
        return framesByDir[0];
    }

    public long framesOut() {
        return framesByDir[1];
    }

    public long bytesIn() {
        return bytesByDir[0];
    }

    public long bytesOut() {
        return bytesByDir[1];
    }

    /** When the writer made the file (its header), epoch µs, or {@link Long#MIN_VALUE} when unknown. */
    public long createdEpochMicros() {
        return created;
    }

    /** Time of the first record, epoch µs, or {@link Long#MIN_VALUE} for an empty journal. */
    public long firstEpochMicros() {
        return firstEpoch;
    }

    /** Time of the last record, epoch µs, or {@link Long#MIN_VALUE} for an empty journal. */
    public long lastEpochMicros() {
        return lastEpoch;
    }

    @Override
    public synchronized void close() throws IOException {
        if (reads != null) {
            reads.close();
        }
    }
}
