package dev.wsinspector.core.io;

import java.io.IOException;

/**
 * A file that cannot be read as a capture at all (not found, not JSON, a HAR without a WebSocket entry, a
 * JSONL file without a single frame or event line, an unknown extension). The message is one line meant for
 * the user: the reason, written to follow the file's name or path, e.g.
 * {@code "the HAR holds no WebSocket connection (12 other requests)"} or {@code "the file does not exist"}.
 */
public class CaptureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public CaptureFormatException(String message) {
        super(message);
    }

    public CaptureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
