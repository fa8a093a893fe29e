package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SockJS framing over its raw WebSocket transport (sockjs-protocol 0.3.3, "Framing"): the server sends {@code o}
 * (open), {@code h} (heartbeat), {@code a["…","…"]} (messages) and {@code c[3000,"Go away!"]} (close); the
 * client sends a JSON array of strings (or one JSON string). The messages inside are what the application speaks,
 * most often STOMP, so each is read again by the other decoders.
 *
 * <p>Without the hint (a {@code /sockjs} URL, the {@code /<server>/<session>/websocket} path, or a forced decoder)
 * only {@code a[…]} with strings and {@code c[code,"reason"]} are claimed: {@code o} and {@code h} are one letter.
 */
public final class SockJsDecoder implements ProtocolDecoder {

    static final String NAME = "SockJS";
    private static final int MAX_INNER = 100;
    /** {@code …/<server>/<session>/websocket}: the path every SockJS client opens for its WebSocket transport. */
    private static final Pattern RAW_WEBSOCKET_PATH = Pattern.compile("^[a-z]+://[^?#]*/[^/?#]+/[^/?#]+/websocket/?([?#].*)?$");

    private final ProtocolDecoders inner;

    /** @param inner reads the messages inside {@code a[…]}; it must not hold this decoder */
    public SockJsDecoder(ProtocolDecoders inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.SOCKJS;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && (hint.pathContains("/sockjs")
                || RAW_WEBSOCKET_PATH.matcher(hint.url().toLowerCase(Locale.ROOT)).matches()));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text || payload.length == 0) {
            return hinted && text ? Optional.of(malformed("empty frame")) : Optional.empty();
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        char kind = s.charAt(0);
        if (s.length() == 1 && (kind == 'o' || kind == 'h')) {
            if (!hinted) {
                return Optional.empty();
            }
            String frame = kind == 'o' ? "open" : "heartbeat";
            return Optional.of(Decoded.of(id(), NAME, frame, ProtocolJson.object().put("frame", frame), "", false));
        }
        if (kind == 'a' || (kind == 'm' && hinted)) {
            return messages(s.substring(1), hinted, hint, kind == 'm');
        }
        if (kind == 'c') {
            return close(s.substring(1), hinted);
        }
        if (hinted && (kind == '[' || kind == '"')) {
            return messages(s, true, hint, kind == '"'); // what the client sends: no frame letter
        }
        return hinted ? Optional.of(malformed("unknown frame type '" + new String(Character.toChars(s.codePointAt(0)))
                + "' (o, h, a, c)")) : Optional.empty();
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    private Optional<Decoded> messages(String json, boolean hinted, ProtocolHint hint, boolean single) {
        ProtocolJson.Parsed parsed = ProtocolJson.parse(json);
        JsonNode node = parsed.node();
        boolean ok = parsed.ok() && (single ? node.isTextual() : node.isArray() && !node.isEmpty() && allText(node));
        if (!ok) {
            return hinted ? Optional.of(malformed((single ? "a message frame holds one JSON string"
                    : "a message frame holds a JSON array of strings") + (parsed.ok() ? "" : " (" + parsed.error() + ")")))
                    : Optional.empty();
        }
        ArrayNode texts = single ? ProtocolJson.object().arrayNode().add(node) : (ArrayNode) node;
        ProtocolHint innerHint = new ProtocolHint(hint.subprotocol(), "");
        ObjectNode data = ProtocolJson.object().put("frame", "array");
        data.set("messages", texts);
        ArrayNode decoded = data.putArray("decoded");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Frame", "messages (" + texts.size() + ")"));
        String firstSummary = "";
        boolean anyDecoded = false;
        for (int i = 0; i < texts.size(); i++) {
            String message = texts.get(i).asText();
            Optional<Decoded> d = i < MAX_INNER ? inner.decode(message.getBytes(StandardCharsets.UTF_8), true, innerHint)
                    : Optional.empty();
            decoded.add(d.<JsonNode>map(Decoded::toJson).orElse(ProtocolJson.object().nullNode()));
            anyDecoded |= d.isPresent();
            String shown = d.map(x -> x.protocol() + " " + x.summary()).orElse(ProtocolJson.excerpt(message, 120));
            if (i == 0) {
                firstSummary = shown;
            }
            if (i < 200) {
                fields.add(new Field("[" + i + "]", shown));
            }
        }
        if (!anyDecoded) {
            data.remove("decoded");
        }
        String summary = texts.size() == 1 ? "message: " + firstSummary
                : texts.size() + " messages: " + firstSummary + ", …";
        String body = texts.size() == 1 ? ProtocolJson.cut(texts.get(0).asText()) : ProtocolJson.pretty(texts);
        return Optional.of(Decoded.of(id(), NAME, ProtocolJson.excerpt(summary, 200), fields, body, texts.size() > 1,
                data));
    }

    private Optional<Decoded> close(String json, boolean hinted) {
        ProtocolJson.Parsed parsed = ProtocolJson.parse(json);
        JsonNode node = parsed.node();
        if (!parsed.ok() || !node.isArray() || node.size() != 2 || !node.get(0).isInt() || !node.get(1).isTextual()) {
            return hinted ? Optional.of(malformed("a close frame is c[code,\"reason\"]")) : Optional.empty();
        }
        int code = node.get(0).asInt();
        String reason = node.get(1).asText();
        ObjectNode data = ProtocolJson.object().put("frame", "close").put("code", code).put("reason", reason);
        return Optional.of(Decoded.of(id(), NAME, "close " + code + " \"" + ProtocolJson.excerpt(reason, 80) + "\"",
                data, "", false));
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
