package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * One whole message from the server, put together from its frames {@code firstSeq..lastSeq}; its text and JSON
 * tree are made once, when a matcher first asks.
 */
public final class Received {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long firstSeq;
    private final long lastSeq;
    private final boolean binary;
    private final byte[] bytes;
    private final long monoNanos;
    private String text;
    private boolean textDone;
    private JsonNode json;
    private boolean jsonDone;

    public Received(long firstSeq, long lastSeq, boolean binary, byte[] bytes, long monoNanos) {
        this.firstSeq = firstSeq;
        this.lastSeq = lastSeq;
        this.binary = binary;
        this.bytes = bytes;
        this.monoNanos = monoNanos;
    }

    public long firstSeq() {
        return firstSeq;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public boolean binary() {
        return binary;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** When its first frame was captured (the capture clock's nanoseconds). */
    public long monoNanos() {
        return monoNanos;
    }

    /** The payload as UTF-8 text, or null when it is not valid UTF-8. */
    public String text() {
        if (!textDone) {
            textDone = true;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = null;
            }
        }
        return text;
    }

    /** The payload read as JSON, or null when it is not JSON. */
    public JsonNode json() {
        if (!jsonDone) {
            jsonDone = true;
            String t = text();
            if (t != null && !t.isBlank()) {
                try {
                    json = JSON.readTree(t);
                } catch (IOException e) {
                    json = null;
                }
            }
        }
        return json;
    }

    /** For reports: the text (shortened) or the base64 of a binary payload. */
    public String preview() {
        String t = text();
        String shown = t != null && !binary ? t : "base64:" + Base64.getEncoder().encodeToString(
                bytes.length > 48 ? java.util.Arrays.copyOf(bytes, 48) : bytes);
        return Step.shorten(shown);
    }
}
