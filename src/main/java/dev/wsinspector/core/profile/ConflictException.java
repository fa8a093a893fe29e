package dev.wsinspector.core.profile;

import java.nio.file.Path;

/**
 * A save or delete refused because another program changed or removed the profile's file since it was
 * loaded. Nothing was written: reload to see the other version, or overwrite it deliberately
 * ({@link ProfileRepository#overwrite}).
 */
public final class ConflictException extends Exception {

    public enum Kind {
        CHANGED, DELETED
    }

    private final Kind kind;
    private final Path file;

    public ConflictException(Kind kind, Path file, String profileName) {
        super(kind == Kind.CHANGED
                ? "Profile '" + profileName + "' was changed by another program since it was loaded (" + file
                        + "); reload to see those changes, or overwrite them"
                : "Profile '" + profileName + "' was deleted by another program since it was loaded (" + file
                        + "); save it as a new profile to keep it");
        this.kind = kind;
        this.file = file;
    }

    public Kind kind() {
        return kind;
    }

    public Path file() {
        return file;
    }
}
