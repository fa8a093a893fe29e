package dev.wsinspector.core.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Where a {@link JournalWriter} puts its bytes; a file in the app, a failing one in the disk-full tests. */
interface JournalSink extends Closeable {

    /** Writes all of {@code bytes} at the end. */
    void write(ByteBuffer bytes) throws IOException;

    /** Makes what was written survive a power cut. */
    void force() throws IOException;

    /** A sink that appends to {@code channel}. */
    static JournalSink of(FileChannel channel) {
        return new JournalSink() {
            @Override
            public void write(ByteBuffer bytes) throws IOException {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }

            @Override
            public void force() throws IOException {
                channel.force(false);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
