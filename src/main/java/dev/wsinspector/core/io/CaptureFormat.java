package dev.wsinspector.core.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two capture file formats, told apart by the file name (as {@code connect --record} does). */
public enum CaptureFormat {
    /** HAR 1.2 with Chrome's {@code _webSocketMessages}: opens in browser DevTools; whole messages only. */
    HAR(".har"),
    /** This app's JSON lines: every frame with its header bits, plus open/close/error/note events. */
    JSONL(".jsonl");

    private final String extension;

    CaptureFormat(String extension) {
        this.extension = extension;
    }

    /** The file name ending, with its dot ({@code ".har"}, {@code ".jsonl"}). */
    public String extension() {
        return extension;
    }

    /**
     * The format for a file name, ignoring case: {@code .har} is HAR; {@code .jsonl} (also {@code .wsi.jsonl})
     * is JSONL; anything else is empty.
     */
    public static Optional<CaptureFormat> of(Path file) {
        Path name = file == null ? null : file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (CaptureFormat format : values()) {
            if (lower.endsWith(format.extension) && lower.length() > format.extension.length()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
