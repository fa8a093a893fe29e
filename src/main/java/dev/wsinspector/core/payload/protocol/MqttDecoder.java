package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.protocol.MqttReader.Cut;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MQTT 3.1, 3.1.1 and 5 control packets over WebSocket (subprotocol {@code mqtt}, {@code mqttv3.1}): one packet per
 * binary message, CONNECT to DISCONNECT and v5's AUTH, with v5 properties and reason codes. The decoder is stateless,
 * so only CONNECT says the version; for other packets the v5 layout is tried first and the 3.1.1 one when the bytes
 * do not fit it (they differ only by the property list). Passwords are shown as their length.
 *
 * <p>Without the hint (the subprotocol or a forced decoder) only a CONNECT naming {@code MQTT}/{@code MQIsdp} is
 * claimed: the other packets are a few bytes that many binary payloads look like.
 */
public final class MqttDecoder implements ProtocolDecoder {

    static final String NAME = "MQTT";
    private static final String[] TYPES = {"", "CONNECT", "CONNACK", "PUBLISH", "PUBACK", "PUBREC", "PUBREL",
            "PUBCOMP", "SUBSCRIBE", "SUBACK", "UNSUBSCRIBE", "UNSUBACK", "PINGREQ", "PINGRESP", "DISCONNECT", "AUTH"};
    private static final String[] CONNACK_V3 = {"accepted", "unacceptable protocol version", "identifier rejected",
            "server unavailable", "bad user name or password", "not authorized"};
    private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(0x00, "Success"),
            Map.entry(0x01, "Granted QoS 1"), Map.entry(0x02, "Granted QoS 2"),
            Map.entry(0x04, "Disconnect with Will Message"), Map.entry(0x10, "No matching subscribers"),
            Map.entry(0x11, "No subscription existed"), Map.entry(0x18, "Continue authentication"),
            Map.entry(0x19, "Re-authenticate"), Map.entry(0x80, "Unspecified error"), Map.entry(0x81, "Malformed Packet"),
            Map.entry(0x82, "Protocol Error"), Map.entry(0x83, "Implementation specific error"),
            Map.entry(0x84, "Unsupported Protocol Version"), Map.entry(0x85, "Client Identifier not valid"),
            Map.entry(0x86, "Bad User Name or Password"), Map.entry(0x87, "Not authorized"),
            Map.entry(0x88, "Server unavailable"), Map.entry(0x89, "Server busy"), Map.entry(0x8A, "Banned"),
            Map.entry(0x8B, "Server shutting down"), Map.entry(0x8C, "Bad authentication method"),
            Map.entry(0x8D, "Keep Alive timeout"), Map.entry(0x8E, "Session taken over"),
            Map.entry(0x8F, "Topic Filter invalid"), Map.entry(0x90, "Topic Name invalid"),
            Map.entry(0x91, "Packet Identifier in use"), Map.entry(0x92, "Packet Identifier not found"),
            Map.entry(0x93, "Receive Maximum exceeded"), Map.entry(0x94, "Topic Alias invalid"),
            Map.entry(0x95, "Packet too large"), Map.entry(0x96, "Message rate too high"),
            Map.entry(0x97, "Quota exceeded"), Map.entry(0x98, "Administrative action"),
            Map.entry(0x99, "Payload format invalid"), Map.entry(0x9A, "Retain not supported"),
            Map.entry(0x9B, "QoS not supported"), Map.entry(0x9C, "Use another server"), Map.entry(0x9D, "Server moved"),
            Map.entry(0x9E, "Shared Subscriptions not supported"), Map.entry(0x9F, "Connection rate exceeded"),
            Map.entry(0xA0, "Maximum connect time"), Map.entry(0xA1, "Subscription Identifiers not supported"),
            Map.entry(0xA2, "Wildcard Subscriptions not supported"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.MQTT;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.subprotocolIs("mqtt", "mqttv3.1", "mqttv5"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (text || payload.length < 2) {
            return hinted ? Optional.of(malformed(text ? "MQTT packets are binary messages" : "shorter than a fixed header"))
                    : Optional.empty();
        }
        int type = (payload[0] & 0xFF) >>> 4;
        if (!hinted && type != 1) {
            return Optional.empty();
        }
        try {
            MqttReader header = new MqttReader(payload, 1, payload.length);
            int length = header.varint("remaining length");
            int start = payload.length - header.remaining();
            if (length != header.remaining()) {
                throw new Cut("remaining length " + length + " but " + header.remaining() + " bytes follow");
            }
            if (type == 0) {
                throw new Cut("packet type 0 is reserved");
            }
            boolean v3 = hint.subprotocolIs("mqttv3.1");
            ObjectNode data = null;
            if (!v3) {
                try {
                    data = packet(type, payload[0] & 0x0F, new MqttReader(payload, start, payload.length), true);
                } catch (Cut e) {
                    if (type == 1 || type == 15) {
                        throw e; // CONNECT says its version; AUTH exists only in v5
                    }
                }
            }
            if (data == null) {
                data = packet(type, payload[0] & 0x0F, new MqttReader(payload, start, payload.length), false);
            }
            String summary = data.remove("summary").asText();
            String body = data.has("payload") ? data.get("payload").asText() : "";
            boolean json = data.has("payload") && ProtocolJson.parse(body).ok();
            return Optional.of(Decoded.of(id(), NAME, summary, data, json ? ProtocolJson.pretty(ProtocolJson.parse(body)
                    .node()) : ProtocolJson.cut(body), json));
        } catch (Cut e) {
            if (!hinted) {
                return Optional.empty();
            }
            return Optional.of(malformed(TYPES[type].isEmpty() ? e.getMessage() : TYPES[type] + ": " + e.getMessage()));
        }
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    /** One packet's members plus a {@code summary} member, read with the v5 layout or the 3.1.1 one. */
    private static ObjectNode packet(int type, int flags, MqttReader r, boolean v5) throws Cut {
        ObjectNode d = ProtocolJson.object().put("packet", TYPES[type]);
        String summary = TYPES[type];
        switch (type) {
            case 1 -> summary = connect(d, r);
            case 2 -> {
                int ack = r.u8("acknowledge flags");
                int code = r.u8("return code");
                d.put("sessionPresent", (ack & 1) == 1);
                String reason = v5 ? REASONS.getOrDefault(code, "0x" + Integer.toHexString(code))
                        : code < CONNACK_V3.length ? CONNACK_V3[code] : "return code " + code;
                d.put(v5 ? "reasonCode" : "returnCode", code).put("reason", reason);
                summary += " " + reason;
                properties(d, r, v5);
            }
            case 3 -> {
                int qos = (flags >> 1) & 3;
                if (qos == 3) {
                    throw new Cut("QoS 3 is not allowed");
                }
                String topic = r.string("topic name");
                d.put("topic", topic).put("qos", qos).put("retain", (flags & 1) == 1).put("dup", (flags & 8) == 8);
                summary += " " + ProtocolJson.excerpt(topic, 100) + " QoS" + qos;
                if (qos > 0) {
                    int id = r.u16("packet identifier");
                    d.put("packetId", id);
                    summary += " #" + id;
                }
                properties(d, r, v5);
                byte[] body = r.rest();
                String s = new String(body, StandardCharsets.UTF_8);
                boolean utf8 = java.util.Arrays.equals(s.getBytes(StandardCharsets.UTF_8), body);
                d.put("payloadBytes", body.length);
                d.put(utf8 ? "payload" : "payloadHex", utf8 ? s : BinaryJson.hex(body, 0, body.length, 64 * 1024));
                summary += ((flags & 1) == 1 ? " retained" : "") + " (" + body.length + " B)";
            }
            case 4, 5, 6, 7, 11 -> {
                int id = r.u16("packet identifier");
                d.put("packetId", id);
                summary += " #" + id;
                if (v5 && type == 11) {
                    properties(d, r, true);
                    summary += " " + codes(d, r, "reasonCodes");
                } else if (v5 && r.more()) {
                    summary += reason(d, r);
                    if (r.more()) {
                        properties(d, r, true);
                    }
                }
            }
            case 8, 10 -> {
                int id = r.u16("packet identifier");
                d.put("packetId", id);
                properties(d, r, v5);
                ArrayNode list = d.putArray(type == 8 ? "subscriptions" : "topics");
                StringBuilder s = new StringBuilder();
                while (r.more()) {
                    String filter = r.string("topic filter");
                    if (type == 8) {
                        int options = r.u8("subscription options");
                        if ((options & 3) == 3 || (!v5 && options > 2) || options >= 0x40) {
                            throw new Cut("invalid subscription options 0x" + Integer.toHexString(options));
                        }
                        ObjectNode sub = list.addObject().put("topic", filter).put("qos", options & 3);
                        if (v5) {
                            sub.put("noLocal", (options & 4) != 0).put("retainAsPublished", (options & 8) != 0)
                                    .put("retainHandling", options >> 4 & 3);
                        }
                        s.append(s.isEmpty() ? " " : ", ").append(ProtocolJson.excerpt(filter, 60)).append(" QoS").append(options & 3);
                    } else {
                        list.add(filter);
                        s.append(s.isEmpty() ? " " : ", ").append(ProtocolJson.excerpt(filter, 60));
                    }
                }
                if (list.isEmpty()) {
                    throw new Cut("no topic filter");
                }
                summary += " #" + id + s;
            }
            case 9 -> {
                int id = r.u16("packet identifier");
                d.put("packetId", id);
                properties(d, r, v5);
                summary += " #" + id + " " + codes(d, r, v5 ? "reasonCodes" : "returnCodes");
            }
            case 12, 13 -> {
                if (r.more()) {
                    throw new Cut(TYPES[type] + " has no body");
                }
            }
            case 14, 15 -> {
                if (!v5 && r.more()) {
                    throw new Cut("a 3.1.1 DISCONNECT has no body");
                }
                if (r.more()) {
                    summary += reason(d, r);
                    if (r.more()) {
                        properties(d, r, true);
                    }
                }
            }
            default -> throw new Cut("unknown packet type " + type);
        }
        if (r.more()) {
            throw new Cut(r.remaining() + " bytes after the packet");
        }
        if (d.path("properties").has("reasonString")) {
            summary += ": " + ProtocolJson.excerpt(d.get("properties").get("reasonString").asText(), 80);
        }
        return d.put("summary", summary);
    }

    private static String connect(ObjectNode d, MqttReader r) throws Cut {
        String protocol = r.string("protocol name");
        int level = r.u8("protocol level");
        if (!(protocol.equals("MQTT") && (level == 4 || level == 5)) && !(protocol.equals("MQIsdp") && level == 3)) {
            throw new Cut("protocol " + ProtocolJson.excerpt(protocol, 20) + " level " + level + " is not MQTT 3.1, 3.1.1 or 5");
        }
        boolean v5 = level == 5;
        String version = level == 3 ? "3.1" : level == 4 ? "3.1.1" : "5";
        int flags = r.u8("connect flags");
        if ((flags & 1) != 0) {
            throw new Cut("the reserved connect flag is set");
        }
        int keepAlive = r.u16("keep alive");
        d.put("version", version).put("cleanSession", (flags & 2) != 0).put("keepAlive", keepAlive);
        properties(d, r, v5);
        String client = r.string("client identifier");
        d.put("clientId", client);
        if ((flags & 4) != 0) {
            ObjectNode will = d.putObject("will").put("qos", flags >> 3 & 3).put("retain", (flags & 0x20) != 0);
            if (v5) {
                will.set("properties", r.properties());
            }
            will.put("topic", r.string("will topic"));
            will.put("payloadBytes", r.binary("will payload").length);
        }
        if ((flags & 0x80) != 0) {
            d.put("username", r.string("user name"));
        }
        if ((flags & 0x40) != 0) {
            d.put("password", "(" + r.binary("password").length + " B, not shown)");
        }
        return "CONNECT " + (client.isEmpty() ? "(no client id)" : ProtocolJson.excerpt(client, 80)) + " (MQTT " + version
                + ", keep-alive " + keepAlive + " s)";
    }

    private static void properties(ObjectNode d, MqttReader r, boolean v5) throws Cut {
        if (v5) {
            ObjectNode props = r.properties();
            if (!props.isEmpty()) {
                d.set("properties", props);
            }
        }
    }

    private static String reason(ObjectNode d, MqttReader r) throws Cut {
        int code = r.u8("reason code");
        String reason = REASONS.getOrDefault(code, "0x" + Integer.toHexString(code));
        d.put("reasonCode", code).put("reason", reason);
        return code == 0 ? "" : " " + reason;
    }

    /** SUBACK's and UNSUBACK's list of codes, at least one. */
    private static String codes(ObjectNode d, MqttReader r, String name) throws Cut {
        ArrayNode list = d.putArray(name);
        StringBuilder s = new StringBuilder();
        while (r.more()) {
            int code = r.u8("reason code");
            list.add(code);
            String text = code <= 2 ? "QoS" + code : REASONS.getOrDefault(code, "0x" + Integer.toHexString(code));
            if (list.size() <= 8) {
                s.append(s.isEmpty() ? "" : ", ").append(text);
            }
        }
        if (list.isEmpty()) {
            throw new Cut("no return code");
        }
        return (name.equals("returnCodes") || d.path("packet").asText().equals("SUBACK") ? "granted " : "") + s
                + (list.size() > 8 ? ", …" : "");
    }
}
