package dev.wsinspector.core.payload.encode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MQTT 3.1.1 (OASIS, "MQTT Version 3.1.1") and 5.0 ("MQTT Version 5.0") control packets a client sends: CONNECT
 * (§3.1), PUBLISH (§3.3), SUBSCRIBE (§3.8), PINGREQ (§3.12), DISCONNECT (§3.14). Version 5 packets carry an empty
 * property list. Over WebSocket each packet is one binary message.
 */
public final class MqttEncoder implements MessageEncoder {

    /** Which packet {@link #encode} writes. */
    public enum Packet { CONNECT, PUBLISH, SUBSCRIBE, PINGREQ, DISCONNECT }

    /** One topic filter of a SUBSCRIBE and its maximum QoS. */
    public record Subscription(String filter, int qos) {
    }

    private static final int MAX_REMAINING = 268_435_455;

    private final Packet packet;

    MqttEncoder(Packet packet) {
        this.packet = packet;
    }

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        int version = version(request.param("version", "3.1.1"));
        return Encoded.binary(switch (packet) {
            case CONNECT -> connect(version, request.param("clientId"), (int) request.number("keepAlive", 60, 0, 65535),
                    request.flag("cleanStart", true), request.param("username"),
                    request.param("password").isEmpty() ? null : request.param("password").getBytes(StandardCharsets.UTF_8));
            case PUBLISH -> {
                int qos = (int) request.number("qos", 0, 0, 2);
                int id = qos == 0 ? 0 : packetId(request, context);
                yield publish(version, request.param("topic"), qos, request.flag("retain", false), id,
                        request.body().getBytes(StandardCharsets.UTF_8));
            }
            case SUBSCRIBE -> {
                int qos = (int) request.number("qos", 0, 0, 2);
                List<Subscription> subs = new ArrayList<>();
                for (String line : request.param("topic").split("\\R")) {
                    if (!line.isBlank()) {
                        subs.add(new Subscription(line.strip(), qos));
                    }
                }
                yield subscribe(version, packetId(request, context), subs);
            }
            case PINGREQ -> pingreq();
            case DISCONNECT -> disconnect(version);
        });
    }

    private static int packetId(EncodeRequest request, EncodeContext context) throws EncodeException {
        return request.param("packetId").isEmpty() ? context.packetIds().next()
                : (int) request.number("packetId", 1, 1, 65535);
    }

    /** 4 for "3.1.1" (or "4"), 5 for "5" (or "5.0"). */
    public static int version(String name) throws EncodeException {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "3.1.1", "4", "v4", "" -> 4;
            case "5", "5.0", "v5" -> 5;
            default -> throw new EncodeException("MQTT version is 3.1.1 or 5, not \"" + name + "\"");
        };
    }

    /** CONNECT: protocol name MQTT, level 4 or 5, flags, keep-alive seconds, client id, user name, password. */
    public static byte[] connect(int version, String clientId, int keepAlive, boolean clean, String username,
                                 byte[] password) throws EncodeException {
        Writer body = new Writer();
        body.string("MQTT");
        body.write(version);
        boolean user = username != null && !username.isEmpty();
        if (password != null && !user && version == 4) {
            throw new EncodeException("MQTT 3.1.1 allows a password only with a user name (§3.1.2.9)");
        }
        body.write((user ? 0x80 : 0) | (password != null ? 0x40 : 0) | (clean ? 0x02 : 0));
        body.int16(keepAlive);
        properties(version, body);
        String id = clientId == null ? "" : clientId;
        if (id.isEmpty() && !clean && version == 4) {
            throw new EncodeException("an empty client id needs a clean session (MQTT 3.1.1 §3.1.3.1)");
        }
        body.string(id);
        if (user) {
            body.string(username);
        }
        if (password != null) {
            body.binary(password);
        }
        return packet(0x10, body);
    }

    /** PUBLISH of {@code payload} to {@code topic} (no wildcards); {@code packetId} is used for QoS 1 and 2. */
    public static byte[] publish(int version, String topic, int qos, boolean retain, int packetId, byte[] payload)
            throws EncodeException {
        checkQos(qos);
        if (topic == null || topic.isEmpty()) {
            throw new EncodeException("no topic given");
        }
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new EncodeException("a PUBLISH topic cannot contain the wildcards + or # (§4.7.1): \"" + topic + "\"");
        }
        Writer body = new Writer();
        body.string(topic);
        if (qos > 0) {
            checkPacketId(packetId);
            body.int16(packetId);
        }
        properties(version, body);
        body.writeBytes(payload);
        return packet(0x30 | qos << 1 | (retain ? 1 : 0), body);
    }

    /** SUBSCRIBE to one or more topic filters. */
    public static byte[] subscribe(int version, int packetId, List<Subscription> subscriptions) throws EncodeException {
        if (subscriptions.isEmpty()) {
            throw new EncodeException("no topic filter given (one per line)");
        }
        checkPacketId(packetId);
        Writer body = new Writer();
        body.int16(packetId);
        properties(version, body);
        for (Subscription s : subscriptions) {
            checkFilter(s.filter());
            checkQos(s.qos());
            body.string(s.filter());
            body.write(s.qos());
        }
        return packet(0x82, body);
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0};
    }

    /** DISCONNECT; in version 5 without reason code and properties, meaning "normal disconnection" (§3.14.2.1). */
    public static byte[] disconnect(int version) {
        return new byte[] {(byte) 0xE0, 0};
    }

    /** A filter's levels: {@code #} only alone and last, {@code +} only alone (§4.7.1.2, §4.7.1.3). */
    static void checkFilter(String filter) throws EncodeException {
        if (filter == null || filter.isEmpty()) {
            throw new EncodeException("an empty topic filter");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if ((level.contains("#") && (!level.equals("#") || i != levels.length - 1))
                    || (level.contains("+") && !level.equals("+"))) {
                throw new EncodeException("invalid topic filter \"" + filter + "\": # must be a whole last level,"
                        + " + a whole level (§4.7.1)");
            }
        }
    }

    private static void checkQos(int qos) throws EncodeException {
        if (qos < 0 || qos > 2) {
            throw new EncodeException("QoS is 0, 1 or 2, not " + qos);
        }
    }

    private static void checkPacketId(int id) throws EncodeException {
        if (id < 1 || id > 65535) {
            throw new EncodeException("a packet id is 1 to 65535, not " + id);
        }
    }

    private static void properties(int version, Writer body) {
        if (version == 5) {
            body.write(0); // property length 0
        }
    }

    private static byte[] packet(int firstByte, Writer body) throws EncodeException {
        int length = body.size();
        if (length > MAX_REMAINING) {
            throw new EncodeException("the packet is larger than MQTT allows (256 MiB)");
        }
        Writer out = new Writer();
        out.write(firstByte);
        do { // §2.2.3 variable byte integer
            int digit = length % 128;
            length /= 128;
            out.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Big-endian integers and length-prefixed strings (§1.5). */
    private static final class Writer extends ByteArrayOutputStream {

        void int16(int v) {
            write(v >> 8 & 0xFF);
            write(v & 0xFF);
        }

        void string(String s) throws EncodeException {
            if (s.indexOf('\0') >= 0) {
                throw new EncodeException("MQTT strings cannot contain U+0000 (§1.5.3): \"" + s.replace("\0", "\\0") + "\"");
            }
            binary(s.getBytes(StandardCharsets.UTF_8));
        }

        void binary(byte[] b) throws EncodeException {
            if (b.length > 65535) {
                throw new EncodeException("an MQTT string or binary field is at most 65535 bytes, not " + b.length);
            }
            int16(b.length);
            writeBytes(b);
        }
    }
}
