package dev.wsinspector.core.protocol;

import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.MqttEncoder;

import java.util.List;

/**
 * MQTT 3.1.1 / 5 over WebSocket (binary messages, subprotocol {@code mqtt}): CONNECT with the client id and
 * keep-alive on open, ready on a CONNACK with return/reason code 0 (§3.2.2.3), failed on any other; a PINGREQ
 * whenever nothing was sent for the keep-alive (§3.1.2.10); a QoS 1 PUBLISH from the broker is acknowledged with
 * PUBACK (§4.3.2).
 */
final class MqttClient implements ProtocolClient {

    private final String clientId;
    private final int keepAliveSeconds;
    private final int version;
    private final EncodeContext context = EncodeContext.fresh();
    private boolean ready;
    private String problem = "";
    private long lastSent;

    MqttClient(String clientId, int keepAliveSeconds, int version) {
        this.clientId = clientId;
        this.keepAliveSeconds = keepAliveSeconds;
        this.version = version;
    }

    @Override
    public List<Encoded> onOpen(long nowMillis) {
        lastSent = nowMillis;
        try {
            return Replies.binary(MqttEncoder.connect(version, clientId, keepAliveSeconds, true, null, null));
        } catch (EncodeException e) {
            problem = e.getMessage();
            return List.of();
        }
    }

    @Override
    public List<Encoded> onMessage(byte[] p, boolean text, long nowMillis) {
        if (text || p.length < 2) {
            return List.of();
        }
        int type = (p[0] & 0xF0) >> 4;
        if (type == 2 && p.length >= 4) { // CONNACK: flags, code
            int code = p[3] & 0xFF;
            ready = code == 0;
            if (!ready) {
                problem = "the broker refused the connection (CONNACK code " + code + ")";
            }
        } else if (type == 3 && (p[0] & 0x06) >> 1 == 1) { // PUBLISH QoS 1: answer PUBACK with its packet id
            int at = 1;
            while (at < p.length && (p[at] & 0x80) != 0) {
                at++;
            }
            at++; // past the remaining length
            if (at + 2 <= p.length) {
                int topicLength = (p[at] & 0xFF) << 8 | (p[at + 1] & 0xFF);
                int id = at + 2 + topicLength;
                if (id + 2 <= p.length) {
                    return Replies.binary(new byte[] {0x40, 0x02, p[id], p[id + 1]});
                }
            }
        }
        return List.of();
    }

    @Override
    public List<Encoded> onTick(long nowMillis) {
        if (ready && keepAliveSeconds > 0 && nowMillis - lastSent >= keepAliveSeconds * 1000L) {
            lastSent = nowMillis;
            return Replies.binary(MqttEncoder.pingreq());
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

    /** PUBLISH {@code json} (any text) to topic {@code name}, QoS 0. */
    @Override
    public Encoded emit(String name, String json) throws EncodeException {
        return MessageFormat.MQTT_PUBLISH.encode(EncodeRequest.of(json, "topic", name, "version", Integer.toString(version)),
                context);
    }

    /** PUBLISH at QoS 1 with the next packet id: the broker answers with PUBACK. */
    @Override
    public Encoded call(String name, String json) throws EncodeException {
        return MessageFormat.MQTT_PUBLISH.encode(EncodeRequest.of(json, "topic", name, "qos", "1",
                "version", Integer.toString(version)), context);
    }
}
