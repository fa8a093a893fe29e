package dev.wsinspector.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.SignalREncoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SignalR's JSON hub protocol (aspnetcore HubProtocol.md): the handshake request {@code {"protocol":"json",
 * "version":1}␞} on open, ready on the empty handshake response {@code {}␞}, failed on one with an error; a Ping
 * (type 6) answers the server's ping and goes out whenever the client was quiet for the keep-alive interval
 * (15 s in the official clients); a Close (type 7) ends it.
 */
final class SignalRClient implements ProtocolClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long keepAliveMillis;
    private final EncodeContext context = EncodeContext.fresh();
    private boolean handshakeDone;
    private boolean ready;
    private String problem = "";
    private long lastSent;

    SignalRClient(long keepAliveMillis) {
        this.keepAliveMillis = keepAliveMillis;
    }

    @Override
    public List<Encoded> onOpen(long nowMillis) {
        lastSent = nowMillis;
        return Replies.text(SignalREncoder.handshake());
    }

    @Override
    public List<Encoded> onMessage(byte[] payload, boolean text, long nowMillis) {
        if (!text) {
            return List.of();
        }
        List<Encoded> out = new ArrayList<>();
        for (String record : Replies.utf8(payload).split(String.valueOf(SignalREncoder.RECORD_SEPARATOR))) {
            JsonNode node;
            try {
                node = JSON.readTree(record);
            } catch (IOException e) {
                continue;
            }
            if (node == null || !node.isObject()) {
                continue;
            }
            if (!handshakeDone) {
                handshakeDone = true;
                if (node.has("error")) {
                    problem = "the hub refused the handshake: " + node.get("error").asText();
                } else {
                    ready = true;
                }
                continue;
            }
            int type = node.path("type").asInt(-1);
            if (type == 6) {
                out.addAll(Replies.text(SignalREncoder.ping()));
            } else if (type == 7) {
                ready = false;
                problem = node.hasNonNull("error") ? "the hub closed the connection: " + node.get("error").asText()
                        : problem;
            }
        }
        return out;
    }

    @Override
    public List<Encoded> onTick(long nowMillis) {
        if (ready && keepAliveMillis > 0 && nowMillis - lastSent >= keepAliveMillis) {
            lastSent = nowMillis;
            return Replies.text(SignalREncoder.ping());
        }
        return List.of();
    }

    @Override
    public void sent(long nowMillis) {
        lastSent = nowMillis;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** An invocation without an invocation id (no completion expected). */
    @Override
    public Encoded emit(String name, String json) throws EncodeException {
        return MessageFormat.SIGNALR_INVOCATION.encode(EncodeRequest.of(json, "target", name), context);
    }

    /** An invocation with the next invocation id: the hub answers with a Completion. */
    @Override
    public Encoded call(String name, String json) throws EncodeException {
        return MessageFormat.SIGNALR_INVOCATION.encode(EncodeRequest.of(json, "target", name, "expectResult", "true"), context);
    }
}
