package dev.wsinspector.core.profile;

/** A save refused because the profile's file is in a newer format this version must not rewrite. */
public final class ReadOnlyProfileException extends Exception {

    ReadOnlyProfileException(StoredProfile profile) {
        super("Profile '" + profile.name() + "' is read-only: " + profile.readOnlyReason()
                + ". Use a newer WS Inspector to change it, or duplicate it to get an editable copy");
    }
}
