package dev.wsinspector.core.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8 decoding: a payload is shown as text only when every byte decodes, never with replacement chars. */
final class Utf8 {

    private Utf8() {
    }

    /** The text, or empty when {@code bytes} is not well-formed UTF-8. */
    static Optional<String> decode(byte[] bytes, int offset, int length) {
        // A new decoder per call: decoders are stateful and not thread-safe, and this is not a hot path.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<String> decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }
}
