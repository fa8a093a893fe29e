package dev.wsinspector.core.payload.encode;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One message ready to send.
 *
 * @param payload the message's bytes (UTF-8 for a text message)
 * @param text    true to send it as a text message, false as binary
 */
public record Encoded(byte[] payload, boolean text) {

    public Encoded {
        Objects.requireNonNull(payload, "payload");
        payload = payload.clone();
    }

    static Encoded text(String text) {
        return new Encoded(text.getBytes(StandardCharsets.UTF_8), true);
    }

    static Encoded binary(byte[] bytes) {
        return new Encoded(bytes, false);
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as text (meaningful for a text message). */
    public String asText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
