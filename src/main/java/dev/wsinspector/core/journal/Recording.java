package dev.wsinspector.core.journal;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One live session being journaled: its {@link Session} (give {@link #session()} to the connection as store
 * and listener), the journal file and its {@code session.json}. The {@link SessionCatalog}'s journal thread calls
 * {@link #pump} to move what arrived to the file and to give memory back; the owner calls {@link #close}
 * when the session is over (tab closed, new connection, CLI run done).
 *
 * <p>When the journal cannot be written (a full disk, a removed directory) capture goes on in memory: a red
 * {@code Note} says so in the timeline at once, {@link #problem()} tells the owner, and what the file already
 * holds stays valid.
 */
public final class Recording implements Closeable, SessionRecorder.Recorded {

    private final Path dir;
    private final SessionCatalog catalog;
    private final SegmentedFrameStore store;
    private final Session session;
    private final JournalWriter writer;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final JournalReads readChannel;
    private final JournalFrameStore journalFrames;
    private final Consumer<String> onProblem;

    private SessionMeta meta;
    private int nextEvent;
    private long lastSyncNanos = System.nanoTime();
    /** Frames forced to the disk (the only ones that may leave memory). */
    private long framesSynced;
    private volatile String problem;
    /** The journal's own error message, for the summary ({@code how}); null while it works. */
    private String failure;
    private volatile boolean closed;

    /** @param writer the journal's writer, its file header already written */
    Recording(Path dir, SessionCatalog catalog, SessionMeta meta, JournalWriter writer, FileChannel lockChannel,
              FileLock lock, Consumer<String> onProblem) {
        this.dir = dir;
        this.catalog = catalog;
        this.meta = meta;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.onProblem = onProblem;
        this.store = new SegmentedFrameStore();
        this.session = new Session(store);
        this.writer = writer;
        this.readChannel = new JournalReads(dir.resolve(JournalFormat.JOURNAL_FILE));
        this.journalFrames = new JournalFrameStore(readChannel, writer.index(), writer::framesWritten,
                store::payloadBytes, Map.of(), store.clock());
    }

    public String id() {
        return meta.id();
    }

    public Path directory() {
        return dir;
    }

    /** The live capture: the connection appends frames to its store and reports events to it. */
    @Override
    public Session session() {
        return session;
    }

    public synchronized SessionMeta meta() {
        return meta;
    }

    /** Why the journal stopped taking frames, or null while it works. */
    @Override
    public String problem() {
        return problem;
    }

    /**
     * Writes what arrived since the last call, forces it to disk when {@code syncEveryNanos} has passed, and
     * releases journaled frames from memory while the recording holds more than {@code memoryShare} bytes.
     * Called by the journal thread only.
     */
    synchronized void pump(long syncEveryNanos, long memoryShare) {
        if (closed) {
            return;
        }
        write();
        long now = System.nanoTime();
        if (problem == null && now - lastSyncNanos >= syncEveryNanos) {
            lastSyncNanos = now;
            try {
                long written = writer.framesWritten();
                writer.sync();
                framesSynced = written;
                saveMeta();
            } catch (IOException e) {
                fail(e);
            }
        }
        if (store.retainedBytes() > memoryShare) {
            if (problem == null && framesSynced < writer.framesWritten()) {
                // Frames leave memory only once they are on the disk, not merely handed to the OS (a late
                // ENOSPC/EIO at fsync could drop the page cache's only copy): under memory pressure, sync now.
                try {
                    writer.sync();
                    framesSynced = writer.framesWritten();
                } catch (IOException e) {
                    fail(e);
                }
            }
            if (problem == null) {
                // Up to half the share of released streaming segments' chunks is kept for new frames to be
                // written into (see SegmentedFrameStore.release): the other half holds the most recent frames.
                store.release(framesSynced, journalFrames, memoryShare / 2);
            } else {
                store.keepPayloads(false); // no journal and no room: keep headers only
            }
        }
    }

    private void write() {
        if (problem != null) {
            return;
        }
        try {
            List<ConnectionEvent> events = session.eventsFrom(nextEvent);
            long size = store.size();
            for (ConnectionEvent e : events) {
                writeFrames(Math.min(e.frameIndex(), size));
                writer.appendEvent(e);
                nextEvent++;
            }
            writeFrames(size);
            writer.flush();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void writeFrames(long to) throws IOException {
        writer.appendFrames(store, to);
    }

    /** The journal thread met something unexpected while pumping this recording: it stops journaling, loudly. */
    synchronized void failed(Throwable t) {
        if (problem == null && !closed) {
            fail(t instanceof Exception e ? e : new IOException(t.toString(), t));
        }
    }

    private void fail(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        failure = message;
        problem = "The session journal cannot be written (" + message + "): capture goes on in memory only, and"
                + " what the journal already holds is kept";
        FrameStore frames = session.frames();
        session.onEvent(new ConnectionEvent.Note(frames.clock().epochMicrosAt(frames.clock().nanoTime()),
                frames.size(), ConnectionEvent.Note.ERROR, problem));
        nextEvent = session.eventCount(); // the note itself cannot go to the journal either
        onProblem.accept(problem);
    }

    private void saveMeta() throws IOException {
        SessionMeta m;
        synchronized (this) {
            meta = onDiskCounts(meta);
            m = meta;
        }
        catalog.saveMeta(dir, m);
    }

    synchronized void rename(String name) throws IOException {
        meta = meta.withName(name);
        catalog.saveMeta(dir, meta);
    }

    synchronized void pin(boolean pinned) throws IOException {
        meta = meta.withPinned(pinned);
        catalog.saveMeta(dir, meta);
    }

    /** Frames that reached the journal file so far. */
    public long framesJournaled() {
        return writer.framesWritten();
    }

    /** Writes everything, marks the session ended and lets go of the files. Idempotent. */
    @Override
    public void close() {
        // The journal's channels are interruptible: a close on an interrupted thread (the CLI after Ctrl+C) would
        // lose the last frames and the summary. The flag is set again once the files are done.
        boolean interrupted = Thread.interrupted();
        try {
            closeFiles();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        catalog.ended(this);
    }

    private void closeFiles() {
        synchronized (this) {
            if (closed) {
                return;
            }
            // No frame is kept from here on (an aborted connection's read thread may still deliver some): the
            // session then shows exactly what its journal holds, and nothing grows outside the memory budget.
            store.seal();
            write();
            closed = true;
            try {
                if (problem == null) {
                    writer.sync();
                }
            } catch (IOException e) {
                fail(e);
            }
            meta = onDiskCounts(meta).ended(endMicros(), false, how());
            try {
                catalog.saveMeta(dir, meta);
            } catch (IOException e) {
                if (problem == null) {
                    problem = "The session's summary cannot be written: " + e.getMessage();
                }
            }
            closeQuietly(writer);
            closeQuietly(lock);
            closeQuietly(lockChannel);
            SessionCatalog.lockReleased(dir);
            if (problem == null) {
                // An ended session no longer counts in the memory budget (the catalog shares it among the live
                // ones), so it keeps no more than its last segment: the rest is read back from the journal, as for
                // a stored session.
                store.release(writer.framesWritten(), journalFrames, 0);
            }
            // The tab that shows the session reads released frames through readChannel, which opens the file
            // again when asked (and keeps a bounded number open for the whole process).
            readChannel.release();
        }
    }

    /** {@code m} with the counts of what the journal file holds. */
    private SessionMeta onDiskCounts(SessionMeta m) {
        return m.withCounts(writer.framesOnDisk(0), writer.framesOnDisk(1), writer.bytesOnDisk(0),
                writer.bytesOnDisk(1));
    }

    private long endMicros() {
        return session.closed().map(ConnectionEvent::epochMicros)
                .orElseGet(() -> store.clock().epochMicrosAt(store.clock().nanoTime()));
    }

    private String how() {
        var c = session.closed().orElse(null);
        String ended = c != null ? "closed " + c.code() + (c.clean() ? "" : " (not clean)")
                : session.lastFailure().map(f -> "failed: " + f.message()).orElse("stopped");
        if (failure == null) {
            return ended;
        }
        // The timeline holds more than the journal: the summary says so, and counts what the file holds.
        long onDisk = writer.framesOnDisk(0) + writer.framesOnDisk(1);
        return "journal incomplete (" + failure + "): " + onDisk + " of " + store.size() + " frames kept; " + ended;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // closing what was opened for this recording; nothing more to do
        }
    }
}
