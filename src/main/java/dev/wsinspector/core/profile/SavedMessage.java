package dev.wsinspector.core.profile;

import dev.wsinspector.core.compose.MessageMode;

import java.util.Objects;

/**
 * A message kept with a profile, sent with one click, by a replay, or automatically on connect.
 *
 * @param type          how {@code body} is read (as in the composer): text, JSON, hex or base64
 * @param body          may contain {@code {{variables}}}, resolved when sent
 * @param sendOnConnect sent right after the connection opens, in the profile's message order
 */
public record SavedMessage(String name, String description, MessageMode type, String body, boolean sendOnConnect,
                           UnknownFields unknown) {

    public SavedMessage {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        Objects.requireNonNull(type, "type");
        if (!type.isSavable()) {
            throw new IllegalArgumentException("A saved message cannot be a crafted frame");
        }
        body = body == null ? "" : body;
        unknown = unknown == null ? UnknownFields.NONE : unknown;
    }

    public SavedMessage(String name, MessageMode type, String body) {
        this(name, "", type, body, false, UnknownFields.NONE);
    }

    public static SavedMessage text(String name, String body) {
        return new SavedMessage(name, MessageMode.TEXT, body);
    }

    public SavedMessage withName(String value) {
        return new SavedMessage(value, description, type, body, sendOnConnect, unknown);
    }

    public SavedMessage withDescription(String value) {
        return new SavedMessage(name, value, type, body, sendOnConnect, unknown);
    }

    public SavedMessage withType(MessageMode value) {
        return new SavedMessage(name, description, value, body, sendOnConnect, unknown);
    }

    public SavedMessage withBody(String value) {
        return new SavedMessage(name, description, type, value, sendOnConnect, unknown);
    }

    public SavedMessage withSendOnConnect(boolean value) {
        return new SavedMessage(name, description, type, body, value, unknown);
    }
}
