package dev.wsinspector.ui.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The files a conformance report is saved as (the CLI's {@code --junit} and {@code --html}), and how one is
 * written: into a temporary file next to the target, then moved over it, so a report that failed half-way never
 * replaces a good one.
 */
public enum ReportFormat {
    JUNIT_XML("JUnit XML", ".xml"), HTML("HTML", ".html");

    private final String label;
    private final String extension;

    ReportFormat(String label, String extension) {
        this.label = label;
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The file chooser's filter pattern, e.g. {@code *.xml}. */
    public String pattern() {
        return "*" + extension;
    }

    /** What the file's name says ({@code .html} / {@code .htm}, {@code .xml}), else {@code chosen} (the filter). */
    public static ReportFormat forFile(Path file, ReportFormat chosen) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return HTML;
        }
        return name.endsWith(".xml") || chosen == null ? JUNIT_XML : chosen;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Writes {@code content} to {@code file} through a temporary file in its folder; returns the file written. */
    static Path write(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), ".conformance-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An exception as one line for people: its message, or its kind when it has none. */
    static String reason(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder or file " + message;
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + message + ")";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
