package dev.wsinspector.core.profile;

import dev.wsinspector.core.session.HttpHeader;

import java.util.Objects;

/**
 * A handshake header of a profile. The value may contain {@code {{variables}}}.
 *
 * @param secret masked in the UI and left out of exports unless the user opts in
 */
public record ProfileHeader(String name, String value, boolean secret, UnknownFields unknown) {

    public ProfileHeader {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        unknown = unknown == null ? UnknownFields.NONE : unknown;
    }

    /** A header, secret when its name looks like a credential (Authorization, Cookie, *token*, …). */
    public static ProfileHeader of(String name, String value) {
        return new ProfileHeader(name, value, new HttpHeader(name, "").isSecret(), UnknownFields.NONE);
    }

    public ProfileHeader(String name, String value, boolean secret) {
        this(name, value, secret, UnknownFields.NONE);
    }

    public ProfileHeader withValue(String newValue) {
        return new ProfileHeader(name, newValue, secret, unknown);
    }

    public ProfileHeader withSecret(boolean newSecret) {
        return new ProfileHeader(name, value, newSecret, unknown);
    }
}
