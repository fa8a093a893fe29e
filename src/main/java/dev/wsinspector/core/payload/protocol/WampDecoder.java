package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * WAMP v2 with the JSON serializer ({@code wamp.2.json}; {@code wamp.2.json.batched} ends each message with
 * 0x1E): every message is a JSON array {@code [code, …]}, its members fixed by the code (the WAMP specification,
 * "Message Codes and Direction" and "Message Definitions"): HELLO 1, WELCOME 2, ABORT 3, CHALLENGE 4,
 * AUTHENTICATE 5, GOODBYE 6, ERROR 8, PUBLISH 16, PUBLISHED 17, SUBSCRIBE 32 … YIELD 70.
 *
 * <p>Without the subprotocol (or a forced decoder) a JSON array of a number and strings is far too common, so only
 * HELLO and WELCOME with their {@code roles} are claimed.
 */
public final class WampDecoder implements ProtocolDecoder {

    static final String NAME = "WAMP";

    /** Name and member names after the code; {@code args}/{@code kwargs} are optional at the end. */
    private record Shape(String name, List<String> members, boolean payload) {
    }

    private static final Map<Integer, Shape> SHAPES = Map.ofEntries(
            Map.entry(1, new Shape("HELLO", List.of("realm", "details"), false)),
            Map.entry(2, new Shape("WELCOME", List.of("session", "details"), false)),
            Map.entry(3, new Shape("ABORT", List.of("details", "reason"), false)),
            Map.entry(4, new Shape("CHALLENGE", List.of("authMethod", "extra"), false)),
            Map.entry(5, new Shape("AUTHENTICATE", List.of("signature", "extra"), false)),
            Map.entry(6, new Shape("GOODBYE", List.of("details", "reason"), false)),
            Map.entry(8, new Shape("ERROR", List.of("requestType", "request", "details", "error"), true)),
            Map.entry(16, new Shape("PUBLISH", List.of("request", "options", "topic"), true)),
            Map.entry(17, new Shape("PUBLISHED", List.of("request", "publication"), false)),
            Map.entry(32, new Shape("SUBSCRIBE", List.of("request", "options", "topic"), false)),
            Map.entry(33, new Shape("SUBSCRIBED", List.of("request", "subscription"), false)),
            Map.entry(34, new Shape("UNSUBSCRIBE", List.of("request", "subscription"), false)),
            Map.entry(35, new Shape("UNSUBSCRIBED", List.of("request"), false)),
            Map.entry(36, new Shape("EVENT", List.of("subscription", "publication", "details"), true)),
            Map.entry(48, new Shape("CALL", List.of("request", "options", "procedure"), true)),
            Map.entry(49, new Shape("CANCEL", List.of("request", "options"), false)),
            Map.entry(50, new Shape("RESULT", List.of("request", "details"), true)),
            Map.entry(64, new Shape("REGISTER", List.of("request", "options", "procedure"), false)),
            Map.entry(65, new Shape("REGISTERED", List.of("request", "registration"), false)),
            Map.entry(66, new Shape("UNREGISTER", List.of("request", "registration"), false)),
            Map.entry(67, new Shape("UNREGISTERED", List.of("request"), false)),
            Map.entry(68, new Shape("INVOCATION", List.of("request", "registration", "details"), true)),
            Map.entry(69, new Shape("INTERRUPT", List.of("request", "options"), false)),
            Map.entry(70, new Shape("YIELD", List.of("request", "options"), true)));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.WAMP;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.subprotocolIs("wamp.2.json", "wamp.2.json.batched"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text) {
            return Optional.empty(); // wamp.2.msgpack / cbor: binary serializers, read elsewhere
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        if (!s.strip().startsWith("[")) {
            return hinted ? Optional.of(malformed("a WAMP message is a JSON array")) : Optional.empty();
        }
        if (hinted && s.indexOf(0x1E) >= 0) {
            return batched(s);
        }
        Msg m = message(s, hinted);
        if (m == null) {
            return Optional.empty();
        }
        if (m.problem != null) {
            return Optional.of(malformed(m.problem));
        }
        return Optional.of(Decoded.of(id(), NAME, m.summary, m.data, m.body, !m.body.isEmpty()));
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    private Optional<Decoded> batched(String s) {
        ObjectNode data = ProtocolJson.object();
        ArrayNode all = data.putArray("messages");
        List<Field> fields = new ArrayList<>();
        String first = "";
        int n = 0;
        for (String part : s.split("\u001e")) {
            if (part.isBlank()) {
                continue;
            }
            Msg m = message(part, true);
            if (m.problem != null) {
                return Optional.of(malformed("message " + (n + 1) + ": " + m.problem));
            }
            all.add(m.data);
            fields.add(new Field("[" + n + "]", m.summary));
            first = n == 0 ? m.summary : first;
            n++;
            if (n == 1000) {
                break;
            }
        }
        return Optional.of(Decoded.of(id(), NAME, n + " messages: " + first + (n > 1 ? ", …" : ""), fields,
                ProtocolJson.pretty(all), true, data));
    }

    private record Msg(String summary, ObjectNode data, String body, String problem) {
        static Msg bad(String problem) {
            return new Msg("", null, "", problem);
        }
    }

    /** One message; null when unhinted and not unmistakably WAMP. */
    private static Msg message(String s, boolean hinted) {
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok()) {
            return hinted ? Msg.bad(parsed.error()) : null;
        }
        JsonNode root = parsed.node();
        if (!root.isArray() || root.isEmpty() || !root.get(0).isInt()) {
            return hinted ? Msg.bad("a WAMP message is an array starting with its code") : null;
        }
        int code = root.get(0).asInt();
        Shape shape = SHAPES.get(code);
        if (shape == null) {
            return hinted ? Msg.bad("unknown message code " + code) : null;
        }
        if (!hinted && !((code == 1 && root.path(1).isTextual() || code == 2 && root.path(1).isIntegralNumber())
                && root.size() == 3 && root.get(2).path("roles").isObject())) {
            return null;
        }
        int fixed = shape.members.size() + 1;
        int max = fixed + (shape.payload ? 2 : 0);
        if (root.size() < fixed || root.size() > max) {
            return Msg.bad(shape.name + " has " + (fixed == max ? fixed : fixed + " to " + max) + " elements, not "
                    + root.size());
        }
        ObjectNode data = ProtocolJson.object().put("type", shape.name).put("code", code);
        for (int i = 0; i < shape.members.size(); i++) {
            data.set(shape.members.get(i), root.get(i + 1));
        }
        JsonNode args = root.size() > fixed ? root.get(fixed) : null;
        JsonNode kwargs = root.size() > fixed + 1 ? root.get(fixed + 1) : null;
        if (args != null && !args.isArray() || kwargs != null && !kwargs.isObject()) {
            return Msg.bad(shape.name + ": arguments must be an array and keyword arguments an object");
        }
        if (args != null) {
            data.set("args", args);
        }
        if (kwargs != null) {
            data.set("kwargs", kwargs);
        }
        if (code == 8) {
            JsonNode type = root.get(1);
            Shape of = type.isInt() ? SHAPES.get(type.asInt()) : null;
            if (of != null) {
                data.put("requestTypeName", of.name);
            }
        }
        StringBuilder summary = new StringBuilder(shape.name);
        for (String key : new String[]{"realm", "topic", "procedure", "error", "reason", "authMethod"}) {
            if (data.path(key).isTextual()) {
                summary.append(' ').append(ProtocolJson.excerpt(data.get(key).asText(), 80));
            }
        }
        if (code == 8 && data.has("requestTypeName")) {
            summary.append(" (").append(data.get("requestTypeName").asText()).append(')');
        }
        for (String key : new String[]{"request", "session", "subscription", "registration"}) {
            if (data.has(key) && data.get(key).isIntegralNumber()) {
                summary.append(key.equals("request") ? " #" : " " + key + " ").append(data.get(key).asText());
                break;
            }
        }
        JsonNode body = kwargs != null ? ProtocolJson.array(List.of(args, kwargs)) : args;
        return new Msg(summary.toString(), data, body == null ? "" : ProtocolJson.pretty(body), null);
    }
}
