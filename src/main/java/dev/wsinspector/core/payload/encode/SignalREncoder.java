package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * SignalR JSON hub protocol records, each ending with the record separator 0x1E (SignalR's HubProtocol.md,
 * "JSON Encoding"): invocations, the handshake request and pings, as @microsoft/signalr's JsonHubProtocol writes them.
 */
public final class SignalREncoder implements MessageEncoder {

    public static final char RECORD_SEPARATOR = '\u001e';

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        String id = request.param("invocationId");
        if (id.isEmpty() && request.flag("expectResult", false)) {
            id = Long.toString(context.ids().next());
        }
        return Encoded.text(invocation(request.param("target"), EncodeJson.arguments(request.body(), "the arguments"),
                id.isEmpty() ? null : id));
    }

    /** {@code {"type":1,"target":…,"arguments":[…],"invocationId":"7"}␞}; {@code invocationId} null for none. */
    public static String invocation(String target, ArrayNode args, String invocationId) throws EncodeException {
        if (target == null || target.isBlank()) {
            throw new EncodeException("no hub method (target) given");
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("type", 1).put("target", target.strip());
        m.set("arguments", args);
        if (invocationId != null) {
            m.put("invocationId", invocationId);
        }
        return EncodeJson.compact(m) + RECORD_SEPARATOR;
    }

    /** The handshake request of the JSON hub protocol, version 1. */
    public static String handshake() {
        return "{\"protocol\":\"json\",\"version\":1}" + RECORD_SEPARATOR;
    }

    /** A Ping message (type 6). */
    public static String ping() {
        return "{\"type\":6}" + RECORD_SEPARATOR;
    }
}
