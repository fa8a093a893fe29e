package dev.wsinspector.core.profile;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A profile file the repository could not use, for the UI to show.
 *
 * @param file      the file as found
 * @param movedTo   where a corrupt file was put aside ({@code *.corrupt-<time>}), or null when it was left in place
 * @param message   one line for people: what is wrong and where
 */
public record ProfileProblem(Kind kind, Path file, Path movedTo, String message, Instant when) {

    public enum Kind {
        /** Not a readable profile; moved aside so it is neither lost nor overwritten. */
        CORRUPT,
        /** A schemaVersion this version cannot read (newer, or old without migration); left untouched. */
        UNSUPPORTED_VERSION,
        /** Could not be read or moved (permissions, I/O); left untouched. */
        IO,
        /** Does not parse but changed a moment ago: probably still being written, looked at again next reload. */
        BEING_WRITTEN
    }

    /** One line: file name and message. */
    public String describe() {
        return file.getFileName() + ": " + message + (movedTo == null ? "" : " (kept as " + movedTo.getFileName() + ")");
    }
}
