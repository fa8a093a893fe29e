package dev.wsinspector.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A report file ({@code --junit}, {@code --html}, a saved scenario) written next to its target, then moved. */
final class ReportFile {

    private ReportFile() {
    }

    /** Writes {@code content} to {@code file} (null: nothing to do); false, and a line on {@code err}, on failure. */
    static boolean write(Path file, String content, PrintStream err) {
        if (file == null) {
            return true;
        }
        try {
            Path absolute = file.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), ".wsi-report-", ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }
}
