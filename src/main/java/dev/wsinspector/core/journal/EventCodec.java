package dev.wsinspector.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Connection events as the JSON of a journal's event records: lossless (every field of every event, secrets
 * included: the journal is the user's own evidence, kept owner-readable), unlike the JSONL export which masks.
 * Unknown event types written by a newer minor version decode to {@code null} and are skipped.
 */
final class EventCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCodec() {
    }

    static byte[] encode(ConnectionEvent event) {
        ObjectNode n = JSON.createObjectNode();
        if (event instanceof ConnectionEvent.Connecting c) {
            n.put("type", "connecting").put("url", c.url());
        } else if (event instanceof ConnectionEvent.Opened o) {
            n.put("type", "open").put("url", o.url()).set("handshake", handshake(o.handshake()));
        } else if (event instanceof ConnectionEvent.Closed c) {
            n.put("type", "close").put("code", c.code()).put("reason", c.reason()).put("remote", c.remote())
                    .put("clean", c.clean());
        } else if (event instanceof ConnectionEvent.Failed f) {
            n.put("type", "error").put("kind", f.kind().name()).put("message", f.message());
            if (f.handshake() != null) {
                n.set("handshake", handshake(f.handshake()));
            }
        } else if (event instanceof ConnectionEvent.Reconnecting r) {
            n.put("type", "reconnecting").put("attempt", r.attempt()).put("maxAttempts", r.maxAttempts())
                    .put("delayMillis", r.delayMillis());
        } else if (event instanceof ConnectionEvent.Note note) {
            n.put("type", "note").put("level", note.level()).put("message", note.message());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode event " + event, e);
        }
    }

    /** The event, or null for a type this version does not know. */
    static ConnectionEvent decode(long frameIndex, long epochMicros, byte[] json) throws IOException {
        JsonNode n = JSON.readTree(json);
        String type = n.path("type").asText();
        return switch (type) {
            case "connecting" -> new ConnectionEvent.Connecting(epochMicros, frameIndex, n.path("url").asText());
            case "open" -> new ConnectionEvent.Opened(epochMicros, frameIndex, n.path("url").asText(),
                    handshake(n.path("handshake")));
            case "close" -> new ConnectionEvent.Closed(epochMicros, frameIndex, n.path("code").asInt(),
                    n.path("reason").asText(), n.path("remote").asBoolean(), n.path("clean").asBoolean());
            case "error" -> new ConnectionEvent.Failed(epochMicros, frameIndex, kind(n.path("kind").asText()),
                    n.path("message").asText(), n.has("handshake") ? handshake(n.path("handshake")) : null);
            case "reconnecting" -> new ConnectionEvent.Reconnecting(epochMicros, frameIndex,
                    n.path("attempt").asInt(), n.path("maxAttempts").asInt(), n.path("delayMillis").asLong());
            case "note" -> new ConnectionEvent.Note(epochMicros, frameIndex, n.path("level").asText("info"),
                    n.path("message").asText());
            default -> null;
        };
    }

    private static FailureKind kind(String name) {
        try {
            return FailureKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return FailureKind.OTHER;
        }
    }

    private static ObjectNode handshake(Handshake h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("requestLine", h.requestLine());
        n.set("requestHeaders", headers(h.requestHeaders()));
        n.put("statusCode", h.statusCode());
        n.put("statusLine", h.statusLine());
        n.set("responseHeaders", headers(h.responseHeaders()));
        n.put("responseBody", Base64.getEncoder().encodeToString(h.responseBody()));
        return n;
    }

    private static Handshake handshake(JsonNode n) {
        return new Handshake(n.path("requestLine").asText(), headers(n.path("requestHeaders")),
                n.path("statusCode").asInt(), n.path("statusLine").asText(), headers(n.path("responseHeaders")),
                Base64.getDecoder().decode(n.path("responseBody").asText("")));
    }

    private static ArrayNode headers(List<HttpHeader> headers) {
        ArrayNode a = JSON.createArrayNode();
        headers.forEach(h -> a.addArray().add(h.name()).add(h.value()));
        return a;
    }

    private static List<HttpHeader> headers(JsonNode a) {
        List<HttpHeader> list = new ArrayList<>();
        a.forEach(h -> list.add(new HttpHeader(h.path(0).asText(), h.path(1).asText())));
        return list;
    }
}
