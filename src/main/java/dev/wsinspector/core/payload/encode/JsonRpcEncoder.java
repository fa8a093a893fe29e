package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON-RPC 2.0 requests (specification §4): a call with the connection's next id, or a notification. */
public final class JsonRpcEncoder implements MessageEncoder {

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        JsonNode params = EncodeJson.optional(request.body(), "the params");
        if (request.flag("notification", false)) {
            return Encoded.text(request(request.param("method"), params, null));
        }
        String given = request.param("id");
        JsonNode id = given.isEmpty() ? JsonNodeFactory.instance.numberNode(context.ids().next())
                : given.matches("-?\\d{1,18}") ? JsonNodeFactory.instance.numberNode(Long.parseLong(given))
                : JsonNodeFactory.instance.textNode(given);
        return Encoded.text(request(request.param("method"), params, id));
    }

    /** {@code {"jsonrpc":"2.0","method":…,"params":…,"id":…}}; params and id may be null (none / notification). */
    public static String request(String method, JsonNode params, JsonNode id) throws EncodeException {
        if (method == null || method.isBlank()) {
            throw new EncodeException("no method given");
        }
        if (params != null && !params.isArray() && !params.isObject()) {
            throw new EncodeException("JSON-RPC params are an array or an object, not " + EncodeJson.kind(params));
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("method", method.strip());
        if (params != null) {
            m.set("params", params);
        }
        if (id != null) {
            m.set("id", id);
        }
        return EncodeJson.compact(m);
    }

    /** A call with id {@code id}. */
    public static String call(String method, JsonNode params, long id) throws EncodeException {
        return request(method, params, JsonNodeFactory.instance.numberNode(id));
    }
}
