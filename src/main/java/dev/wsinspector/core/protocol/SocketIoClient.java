package dev.wsinspector.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.SocketIoEncoder;

import java.util.List;

/**
 * Socket.IO v4 over Engine.IO v4 (socket.io-protocol v5, engine.io-protocol v4): after the server's open packet
 * {@code 0{"sid":…}} it connects the namespace ({@code 40}, {@code 40/admin,{auth}}); it answers every server ping
 * {@code 2} with a pong {@code 3} (in v4 the server pings, engine.io-protocol "Heartbeat"); it is ready once the
 * server's CONNECT for the namespace arrives, and fails on CONNECT_ERROR ({@code 44}).
 */
final class SocketIoClient implements ProtocolClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final JsonNode auth;
    private final EncodeContext context = EncodeContext.fresh();
    private boolean ready;
    private String problem = "";

    /** @param auth the CONNECT packet's auth object, or null */
    SocketIoClient(String namespace, JsonNode auth) {
        this.namespace = namespace == null || namespace.isBlank() ? "/" : namespace.strip();
        this.auth = auth;
    }

    @Override
    public List<Encoded> onOpen(long nowMillis) {
        return List.of(); // the server speaks first (its open packet)
    }

    @Override
    public List<Encoded> onMessage(byte[] payload, boolean text, long nowMillis) {
        if (!text || payload.length == 0) {
            return List.of(); // binary attachments: nothing to answer
        }
        String m = Replies.utf8(payload);
        switch (m.charAt(0)) {
            case '0':
                try {
                    return Replies.text(SocketIoEncoder.connect(namespace, auth));
                } catch (EncodeException e) {
                    problem = e.getMessage();
                    return List.of();
                }
            case '2':
                return Replies.text("3" + m.substring(1)); // a "2probe" is answered "3probe"
            case '1':
                problem = problem.isEmpty() ? "the server closed the Engine.IO session" : problem;
                return List.of();
            case '4':
                onSocketIo(m.substring(1));
                return List.of();
            default:
                return List.of();
        }
    }

    private void onSocketIo(String packet) {
        if (packet.isEmpty() || !forUs(packet.substring(1))) {
            return;
        }
        char type = packet.charAt(0);
        if (type == '0') {
            ready = true;
        } else if (type == '4') {
            problem = "the server refused namespace " + namespace + ": " + data(packet.substring(1));
        } else if (type == '1') {
            ready = false;
            problem = "the server disconnected namespace " + namespace;
        }
    }

    private boolean forUs(String rest) {
        boolean hasNs = rest.startsWith("/");
        String ns = hasNs ? rest.substring(0, rest.indexOf(',') < 0 ? rest.length() : rest.indexOf(',')) : "/";
        return ns.equals(namespace);
    }

    private String data(String rest) {
        int start = rest.indexOf('{');
        if (start < 0) {
            return rest;
        }
        try {
            JsonNode node = JSON.readTree(rest.substring(start));
            return node.path("message").asText(node.toString());
        } catch (java.io.IOException e) {
            return rest;
        }
    }

    @Override
    public List<Encoded> onTick(long nowMillis) {
        return List.of(); // in Engine.IO v4 the server pings, the client only answers
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public Encoded emit(String name, String json) throws EncodeException {
        return MessageFormat.SOCKET_IO_EVENT.encode(EncodeRequest.of(json, "event", name, "namespace", namespace), context);
    }

    /** An event with the next ack id: the server's callback answers with {@code 43<id>[…]}. */
    @Override
    public Encoded call(String name, String json) throws EncodeException {
        return MessageFormat.SOCKET_IO_EVENT.encode(EncodeRequest.of(json, "event", name, "namespace", namespace,
                "expectAck", "true"), context);
    }
}
