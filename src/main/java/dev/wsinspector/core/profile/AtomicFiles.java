package dev.wsinspector.core.profile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that a crash at any moment leaves either the old content or the new, never a mix: the
 * bytes go to a temp file in the same directory (same file system, so the rename is atomic), are forced to
 * disk, and the temp file is renamed over the target; then the directory is forced so the rename survives a
 * power cut. Temp names end in {@code .tmp}, so a scan for {@code *.json} never takes a half-written one.
 * Public for the other small files of the data directory ({@code core.settings}).
 */
public final class AtomicFiles {

    static final String TEMP_SUFFIX = ".tmp";

    /** Runs between "temp file complete" and the rename: lets a crash test die exactly there. */
    private final Runnable beforeMove;

    public AtomicFiles() {
        this(() -> {
        });
    }

    AtomicFiles(Runnable beforeMove) {
        this.beforeMove = beforeMove;
    }

    public void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeMove.run();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Best effort: POSIX systems can sync a directory, Windows cannot open one (and needs no such step). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the rename itself is atomic; only its durability across a power cut is left to the OS
        }
    }
}
