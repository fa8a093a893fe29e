package dev.wsinspector.core.profile;

/**
 * A profile file of a {@code schemaVersion} this version cannot read or must not write: one written by a newer
 * WS Inspector, or an old one with no migration. Such a file is left untouched (never moved aside as corrupt).
 */
public final class UnsupportedVersionException extends ProfileFormatException {

    private final int version;

    public UnsupportedVersionException(String message, int version) {
        super(message);
        this.version = version;
    }

    public int version() {
        return version;
    }
}
