package dev.wsinspector.core.io;

import java.util.List;

/**
 * What a capture file held: one capture per WebSocket connection (a HAR may hold several; a JSONL file one,
 * or several when it contains several {@code open} lines), and one line per thing that could not be read
 * (e.g. {@code "line 17: not JSON"}), so nothing is dropped silently.
 */
public record ImportResult(List<ImportedCapture> captures, List<String> problems) {

    public ImportResult {
        captures = List.copyOf(captures);
        problems = List.copyOf(problems);
    }
}
