package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Engine.IO v4 packets (also v3, whose text packets are the same) and the Socket.IO v4/v5 packets inside their
 * {@code message} packets: {@code <engine type>[<socket.io type>[<attachments>-][/<namespace>,][<ack id>][JSON]]}.
 *
 * <p>With the URL hint (an {@code EIO=} query on a {@code /socket.io/} path) every text message is read, and
 * binary messages are labelled as attachments of a binary event. Without it only unmistakable shapes are
 * claimed: the open handshake, and message packets whose JSON matches their type; {@code "2"}, {@code "3"} or
 * {@code "40"} alone are never labelled.
 */
public final class SocketIoDecoder implements ProtocolDecoder {

    static final String SOCKET_IO = "Socket.IO";
    static final String ENGINE_IO = "Engine.IO";

    private static final String[] ENGINE_TYPES = {"open", "close", "ping", "pong", "message", "upgrade", "noop"};
    private static final String[] SOCKET_TYPES = {"CONNECT", "DISCONNECT", "EVENT", "ACK", "CONNECT_ERROR",
            "BINARY_EVENT", "BINARY_ACK"};
    private static final int MAX_VALUE = 200;

    @Override
    public String name() {
        return SOCKET_IO;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.SOCKET_IO;
    }

    @Override
    public List<ProtocolId> ids() {
        return List.of(ProtocolId.SOCKET_IO, ProtocolId.ENGINE_IO);
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.isEngineIoUrl());
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text) {
            if (!hinted) {
                return Optional.empty();
            }
            List<Field> fields = new ArrayList<>();
            fields.add(new Field("Packet", "binary attachment"));
            fields.add(new Field("Length", payload.length + " B"));
            engineVersion(hint, fields);
            ObjectNode data = ProtocolJson.object().put("packet", "binary attachment").put("length", payload.length);
            return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, "Socket.IO binary attachment",
                    "binary attachment, " + payload.length + " B (see the Hex view)", fields, "", false, data));
        }
        if (!hinted && (payload.length < 2 || (payload[0] != '0' && payload[0] != '4'))) {
            return Optional.empty(); // only open and message packets can be told apart without the hint
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        Optional<Decoded> decoded = decodeText(s, hinted, hint);
        return hinted ? decoded : decoded.filter(d -> !d.malformed());
    }

    private Optional<Decoded> decodeText(String s, boolean hinted, ProtocolHint hint) {
        List<Field> fields = new ArrayList<>();
        if (s.isEmpty() || s.charAt(0) < '0' || s.charAt(0) > '6') {
            return hinted ? Optional.of(Decoded.malformed(ProtocolId.ENGINE_IO, ENGINE_IO, s.isEmpty() ? "empty packet"
                    : "not an Engine.IO packet: starts with '" + first(s) + "'", fields)) : Optional.empty();
        }
        int engineType = s.charAt(0) - '0';
        fields.add(new Field("Engine.IO packet", ENGINE_TYPES[engineType] + " (" + engineType + ")"));
        engineVersion(hint, fields);
        String data = s.substring(1);
        if (engineType == 0) {
            return open(data, hinted, fields);
        }
        if (engineType != 4) {
            if (!hinted) {
                return Optional.empty(); // "2", "3probe", … are far too short to tell.
            }
            if (!data.isEmpty()) {
                fields.add(new Field("Data", ProtocolJson.excerpt(data, MAX_VALUE)));
            }
            ObjectNode json = ProtocolJson.object().put("packet", ENGINE_TYPES[engineType]);
            if (!data.isEmpty()) {
                json.put("data", data);
            }
            return Optional.of(Decoded.of(ProtocolId.ENGINE_IO, ENGINE_IO,
                    ENGINE_TYPES[engineType] + (data.isEmpty() ? "" : " " + quote(data)), fields, data, false, json));
        }
        if (data.isEmpty() || data.charAt(0) < '0' || data.charAt(0) > '6') {
            // A plain Engine.IO message, without Socket.IO on top.
            if (!hinted) {
                return Optional.empty();
            }
            fields.add(new Field("Data", ProtocolJson.excerpt(data, MAX_VALUE)));
            return Optional.of(Decoded.of(ProtocolId.ENGINE_IO, ENGINE_IO, "message " + quote(data), fields, data, false,
                    ProtocolJson.object().put("packet", "message").put("data", data)));
        }
        return socketIo(data, hinted, fields);
    }

    private static Optional<Decoded> open(String data, boolean hinted, List<Field> fields) {
        ProtocolJson.Parsed parsed = ProtocolJson.parse(data);
        if (!parsed.ok() || !parsed.node().isObject()) {
            return Optional.of(Decoded.malformed(ProtocolId.ENGINE_IO, ENGINE_IO, "open packet without its JSON handshake"
                    + (parsed.ok() ? "" : " (" + parsed.error() + ")"), fields));
        }
        JsonNode handshake = parsed.node();
        JsonNode sid = handshake.get("sid");
        if (!hinted && (sid == null || !sid.isTextual() || !handshake.has("pingInterval"))) {
            return Optional.empty();
        }
        for (String key : new String[]{"sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload"}) {
            if (handshake.has(key)) {
                fields.add(new Field(key, ProtocolJson.text(handshake.get(key), MAX_VALUE)));
            }
        }
        String summary = "open" + (sid != null ? " sid " + sid.asText() : "")
                + (handshake.has("pingInterval") ? " (ping every " + handshake.get("pingInterval").asText() + " ms)" : "");
        ObjectNode json = ProtocolJson.object().put("packet", "open");
        json.set("data", handshake);
        return Optional.of(Decoded.of(ProtocolId.ENGINE_IO, ENGINE_IO, summary, fields, ProtocolJson.pretty(handshake),
                true, json));
    }

    private static Optional<Decoded> socketIo(String p, boolean hinted, List<Field> fields) {
        int type = p.charAt(0) - '0';
        fields.add(new Field("Socket.IO packet", SOCKET_TYPES[type] + " (" + type + ")"));
        int i = 1;
        int attachments = -1;
        if (type == 5 || type == 6) {
            int dash = p.indexOf('-', i);
            if (dash < 0 || dash == i || !digits(p, i, dash)) {
                return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, SOCKET_TYPES[type]
                        + " without its attachment count (\"<n>-\")", fields));
            }
            attachments = parseInt(p.substring(i, dash));
            if (attachments < 0) {
                return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, "attachment count out of range", fields));
            }
            fields.add(new Field("Attachments", Integer.toString(attachments)));
            i = dash + 1;
        }
        String namespace = "/";
        if (i < p.length() && p.charAt(i) == '/') {
            int comma = p.indexOf(',', i);
            namespace = comma < 0 ? p.substring(i) : p.substring(i, comma);
            i = comma < 0 ? p.length() : comma + 1;
        }
        fields.add(new Field("Namespace", namespace));
        int idStart = i;
        while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9' && i - idStart < 18) {
            i++;
        }
        String ackId = p.substring(idStart, i);
        if (!ackId.isEmpty()) {
            fields.add(new Field("Ack id", ackId));
        }
        String json = p.substring(i);
        JsonNode data = null;
        if (!json.isEmpty()) {
            ProtocolJson.Parsed parsed = ProtocolJson.parse(json);
            if (!parsed.ok()) {
                return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, SOCKET_TYPES[type] + " data is " + parsed.error(), fields));
            }
            data = parsed.node();
        }
        String on = namespace.equals("/") ? "" : " on " + namespace;
        ObjectNode out = ProtocolJson.object().put("packet", SOCKET_TYPES[type]).put("namespace", namespace);
        if (!ackId.isEmpty()) {
            out.put("ack", Long.parseLong(ackId));
        }
        if (attachments >= 0) {
            out.put("attachments", attachments);
        }
        String ack = ackId.isEmpty() ? "" : " (ack " + ackId + ")";
        String atts = attachments < 0 ? "" : " (" + attachments + (attachments == 1 ? " attachment)" : " attachments)");
        switch (type) {
            case 0 -> { // CONNECT: optional auth object (client) or {"sid": …} (server)
                if (data != null && !data.isObject()) {
                    return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, "CONNECT data must be an object", fields));
                }
                if (!hinted && data == null && namespace.equals("/")) {
                    return Optional.empty(); // "40" alone
                }
                if (data != null && data.hasNonNull("sid")) {
                    fields.add(new Field("sid", data.get("sid").asText()));
                }
                if (data != null) {
                    out.set("data", data);
                }
                return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, SOCKET_IO, "CONNECT " + namespace, fields,
                        data == null ? "" : ProtocolJson.pretty(data), data != null, out));
            }
            case 1 -> {
                if (!hinted) {
                    return Optional.empty();
                }
                return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, SOCKET_IO, "DISCONNECT " + namespace, fields, "",
                        false, out));
            }
            case 2, 5 -> {
                if (data == null || !data.isArray() || data.isEmpty()
                        || !(data.get(0).isTextual() || data.get(0).isNumber())) {
                    return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, SOCKET_TYPES[type]
                            + " data must be an array starting with the event name", fields));
                }
                if (!hinted && !data.get(0).isTextual()) {
                    return Optional.empty();
                }
                String event = data.get(0).asText();
                fields.add(new Field("Event", event));
                fields.add(new Field("Arguments", Integer.toString(data.size() - 1)));
                List<JsonNode> args = new ArrayList<>();
                for (int a = 1; a < data.size(); a++) {
                    args.add(data.get(a));
                    fields.add(new Field("Argument " + a, ProtocolJson.compact(data.get(a), MAX_VALUE)));
                }
                JsonNode argsNode = ProtocolJson.array(args);
                out.set("event", data.get(0));
                out.set("args", argsNode);
                return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, SOCKET_IO,
                        SOCKET_TYPES[type] + " " + quote(event) + ack + atts + on, fields, ProtocolJson.pretty(argsNode),
                        true, out));
            }
            case 3, 6 -> {
                if (ackId.isEmpty() || data == null || !data.isArray()) {
                    return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, SOCKET_TYPES[type]
                            + " needs an ack id and an array of arguments", fields));
                }
                fields.add(new Field("Arguments", Integer.toString(data.size())));
                for (int a = 0; a < data.size(); a++) {
                    fields.add(new Field("Argument " + (a + 1), ProtocolJson.compact(data.get(a), MAX_VALUE)));
                }
                out.set("args", data);
                return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, SOCKET_IO, SOCKET_TYPES[type] + " " + ackId + atts + on,
                        fields, ProtocolJson.pretty(data), true, out));
            }
            default -> { // 4 CONNECT_ERROR: {"message": …, "data": …} (v5) or a string (v4 parser of Socket.IO 2)
                if (data == null || !(data.isObject() || data.isTextual())) {
                    return Optional.of(Decoded.malformed(ProtocolId.SOCKET_IO, SOCKET_IO, "CONNECT_ERROR needs an error object", fields));
                }
                String message = data.isTextual() ? data.asText()
                        : data.hasNonNull("message") ? data.get("message").asText() : ProtocolJson.compact(data, MAX_VALUE);
                fields.add(new Field("Message", message));
                if (data.has("data")) {
                    fields.add(new Field("Data", ProtocolJson.compact(data.get("data"), MAX_VALUE)));
                }
                out.put("message", message);
                if (data.has("data")) {
                    out.set("data", data.get("data"));
                }
                return Optional.of(Decoded.of(ProtocolId.SOCKET_IO, SOCKET_IO, "CONNECT_ERROR " + quote(message) + on,
                        fields, ProtocolJson.pretty(data), true, out));
            }
        }
    }

    private static void engineVersion(ProtocolHint hint, List<Field> fields) {
        String version = hint.engineIoVersion();
        if (hint.isEngineIoUrl() && !version.isEmpty()) {
            fields.add(new Field("Engine.IO version", version));
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int parseInt(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String first(String s) {
        return new String(Character.toChars(s.codePointAt(0)));
    }

    private static String quote(String s) {
        return "\"" + ProtocolJson.excerpt(s, 80) + "\"";
    }
}
