package dev.wsinspector.core.io;

import dev.wsinspector.core.session.Session;

import java.util.Objects;

/**
 * One WebSocket connection read back from a file.
 *
 * @param url     the ws(s):// URL, or {@code ""} when the file does not say
 * @param session its frames and events, complete (nothing is appended later)
 */
public record ImportedCapture(String url, Session session) {

    public ImportedCapture {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(session, "session");
    }
}
