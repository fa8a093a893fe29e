package dev.wsinspector.core.protocol;

import dev.wsinspector.core.payload.encode.Encoded;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Small helpers of the clients. */
final class Replies {

    private Replies() {
    }

    static List<Encoded> text(String... messages) {
        return java.util.Arrays.stream(messages).map(m -> new Encoded(m.getBytes(StandardCharsets.UTF_8), true)).toList();
    }

    static List<Encoded> binary(byte[] message) {
        return List.of(new Encoded(message, false));
    }

    static String utf8(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
