package dev.wsinspector.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A read window over a file: {@link #at} returns a buffer holding at least the asked bytes from a position,
 * reading ahead in large positional reads, so walking records costs one system call per window, not per
 * record. Positional reads leave the channel's own position alone, so a writer may append meanwhile.
 * One instance per thread.
 */
final class ChannelWindow {

    static final int DEFAULT_SIZE = 256 * 1024;

    /** Where the bytes come from: a channel's positional read, or {@link JournalReads}. */
    interface Source {
        int read(ByteBuffer dst, long position) throws IOException;
    }

    private final Source channel;
    private ByteBuffer window;
    /** File position of {@code window}'s byte 0. */
    private long start = -1;
    private int filled;

    ChannelWindow(FileChannel channel, int size) {
        this(channel::read, size);
    }

    ChannelWindow(Source channel, int size) {
        this.channel = channel;
        this.window = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A buffer whose position is {@code pos}'s byte and which has at least {@code length} bytes remaining, or
     * null when the file ends first. Valid until the next call.
     */
    ByteBuffer at(long pos, int length) throws IOException {
        int at = locate(pos, length);
        if (at < 0) {
            return null;
        }
        return window.duplicate().order(ByteOrder.LITTLE_ENDIAN).limit(at + length).position(at);
    }

    /**
     * Where {@code pos}'s byte is in {@link #buffer()}, with at least {@code length} bytes after it, or -1 when
     * the file ends first. The allocation-free form of {@link #at}, for loops over millions of records.
     */
    int locate(long pos, int length) throws IOException {
        if (start < 0 || pos < start || pos + length > start + filled) {
            if (length > window.capacity()) {
                window = ByteBuffer.allocate(Math.max(length, window.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
            }
            fill(pos);
            if (filled < length) {
                return -1;
            }
        }
        return (int) (pos - start);
    }

    /** The window's bytes; read with absolute gets at offsets from {@link #locate}. Valid until the next call. */
    ByteBuffer buffer() {
        return window;
    }

    private void fill(long pos) throws IOException {
        window.clear();
        start = pos;
        while (window.hasRemaining()) {
            int n = channel.read(window, pos + window.position());
            if (n < 0) {
                break;
            }
            if (n == 0 && window.position() == 0) {
                break;
            }
        }
        filled = window.position();
    }

    /** Forgets what was read (the file changed under the window). */
    void invalidate() {
        start = -1;
        filled = 0;
    }
}
