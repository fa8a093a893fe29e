package dev.wsinspector.core.compose;

import java.nio.charset.StandardCharsets;

/**
 * A message ready to send: the composer's input checked and converted.
 *
 * @param binary true for a binary message, false for text
 * @param bytes  payload (UTF-8 for text)
 */
public record ComposedMessage(boolean binary, byte[] bytes) {

    public ComposedMessage {
        bytes = bytes.clone();
    }

    public static ComposedMessage text(String text) {
        return new ComposedMessage(false, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
