package dev.wsinspector.core.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Positional reads of a journal file that survive an interrupted reader and hold a bounded number of open
 * files for the whole process.
 *
 * <p>A {@link FileChannel} is interruptible: one reader whose thread is interrupted (a background search
 * cancelled with {@code cancel(true)}) closes the channel for every thread that shares it. Here a read that meets
 * a closed channel opens the file again and reads again (with the interrupt flag cleared for the read and set
 * again after), so a cancelled job never takes the session's frames away from the timeline, the detail pane or
 * an export.
 *
 * <p>Every stored session in a tab, and every ended live one whose frames left memory, reads through one of
 * these: keeping a descriptor open for each would grow with the tabs (and, for ended recordings nobody closes,
 * with every session of the process). So the file is opened on the first read, at most {@value #MAX_OPEN} of
 * them are open at once (opening one more closes the one read longest ago, which opens its file again when it is
 * next read: the same path as after an interrupt), and {@link #release} lets go of it until the next read.
 */
final class JournalReads implements Closeable, ChannelWindow.Source {

    /** Journal files open for reading at once, in the whole process. */
    static final int MAX_OPEN = 32;
    /** A read that finds its channel closed this many times in a row (evicted each time) gives up. */
    private static final int ATTEMPTS = 4;

    private static final Object OPEN_LOCK = new Object();
    /** The reads whose file is open (or was, until evicted); under {@link #OPEN_LOCK}. */
    private static final Set<JournalReads> OPEN = new HashSet<>();

    private final Path file;
    /** Null until the first read and after {@link #release}. */
    private volatile FileChannel channel;
    private volatile long lastUse;
    private volatile boolean closed;

    JournalReads(Path file) {
        this.file = file;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        lastUse = System.nanoTime();
        int start = dst.position();
        boolean interrupted = false;
        try {
            FileChannel c = channel;
            for (int attempt = 1; ; attempt++) {
                if (c != null) {
                    try {
                        return c.read(dst, position);
                    } catch (ClosedByInterruptException e) {
                        // This thread was interrupted: it closed the channel. Read anyway; the caller sees the flag again.
                        interrupted |= Thread.interrupted();
                        if (attempt >= ATTEMPTS) {
                            throw e;
                        }
                    } catch (ClosedChannelException e) {
                        // Another thread's interrupt closed it, or it was evicted: open the file again below.
                        if (closed || attempt >= ATTEMPTS) {
                            throw e;
                        }
                    }
                    dst.position(start);
                }
                c = reopen(c);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The open channel, opening the file when {@code broken} (null or closed) is still the current one. */
    private synchronized FileChannel reopen(FileChannel broken) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        FileChannel c = channel;
        if (c != null && c != broken && c.isOpen()) {
            return c; // another thread opened it meanwhile
        }
        c = FileChannel.open(file, StandardOpenOption.READ);
        channel = c;
        JournalReads evicted = null;
        synchronized (OPEN_LOCK) {
            OPEN.add(this);
            if (OPEN.size() > MAX_OPEN) {
                for (JournalReads r : OPEN) {
                    if (r != this && (evicted == null || r.lastUse - evicted.lastUse < 0)) {
                        evicted = r;
                    }
                }
                OPEN.remove(evicted);
            }
        }
        if (evicted != null) {
            // Not under the evicted one's lock (two reopens would wait on each other): its reads see a closed
            // channel and open the file again.
            closeQuietly(evicted.channel);
        }
        return c;
    }

    /** Closes the file until the next read (a recording that ended: its tab may never read it again). */
    synchronized void release() {
        FileChannel c = channel;
        channel = null;
        forget();
        closeQuietly(c);
    }

    private void forget() {
        synchronized (OPEN_LOCK) {
            OPEN.remove(this);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        FileChannel c = channel;
        channel = null;
        forget();
        if (c != null) {
            c.close();
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // a read-only descriptor: nothing was buffered, nothing is lost
            }
        }
    }
}
