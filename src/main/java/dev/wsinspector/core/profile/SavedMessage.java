package dev.wsinspector.core.profile;

import dev.wsinspector.core.compose.MessageMode;

import java.util.Objects;

/**
 * A message kept with a profile, sent with one click, by a replay, or automatically on connect.
 *
 * @param type          how {@code body} is read (as in the composer): text, JSON, hex or base64
 * @param body          may contain {@code {{variables}}}, resolved when sent
 * @param sendOnConnect sent right after the connection opens, in the profile's message order
 * @param format        for {@link MessageMode#PROTOCOL}: the format's machine name ({@code msgpack},
 *                      {@code socket.io-event}, … as {@code core.payload.encode.MessageFormat} names them) and its
 *                      inputs; {@link Format#NONE} for the other types
 */
public record SavedMessage(String name, String description, MessageMode type, String body, boolean sendOnConnect,
                           UnknownFields unknown, Format format) {

    /** A protocol message's format and inputs (event name, topic, …), values possibly with {@code {{variables}}}. */
    public record Format(String id, java.util.Map<String, String> params) {
        public static final Format NONE = new Format("", java.util.Map.of());

        public Format {
            id = id == null ? "" : id;
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                    params == null ? java.util.Map.of() : params));
        }
    }

    public SavedMessage {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Objects.requireNonNull(type, "type");
        if (!type.isSavable()) {
            throw new IllegalArgumentException("A saved message cannot be a crafted frame");
        }
        body = body == null ? "" : body;
        unknown = unknown == null ? UnknownFields.NONE : unknown;
        format = format == null || type != MessageMode.PROTOCOL ? Format.NONE : format;
    }

    public SavedMessage(String name, String description, MessageMode type, String body, boolean sendOnConnect,
                        UnknownFields unknown) {
        this(name, description, type, body, sendOnConnect, unknown, Format.NONE);
    }

    /** A protocol message: {@code body} sent as {@code format}. */
    public static SavedMessage formatted(String name, Format format, String body) {
        return new SavedMessage(name, "", MessageMode.PROTOCOL, body, false, UnknownFields.NONE, format);
    }

    public SavedMessage(String name, MessageMode type, String body) {
        this(name, "", type, body, false, UnknownFields.NONE);
    }

    public static SavedMessage text(String name, String body) {
        return new SavedMessage(name, MessageMode.TEXT, body);
    }

    public SavedMessage withName(String value) {
        return new SavedMessage(value, description, type, body, sendOnConnect, unknown, format);
    }

    public SavedMessage withDescription(String value) {
        return new SavedMessage(name, value, type, body, sendOnConnect, unknown, format);
    }

    public SavedMessage withType(MessageMode value) {
        return new SavedMessage(name, description, value, body, sendOnConnect, unknown, format);
    }

    public SavedMessage withBody(String value) {
        return new SavedMessage(name, description, type, value, sendOnConnect, unknown, format);
    }

    public SavedMessage withSendOnConnect(boolean value) {
        return new SavedMessage(name, description, type, body, value, unknown, format);
    }
}
