package dev.wsinspector.core.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The capture file formats, told apart by the file name (as {@code connect --record} does). HAR and JSONL are
 * written and read; pcapng is written only ({@link #readable()} is false), for Wireshark.
 */
public enum CaptureFormat {
    /** HAR 1.2 with Chrome's {@code _webSocketMessages}: opens in browser DevTools; whole messages only. */
    HAR(".har"),
    /** This app's JSON lines: every frame with its header bits, plus open/close/error/note events. */
    JSONL(".jsonl"),
    /** pcapng for Wireshark and tshark: the traffic as synthetic TCP, opened by their WebSocket dissector. */
    PCAPNG(".pcapng", false);

    private final String extension;
    private final boolean readable;

    CaptureFormat(String extension) {
        this(extension, true);
    }

    CaptureFormat(String extension, boolean readable) {
        this.extension = extension;
        this.readable = readable;
    }

    /** True for the formats {@link CaptureFiles#read} opens (HAR, JSONL); false for export-only pcapng. */
    public boolean readable() {
        return readable;
    }

    /** The file name ending, with its dot ({@code ".har"}, {@code ".jsonl"}). */
    public String extension() {
        return extension;
    }

    /**
     * The format for a file name, ignoring case: {@code .har} is HAR; {@code .jsonl} (also {@code .wsi.jsonl})
     * is JSONL; {@code .pcapng} is PCAPNG (written, never read: check {@link #readable()}); anything else is
     * empty.
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

    /** Like {@link #of}, but only the formats that can be opened: a {@code .pcapng} file is empty here. */
    public static Optional<CaptureFormat> readableOf(Path file) {
        return of(file).filter(CaptureFormat::readable);
    }
}
