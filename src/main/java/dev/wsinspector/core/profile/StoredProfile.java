package dev.wsinspector.core.profile;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A profile as found on disk: its file (the identity; the name inside may change freely), its content, and
 * the stamp that lets a save notice edits made by another program in the meantime.
 *
 * @param id             the file name, e.g. {@code local-echo.json}; stable across renames of the profile
 * @param file           full path
 * @param fileVersion    {@code schemaVersion} of the file as read (older ones were migrated in memory)
 * @param readOnlyReason why the profile cannot be saved (a newer file format), or empty when it can
 */
public record StoredProfile(String id, Path file, ConnectionProfile profile, FileStamp stamp, int fileVersion,
                            String readOnlyReason) {

    public StoredProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stamp, "stamp");
        readOnlyReason = readOnlyReason == null ? "" : readOnlyReason;
    }

    public boolean readOnly() {
        return !readOnlyReason.isEmpty();
    }

    /** True when the file was in an older format; it is written in the current one at the next save. */
    public boolean migrated() {
        return fileVersion < ProfileJson.CURRENT_VERSION;
    }

    public String name() {
        return profile.name();
    }
}
