package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.CaptureOrder;
import dev.wsinspector.core.session.Session;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Opening and saving captures as files: HAR (for browser DevTools and HAR tools) and this app's JSONL (every
 * frame with its header bits); saving also as pcapng (for Wireshark, {@link PcapngWriter}), which is not read
 * back. The format follows the file name ({@link CaptureFormat#of}).
 *
 * <p>Reading returns what could be read plus one line per problem; only a file that is no capture at all
 * throws {@link CaptureFormatException}. Writing is atomic: a crash or an error leaves the previous file as
 * it was, never half a capture.
 */
public final class CaptureFiles {

    private static final String TEMP_SUFFIX = ".tmp";

    private CaptureFiles() {
    }

    /**
     * Reads a {@code .har} or {@code .jsonl} capture.
     *
     * @throws CaptureFormatException when the file is missing, unreadable, has another extension, or holds
     *                                nothing that can be imported (the message says which, in one line)
     * @throws IOException            when reading fails midway (a disk error)
     */
    public static ImportResult read(Path file) throws IOException {
        CaptureFormat format = CaptureFormat.of(file).orElseThrow(() -> new CaptureFormatException(
                "not a capture file (open a .har or .jsonl file)"));
        if (!format.readable()) {
            throw new CaptureFormatException("pcapng files can be exported, not opened (open a .har or .jsonl file)");
        }
        if (Files.isDirectory(file)) {
            throw new CaptureFormatException("a folder, not a capture file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return format == CaptureFormat.HAR ? HarCaptureReader.read(in) : JsonlCaptureReader.read(in);
        } catch (NoSuchFileException e) {
            throw new CaptureFormatException("the file does not exist", e);
        } catch (AccessDeniedException e) {
            throw new CaptureFormatException("permission denied", e);
        }
    }

    /**
     * Writes the session as HAR, JSONL or pcapng, the format chosen by the file name, atomically: into a temp
     * file in the same directory, forced to disk, then moved over {@code file}. Secret header values and URL
     * credentials are masked unless {@code includeSecrets} (as {@link HarWriter}, {@link JsonlEventWriter} and
     * {@link PcapngWriter} do). A session still capturing is written as far as it got.
     *
     * @param creatorVersion the app version, for HAR's {@code log.creator.version}
     * @throws CaptureFormatException when the file name ends in none of {@code .har}, {@code .jsonl},
     *                                {@code .pcapng}
     */
    public static void write(Session session, Path file, boolean includeSecrets, String creatorVersion)
            throws IOException {
        CaptureFormat format = CaptureFormat.of(file).orElseThrow(() -> new CaptureFormatException(
                "the file name must end in .har, .jsonl or .pcapng"));
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                if (format == CaptureFormat.HAR) {
                    new HarWriter(includeSecrets, creatorVersion).write(session.eventsFrom(0), session.frames(),
                            out);
                    out.flush();
                } else if (format == CaptureFormat.PCAPNG) {
                    new PcapngWriter(includeSecrets, "WS Inspector " + creatorVersion).write(session.eventsFrom(0),
                            session.frames(), out);
                    out.flush();
                } else {
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                    writeJsonl(session, writer, includeSecrets);
                    writer.flush();
                }
                channel.force(true);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Frames and events in capture order, each event before the first frame at or after its frameIndex. */
    private static void writeJsonl(Session session, Writer out, boolean includeSecrets) {
        JsonlEventWriter lines = new JsonlEventWriter(out, includeSecrets);
        FrameStore frames = session.frames();
        CaptureOrder.walk(session.eventsFrom(0), 0, frames.size(), lines::writeEvent,
                seq -> lines.writeFrame(frames.get(seq)));
    }

    /** Moves a complete temp file over {@code target} (same directory), atomically where the file system can. */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        move(temp, target);
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
