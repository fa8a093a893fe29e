package dev.wsinspector.core.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional reads of a journal file that survive an interrupted reader. A {@link FileChannel} is
 * interruptible: one reader whose thread is interrupted (a background search cancelled with
 * {@code cancel(true)}) closes the channel for every thread that shares it, and every later read of the session
 * failed. Here a read that meets a channel closed by an interrupt reopens the file once and reads again (with the
 * interrupt flag cleared for the read and set again after), so a cancelled job never takes the session's frames
 * away from the timeline, the detail pane or an export.
 */
final class JournalReads implements Closeable, ChannelWindow.Source {

    private final Path file;
    private volatile FileChannel channel;
    private volatile boolean closed;

    JournalReads(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int start = dst.position();
        FileChannel c = channel;
        try {
            return c.read(dst, position);
        } catch (ClosedByInterruptException e) {
            // This thread was interrupted: it closed the channel. Read anyway; the caller sees the flag again.
        } catch (ClosedChannelException e) {
            if (closed) {
                throw e;
            }
            // Another thread's interrupt closed it: open the file again below.
        }
        boolean interrupted = Thread.interrupted();
        try {
            dst.position(start);
            return reopen(c).read(dst, position);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized FileChannel reopen(FileChannel broken) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == broken && !broken.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
