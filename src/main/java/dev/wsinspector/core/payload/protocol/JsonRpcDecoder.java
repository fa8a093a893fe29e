package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-RPC 2.0: requests (method and id), notifications (method, no id), responses (result or error, and id)
 * and batches of those. Every message must carry {@code "jsonrpc": "2.0"}; that member is what tells JSON-RPC
 * from any other JSON, so an object without it is never claimed, not even on a connection whose subprotocol
 * names JSON-RPC (there it is reported as malformed).
 */
public final class JsonRpcDecoder implements ProtocolDecoder {

    static final String NAME = "JSON-RPC 2.0";
    private static final ProtocolId ID = ProtocolId.JSON_RPC;
    private static final int MAX_VALUE = 200;
    private static final int MAX_BATCH_ROWS = 200;

    private static final Map<Integer, String> STANDARD_ERRORS = Map.of(
            -32700, "Parse error",
            -32600, "Invalid Request",
            -32601, "Method not found",
            -32602, "Invalid params",
            -32603, "Internal error");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.JSON_RPC;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty()
                && (hint.subprotocolContains("jsonrpc") || hint.subprotocolContains("json-rpc")));
    }

    /** The standard name of a JSON-RPC error code, or empty: {@code -32601} is {@code Method not found}. */
    public static String errorName(long code) {
        String standard = STANDARD_ERRORS.get((int) code);
        if (standard != null && code == (int) code) {
            return standard;
        }
        return code >= -32099 && code <= -32000 ? "Server error" : "";
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text || !looksLikeJson(payload)) {
            return hinted && text ? Optional.of(Decoded.malformed(ID, NAME, "not a JSON object or array", List.of()))
                    : Optional.empty();
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        if (!hinted && !s.contains("\"jsonrpc\"")) {
            return Optional.empty(); // cheap: ordinary JSON is not parsed a second time
        }
        ProtocolJson.Parsed parsed = ProtocolJson.parse(s);
        if (!parsed.ok()) {
            return hinted ? Optional.of(Decoded.malformed(ID, NAME, parsed.error(), List.of())) : Optional.empty();
        }
        JsonNode root = parsed.node();
        if (root.isArray()) {
            return batch(root, hinted);
        }
        if (!hinted && !isVersion2(root)) {
            return Optional.empty();
        }
        Message m = message(root);
        if (m.problem != null) {
            return Optional.of(Decoded.malformed(ID, NAME, m.problem, m.fields));
        }
        return Optional.of(Decoded.of(ID, NAME, m.summary, m.fields, m.body == null ? "" : ProtocolJson.pretty(m.body),
                m.body != null, data(m.kind, root)));
    }

    private static Optional<Decoded> batch(JsonNode root, boolean hinted) {
        // Without the hint: objects only, at least one of them JSON-RPC 2.0 (a batch may hold invalid requests).
        boolean allObjects = true;
        boolean anyVersion2 = false;
        for (JsonNode element : root) {
            allObjects &= element.isObject();
            anyVersion2 |= isVersion2(element);
        }
        if (!hinted && !(allObjects && anyVersion2)) {
            return Optional.empty();
        }
        if (root.isEmpty()) {
            return Optional.of(Decoded.malformed(ID, NAME, "empty batch", List.of()));
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Kind", "batch"));
        fields.add(new Field("Messages", Integer.toString(root.size())));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        ObjectNode data = ProtocolJson.object().put("kind", "batch");
        ArrayNode messages = data.putArray("messages");
        int bad = 0;
        for (int i = 0; i < root.size(); i++) {
            Message m = message(root.get(i));
            messages.add(m.problem != null ? ProtocolJson.object().put("malformed", m.problem) : data(m.kind, root.get(i)));
            if (m.problem != null) {
                bad++;
            }
            kinds.merge(m.problem != null ? "malformed" : m.kind, 1, Integer::sum);
            if (i < MAX_BATCH_ROWS) {
                fields.add(new Field("[" + i + "]", m.problem != null ? "malformed: " + m.problem : m.summary));
            }
        }
        if (root.size() > MAX_BATCH_ROWS) {
            fields.add(new Field("…", (root.size() - MAX_BATCH_ROWS) + " more"));
        }
        StringBuilder summary = new StringBuilder("batch of ").append(root.size()).append(':');
        String sep = " ";
        for (Map.Entry<String, Integer> kind : kinds.entrySet()) {
            summary.append(sep).append(kind.getValue()).append(' ').append(kind.getKey())
                    .append(kind.getValue() > 1 && !kind.getKey().equals("malformed") ? "s" : "");
            sep = ", ";
        }
        if (bad == root.size()) {
            return Optional.of(Decoded.malformed(ID, NAME, "no message of the batch is valid JSON-RPC 2.0", fields));
        }
        return Optional.of(Decoded.of(ID, NAME, summary.toString(), fields, ProtocolJson.pretty(root), true, data));
    }

    /** For scripts: the kind, then the message's members that JSON-RPC defines, but {@code jsonrpc}. */
    private static ObjectNode data(String kind, JsonNode message) {
        ObjectNode data = ProtocolJson.object().put("kind", kind);
        for (String member : new String[]{"method", "id", "params", "result", "error"}) {
            if (message.has(member)) {
                data.set(member, message.get(member));
            }
        }
        return data;
    }

    private static boolean isVersion2(JsonNode node) {
        return node.isObject() && node.path("jsonrpc").isTextual() && node.get("jsonrpc").asText().equals("2.0");
    }

    /** One message; {@code problem} is set when it is not valid JSON-RPC 2.0. */
    private record Message(String kind, String summary, List<Field> fields, JsonNode body, String problem) {
    }

    private static Message message(JsonNode node) {
        List<Field> fields = new ArrayList<>();
        if (!node.isObject()) {
            return new Message("", "", fields, null, "a message must be an object, not " + ProtocolJson.shape(node));
        }
        if (!isVersion2(node)) {
            return new Message("", "", fields, null, node.has("jsonrpc")
                    ? "\"jsonrpc\" must be \"2.0\", not " + ProtocolJson.compact(node.get("jsonrpc"), 40)
                    : "missing \"jsonrpc\": \"2.0\"");
        }
        JsonNode id = node.get("id");
        if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return new Message("", "", fields, null, "id must be a string, a number or null");
        }
        String idText = id == null ? "" : id.isTextual() ? id.asText() : id.toString();
        if (node.has("method")) {
            JsonNode method = node.get("method");
            if (!method.isTextual()) {
                return new Message("", "", fields, null, "method must be a string");
            }
            if (node.has("result") || node.has("error")) {
                return new Message("", "", fields, null, "a request cannot carry result or error");
            }
            JsonNode params = node.get("params");
            if (params != null && !params.isContainerNode()) {
                return new Message("", "", fields, null, "params must be an array or an object");
            }
            String kind = id == null ? "notification" : "request";
            fields.add(new Field("Kind", kind));
            fields.add(new Field("Method", method.asText()));
            if (id != null) {
                fields.add(new Field("Id", idText));
            }
            fields.add(new Field("Params", ProtocolJson.shape(params)));
            if (params != null) {
                addMembers(fields, params);
            }
            String summary = id == null ? "notification " + method.asText() : "request #" + idText + " " + method.asText();
            return new Message(kind, summary, fields, params, null);
        }
        boolean hasResult = node.has("result");
        boolean hasError = node.has("error");
        if (!hasResult && !hasError) {
            return new Message("", "", fields, null, "neither a method (request) nor a result or error (response)");
        }
        if (hasResult && hasError) {
            return new Message("", "", fields, null, "a response carries result or error, not both");
        }
        if (id == null) {
            return new Message("", "", fields, null, "a response must carry an id");
        }
        fields.add(new Field("Kind", "response"));
        fields.add(new Field("Id", idText));
        if (hasResult) {
            fields.add(new Field("Result", ProtocolJson.shape(node.get("result"))));
            addMembers(fields, node.get("result"));
            return new Message("response", "response #" + idText + " result", fields, node.get("result"), null);
        }
        JsonNode error = node.get("error");
        if (!error.isObject() || !error.path("code").canConvertToLong() || !error.path("code").isIntegralNumber()
                || !error.path("message").isTextual()) {
            return new Message("", "", fields, null, "error must be an object with an integer code and a message");
        }
        long code = error.get("code").asLong();
        String name = errorName(code);
        String message = error.get("message").asText();
        fields.add(new Field("Error code", code + (name.isEmpty() ? "" : " (" + name + ")")));
        fields.add(new Field("Error message", message));
        if (error.has("data")) {
            fields.add(new Field("Error data", ProtocolJson.compact(error.get("data"), MAX_VALUE)));
        }
        return new Message("error", "response #" + idText + " error " + code + " " + ProtocolJson.excerpt(message, 120),
                fields, error, null);
    }

    /** The first members of params or a result, one row each. */
    private static void addMembers(List<Field> fields, JsonNode container) {
        if (container.isObject()) {
            int n = 0;
            for (Map.Entry<String, JsonNode> e : container.properties()) {
                if (n++ == 20) {
                    break;
                }
                fields.add(new Field("  " + e.getKey(), ProtocolJson.text(e.getValue(), MAX_VALUE)));
            }
        } else if (container.isArray()) {
            for (int i = 0; i < container.size() && i < 20; i++) {
                fields.add(new Field("  [" + i + "]", ProtocolJson.text(container.get(i), MAX_VALUE)));
            }
        }
    }

    private static boolean looksLikeJson(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }
}
