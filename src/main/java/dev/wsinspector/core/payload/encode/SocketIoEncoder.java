package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Set;

/**
 * Socket.IO v5 packets inside an Engine.IO v4 {@code message} packet (the {@code 4} prefix), as socket.io-parser
 * writes them: {@code 42/chat,17["event",…args]} — packet type, namespace unless {@code /}, ack id, JSON data.
 */
public final class SocketIoEncoder implements MessageEncoder {

    /** Event names the Socket.IO client refuses to emit (socket.io-client's RESERVED_EVENTS). */
    private static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect", "disconnecting",
            "newListener", "removeListener");

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        Long ack = null;
        if (request.flag("expectAck", false)) {
            ack = request.param("ackId").isEmpty() ? context.ids().next()
                    : request.number("ackId", 0, 0, Long.MAX_VALUE);
        } else if (!request.param("ackId").isEmpty()) {
            ack = request.number("ackId", 0, 0, Long.MAX_VALUE);
        }
        return Encoded.text(event(request.param("namespace", "/"), request.param("event"),
                EncodeJson.arguments(request.body(), "the arguments"), ack));
    }

    /** An EVENT: {@code 42[…]}, {@code 42/ns,7[…]} with ack id 7 ({@code ack} null for none). */
    public static String event(String namespace, String event, ArrayNode args, Long ack) throws EncodeException {
        if (event == null || event.isEmpty()) {
            throw new EncodeException("no event name given");
        }
        if (RESERVED.contains(event)) {
            throw new EncodeException("\"" + event + "\" is a reserved Socket.IO event name");
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode().add(event).addAll(args);
        return "42" + prefix(namespace) + (ack == null ? "" : Long.toString(ack)) + EncodeJson.compact(data);
    }

    /** An ACK answering the server's event {@code id}: {@code 43/ns,id[…]}. */
    public static String ack(String namespace, long id, ArrayNode args) throws EncodeException {
        return "43" + prefix(namespace) + id + EncodeJson.compact(args);
    }

    /** The namespace CONNECT: {@code 40}, {@code 40/admin,} or {@code 40/admin,{"token":…}} with an auth object. */
    public static String connect(String namespace, JsonNode auth) throws EncodeException {
        if (auth != null && !auth.isObject()) {
            throw new EncodeException("the auth payload must be a JSON object, not " + EncodeJson.kind(auth));
        }
        return "40" + prefix(namespace) + (auth == null ? "" : EncodeJson.compact(auth));
    }

    /** Engine.IO pong, the answer to the server's ping {@code 2}. */
    public static String pong() {
        return "3";
    }

    private static String prefix(String namespace) throws EncodeException {
        String ns = namespace == null || namespace.isBlank() ? "/" : namespace.strip();
        if (!ns.startsWith("/")) {
            throw new EncodeException("a namespace starts with /, e.g. /chat (not \"" + ns + "\")");
        }
        if (ns.indexOf(',') >= 0) {
            throw new EncodeException("a namespace cannot contain a comma");
        }
        return ns.equals("/") ? "" : ns + ",";
    }
}
