package dev.wsinspector.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.GraphQlWsEncoder;
import dev.wsinspector.core.payload.encode.MessageFormat;

import java.io.IOException;
import java.util.List;

/**
 * graphql-transport-ws (graphql-ws PROTOCOL.md): {@code connection_init} (with the optional payload) on open,
 * ready on {@code connection_ack}; every {@code ping} is answered with a {@code pong} ("Ping" — "The response
 * to the Ping message. Must be sent as soon as the Ping message is received").
 */
final class GraphQlWsClient implements ProtocolClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode initPayload;
    private final EncodeContext context = EncodeContext.fresh();
    private boolean ready;
    private String problem = "";

    GraphQlWsClient(JsonNode initPayload) {
        this.initPayload = initPayload;
    }

    @Override
    public List<Encoded> onOpen(long nowMillis) {
        try {
            return Replies.text(GraphQlWsEncoder.withPayload("connection_init", initPayload));
        } catch (EncodeException e) {
            problem = e.getMessage();
            return List.of();
        }
    }

    @Override
    public List<Encoded> onMessage(byte[] payload, boolean text, long nowMillis) {
        if (!text) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (IOException e) {
            return List.of();
        }
        String type = node == null ? "" : node.path("type").asText("");
        switch (type) {
            case "connection_ack" -> ready = true;
            case "ping" -> {
                return Replies.text("{\"type\":\"pong\"}");
            }
            default -> {
                // next, error, complete and pongs need no answer
            }
        }
        return List.of();
    }

    @Override
    public List<Encoded> onTick(long nowMillis) {
        return List.of();
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** A subscribe named {@code name} (its operationName; "" for none): {@code json} is the query or the payload. */
    @Override
    public Encoded emit(String name, String json) throws EncodeException {
        return MessageFormat.GRAPHQL_WS.encode(EncodeRequest.of(json, "operationName", name), context);
    }

    /** The same subscribe: a GraphQL operation always expects its results. */
    @Override
    public Encoded call(String name, String json) throws EncodeException {
        return emit(name, json);
    }
}
