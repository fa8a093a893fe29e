package dev.wsinspector.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A journal sink over a real file that runs out of room, as a full disk does, after {@code capacity} bytes. */
final class FillingDisk {

    private FillingDisk() {
    }

    static JournalSink after(FileChannel file, long capacity) {
        return new JournalSink() {
            long written;

            @Override
            public void write(ByteBuffer bytes) throws IOException {
                if (written + bytes.remaining() > capacity) {
                    throw new IOException("No space left on device");
                }
                written += bytes.remaining();
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
            }

            @Override
            public void force() throws IOException {
                file.force(false);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        };
    }
}
