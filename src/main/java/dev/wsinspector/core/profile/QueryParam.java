package dev.wsinspector.core.profile;

import java.util.Objects;

/**
 * A query parameter appended to the profile's URL (kept apart from the URL so it can be edited as a table
 * and marked secret: browsers cannot set headers, so tokens often travel in the query).
 */
public record QueryParam(String name, String value, boolean secret, UnknownFields unknown) {

    public QueryParam {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        unknown = unknown == null ? UnknownFields.NONE : unknown;
    }

    public QueryParam(String name, String value) {
        this(name, value, false, UnknownFields.NONE);
    }

    public QueryParam withValue(String newValue) {
        return new QueryParam(name, newValue, secret, unknown);
    }
}
