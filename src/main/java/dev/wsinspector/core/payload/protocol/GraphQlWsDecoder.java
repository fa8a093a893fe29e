package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GraphQL over WebSocket, both protocols: {@code graphql-transport-ws} (the graphql-ws library: connection_init,
 * connection_ack, ping, pong, subscribe, next, error, complete) and the older subscriptions-transport-ws, whose
 * subprotocol is confusingly {@code graphql-ws} (connection_init, connection_ack, connection_error, ka, start,
 * data, error, complete, stop, connection_terminate).
 *
 * <p>Without a subprotocol only types that belong to GraphQL are claimed, with the members they need (an
 * operation with a query, a result with data or errors, the connection_* messages); {@code {"type":"ping"}} or
 * {@code {"type":"complete","id":"1"}} are common outside GraphQL and are left alone.
 */
public final class GraphQlWsDecoder implements ProtocolDecoder {

    static final String NAME = "GraphQL over WebSocket";
    static final String TRANSPORT_WS = "graphql-transport-ws";
    static final String LEGACY_WS = "graphql-ws";

    private static final Set<String> MODERN = Set.of("connection_init", "connection_ack", "ping", "pong", "subscribe",
            "next", "error", "complete");
    private static final Set<String> LEGACY = Set.of("connection_init", "connection_ack", "connection_error", "ka",
            "start", "data", "error", "complete", "stop", "connection_terminate");
    private static final Set<String> KEYS = Set.of("type", "id", "payload");
    private static final Pattern OPERATION = Pattern.compile("^\\s*(?:#[^\\n]*\\n\\s*)*(query|mutation|subscription)\\b");
    private static final int MAX_VALUE = 200;
    private static final int MAX_QUERY_EXCERPT = 120;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.GRAPHQL_WS;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.subprotocolIs(TRANSPORT_WS, LEGACY_WS));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        String flavour = hint.subprotocolIs(TRANSPORT_WS) ? TRANSPORT_WS : hint.subprotocolIs(LEGACY_WS) ? LEGACY_WS : "";
        if (!flavour.isEmpty()) {
            fields.add(new Field("Subprotocol", flavour.equals(LEGACY_WS) ? LEGACY_WS + " (subscriptions-transport-ws)"
                    : TRANSPORT_WS));
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        if (!hinted && !s.contains("\"type\"")) {
            return Optional.empty(); // cheap: ordinary JSON is not parsed a second time
        }
        if (!s.strip().startsWith("{")) {
            return hinted ? Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, "not a JSON object", fields)) : Optional.empty();
        }
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok() || !parsed.node().isObject()) {
            return hinted ? Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, parsed.ok() ? "not a JSON object" : parsed.error(), fields))
                    : Optional.empty();
        }
        JsonNode node = parsed.node();
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            return hinted ? Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, "no \"type\" string", fields)) : Optional.empty();
        }
        String type = typeNode.asText();
        Set<String> known = flavour.equals(TRANSPORT_WS) ? MODERN : flavour.equals(LEGACY_WS) ? LEGACY : null;
        boolean knownType = known != null ? known.contains(type) : MODERN.contains(type) || LEGACY.contains(type);
        if (!hinted) {
            if (!knownType || !KEYS.containsAll(fieldNames(node)) || !claimable(type, node)) {
                return Optional.empty();
            }
        }
        fields.add(new Field("Type", type));
        if (!knownType) {
            return Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, "unknown message type \"" + ProtocolJson.excerpt(type, 40) + "\""
                    + (flavour.isEmpty() ? "" : " for " + flavour), fields));
        }
        JsonNode id = node.get("id");
        String idText = id == null || id.isNull() ? "" : id.asText();
        if (!idText.isEmpty()) {
            fields.add(new Field("Id", idText));
        }
        boolean needsId = Set.of("subscribe", "start", "next", "data", "complete", "stop").contains(type)
                || (type.equals("error") && flavour.equals(TRANSPORT_WS));
        if (needsId && idText.isEmpty()) {
            return Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, "a " + type + " message needs an id", fields));
        }
        JsonNode payloadNode = node.get("payload");
        String summary = type + (idText.isEmpty() ? "" : " #" + idText);
        String body = "";
        boolean jsonBody = false;
        switch (type) {
            case "subscribe", "start" -> {
                if (payloadNode == null || !payloadNode.isObject() || !payloadNode.path("query").isTextual()) {
                    return Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, type + " needs a payload with a query", fields));
                }
                String query = payloadNode.get("query").asText();
                JsonNode operationName = payloadNode.get("operationName");
                if (operationName != null && operationName.isTextual()) {
                    fields.add(new Field("Operation name", operationName.asText()));
                    summary += " " + operationName.asText();
                }
                Matcher m = OPERATION.matcher(query);
                fields.add(new Field("Operation", m.find() ? m.group(1) : query.strip().startsWith("{") ? "query" : "?"));
                fields.add(new Field("Query", ProtocolJson.excerpt(query, MAX_QUERY_EXCERPT)));
                if (payloadNode.hasNonNull("variables")) {
                    fields.add(new Field("Variables", ProtocolJson.compact(payloadNode.get("variables"), MAX_VALUE)));
                }
                if (payloadNode.hasNonNull("extensions")) {
                    fields.add(new Field("Extensions", ProtocolJson.compact(payloadNode.get("extensions"), MAX_VALUE)));
                }
                body = ProtocolJson.cut(query.strip());
            }
            case "next", "data" -> {
                if (payloadNode == null || !payloadNode.isObject()) {
                    return Optional.of(Decoded.malformed(ProtocolId.GRAPHQL_WS, NAME, type + " needs an execution result as payload", fields));
                }
                JsonNode errors = payloadNode.get("errors");
                int errorCount = errors != null && errors.isArray() ? errors.size() : 0;
                if (payloadNode.has("data")) {
                    fields.add(new Field("Data", ProtocolJson.compact(payloadNode.get("data"), MAX_VALUE)));
                }
                if (errorCount > 0) {
                    fields.add(new Field("Errors", Integer.toString(errorCount)));
                    fields.add(new Field("First error", firstMessage(errors)));
                }
                summary += errorCount == 0 ? " (data)" : " (" + errorCount + (errorCount == 1 ? " error)" : " errors)");
                body = ProtocolJson.pretty(payloadNode);
                jsonBody = true;
            }
            case "error", "connection_error" -> {
                String message = payloadNode == null ? "" : payloadNode.isArray() ? firstMessage(payloadNode)
                        : payloadNode.path("message").isTextual() ? payloadNode.get("message").asText()
                        : payloadNode.isTextual() ? payloadNode.asText() : "";
                if (payloadNode != null && payloadNode.isArray()) {
                    fields.add(new Field("Errors", Integer.toString(payloadNode.size())));
                }
                if (!message.isEmpty()) {
                    fields.add(new Field("Message", message));
                    summary += ": " + ProtocolJson.excerpt(message, 100);
                }
                if (payloadNode != null) {
                    body = ProtocolJson.pretty(payloadNode);
                    jsonBody = true;
                }
            }
            default -> {
                if (payloadNode != null && !payloadNode.isNull()) {
                    fields.add(new Field("Payload", ProtocolJson.compact(payloadNode, MAX_VALUE)));
                    body = ProtocolJson.pretty(payloadNode);
                    jsonBody = true;
                }
            }
        }
        ObjectNode data = ProtocolJson.object();
        if (!flavour.isEmpty()) {
            data.put("subprotocol", flavour);
        }
        data.put("type", type);
        if (!idText.isEmpty()) {
            data.put("id", idText);
        }
        if (payloadNode != null) {
            data.set("payload", payloadNode);
        }
        return Optional.of(Decoded.of(ProtocolId.GRAPHQL_WS, NAME, summary, fields, body, jsonBody, data));
    }

    /** Without a subprotocol: only messages that could hardly be anything but GraphQL. */
    private static boolean claimable(String type, JsonNode node) {
        JsonNode payload = node.path("payload");
        boolean hasId = node.path("id").isTextual() || node.path("id").isNumber();
        return switch (type) {
            case "connection_init", "connection_ack", "connection_error", "connection_terminate", "ka" -> !node.has("id");
            case "subscribe", "start" -> hasId && payload.isObject() && payload.path("query").isTextual();
            case "next", "data" -> hasId && payload.isObject() && (payload.has("data") || payload.has("errors"));
            case "error" -> hasId && (payload.isArray() && !payload.isEmpty() && payload.get(0).has("message"));
            default -> false; // ping, pong, complete, stop: too common outside GraphQL
        };
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static String firstMessage(JsonNode errors) {
        if (errors == null || !errors.isArray() || errors.isEmpty()) {
            return "";
        }
        JsonNode first = errors.get(0);
        return first.path("message").isTextual() ? first.get("message").asText() : ProtocolJson.compact(first, MAX_VALUE);
    }
}
