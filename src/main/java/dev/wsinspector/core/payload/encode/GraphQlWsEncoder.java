package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * graphql-transport-ws messages (the graphql-ws library's PROTOCOL.md): connection_init, ping, pong, subscribe,
 * complete. A subscribe's body is its payload object ({@code {"query":…,"variables":…}}) or just the query text.
 */
public final class GraphQlWsEncoder implements MessageEncoder {

    public static final List<String> TYPES = List.of("subscribe", "complete", "connection_init", "ping", "pong");

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        String type = request.param("type", "subscribe");
        return switch (type) {
            case "subscribe" -> {
                String id = request.param("id");
                yield Encoded.text(subscribe(id.isEmpty() ? Long.toString(context.ids().next()) : id,
                        payload(request.body()), request.param("operationName")));
            }
            case "complete" -> Encoded.text(complete(request.param("id")));
            case "connection_init", "ping", "pong" -> Encoded.text(withPayload(type,
                    EncodeJson.optional(request.body(), "the payload")));
            default -> throw new EncodeException("unknown graphql-transport-ws message type \"" + type + "\" (one of "
                    + String.join(", ", TYPES) + ")");
        };
    }

    private static ObjectNode payload(String body) throws EncodeException {
        String b = body.strip();
        if (b.isEmpty()) {
            throw new EncodeException("no query given");
        }
        if (b.startsWith("{") && !looksLikeQuery(b)) {
            return EncodeJson.object(b, "the subscribe payload");
        }
        return JsonNodeFactory.instance.objectNode().put("query", b);
    }

    /** A selection set ({@code { user { name } }}) is a query, not a JSON object. */
    private static boolean looksLikeQuery(String b) {
        return b.length() > 1 && !b.substring(1).stripLeading().startsWith("\"") && !b.substring(1).stripLeading().startsWith("}");
    }

    /** {@code {"id":…,"type":"subscribe","payload":{"query":…}}}, with {@code operationName} unless blank. */
    public static String subscribe(String id, ObjectNode payload, String operationName) throws EncodeException {
        if (id == null || id.isBlank()) {
            throw new EncodeException("a subscribe needs an id");
        }
        JsonNode query = payload.get("query");
        if (query == null || !query.isTextual() || query.textValue().isBlank()) {
            throw new EncodeException("the subscribe payload needs a \"query\" string");
        }
        ObjectNode p = payload.deepCopy();
        if (operationName != null && !operationName.isBlank()) {
            p.put("operationName", operationName.strip());
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("id", id.strip()).put("type", "subscribe");
        m.set("payload", p);
        return EncodeJson.compact(m);
    }

    public static String complete(String id) throws EncodeException {
        if (id == null || id.isBlank()) {
            throw new EncodeException("a complete needs the id of the operation to stop");
        }
        return EncodeJson.compact(JsonNodeFactory.instance.objectNode().put("id", id.strip()).put("type", "complete"));
    }

    /** connection_init, ping or pong, with an optional payload object. */
    public static String withPayload(String type, JsonNode payload) throws EncodeException {
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("type", type);
        if (payload != null) {
            if (!payload.isObject()) {
                throw new EncodeException("the " + type + " payload must be a JSON object, not " + EncodeJson.kind(payload));
            }
            m.set("payload", payload);
        }
        return EncodeJson.compact(m);
    }
}
