package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ASP.NET Core SignalR's JSON hub protocol: each message is a JSON object ended by the record separator 0x1E, and
 * one WebSocket message may carry several. The first record each way is the handshake ({@code {"protocol":"json",
 * "version":1}}, answered {@code {}} or {@code {"error":…}}); then {@code "type"} 1 Invocation, 2 StreamItem,
 * 3 Completion, 4 StreamInvocation, 5 CancelInvocation, 6 Ping, 7 Close, 8 Ack and 9 Sequence.
 *
 * <p>The 0x1E terminator is what tells SignalR from other JSON, so without the hint (a {@code /signalr} URL or a
 * forced decoder) only text messages made entirely of such records are claimed. Binary messages (the MessagePack
 * hub protocol) are not read here.
 */
public final class SignalRDecoder implements ProtocolDecoder {

    static final String NAME = "SignalR";
    private static final char RS = 0x1E;
    /** The hub protocol's message types by their number (the JSON and MessagePack encodings share them). */
    static final String[] TYPES = {"", "Invocation", "StreamItem", "Completion", "StreamInvocation",
            "CancelInvocation", "Ping", "Close", "Ack", "Sequence"};
    private static final int MAX_RECORDS = 1000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.SIGNALR;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.pathContains("/signalr"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!text || payload.length == 0) {
            return hinted && text ? Optional.of(malformed("empty message")) : Optional.empty();
        }
        if (payload[payload.length - 1] != RS) {
            return hinted ? Optional.of(malformed("the message does not end with the record separator 0x1E"))
                    : Optional.empty();
        }
        String s = new String(payload, StandardCharsets.UTF_8);
        List<Rec> records = new ArrayList<>();
        int start = 0;
        while (start < s.length()) {
            int end = s.indexOf(RS, start);
            if (records.size() == MAX_RECORDS) {
                break;
            }
            Rec r = record(s.substring(start, end));
            if (r.problem != null) {
                return hinted ? Optional.of(Decoded.malformed(id(), NAME, (records.isEmpty() ? "" : "record "
                        + (records.size() + 1) + ": ") + r.problem, List.of())) : Optional.empty();
            }
            records.add(r);
            start = end + 1;
        }
        if (records.size() == 1) {
            Rec r = records.get(0);
            return Optional.of(Decoded.of(id(), NAME, r.summary, r.data, ProtocolJson.pretty(r.data), true));
        }
        ObjectNode data = ProtocolJson.object();
        ArrayNode all = data.putArray("records");
        StringBuilder summary = new StringBuilder().append(records.size()).append(" records: ");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Records", Integer.toString(records.size())));
        for (int i = 0; i < records.size(); i++) {
            Rec r = records.get(i);
            all.add(r.data);
            fields.add(new Field("[" + i + "]", r.summary));
            if (i < 3) {
                summary.append(i == 0 ? "" : ", ").append(r.summary);
            }
        }
        if (records.size() > 3) {
            summary.append(", …");
        }
        return Optional.of(Decoded.of(id(), NAME, ProtocolJson.excerpt(summary.toString(), 200), fields,
                ProtocolJson.pretty(all), true, data));
    }

    private Decoded malformed(String problem) {
        return Decoded.malformed(id(), NAME, problem, List.of());
    }

    /** One record: its summary and members, or why it is not a SignalR message. */
    private record Rec(String summary, ObjectNode data, String problem) {
        static Rec bad(String problem) {
            return new Rec("", null, problem);
        }
    }

    private static Rec record(String json) {
        ProtocolJson.Parsed parsed = ProtocolJson.parse(json);
        if (!parsed.ok()) {
            return Rec.bad(parsed.error());
        }
        if (!parsed.node().isObject()) {
            return Rec.bad("a record must be a JSON object, not " + ProtocolJson.shape(parsed.node()));
        }
        ObjectNode node = (ObjectNode) parsed.node();
        JsonNode type = node.get("type");
        if (type == null) {
            return handshake(node);
        }
        if (!type.isInt() || type.asInt() < 1 || type.asInt() >= TYPES.length) {
            return Rec.bad("unknown message type " + ProtocolJson.compact(type, 20));
        }
        int t = type.asInt();
        ObjectNode data = ProtocolJson.object().put("type", TYPES[t]).put("typeCode", t);
        node.properties().forEach(e -> {
            if (!e.getKey().equals("type")) {
                data.set(e.getKey(), e.getValue());
            }
        });
        String invocation = node.path("invocationId").isTextual() ? " #" + node.get("invocationId").asText() : "";
        String target = node.path("target").isTextual() ? " " + ProtocolJson.excerpt(node.get("target").asText(), 80) : "";
        String summary = switch (t) {
            case 1, 4 -> {
                if (target.isEmpty()) {
                    yield null;
                }
                int args = node.path("arguments").size();
                yield TYPES[t] + target + "(" + args + (args == 1 ? " argument)" : " arguments)") + invocation;
            }
            case 2 -> TYPES[t] + invocation;
            case 3 -> TYPES[t] + invocation + (node.has("error") ? " error: "
                    + ProtocolJson.text(node.get("error"), 80) : node.has("result") ? " result" : "");
            case 7 -> TYPES[t] + (node.path("error").isTextual() ? ": " + ProtocolJson.excerpt(node.get("error").asText(), 80)
                    : "") + (node.path("allowReconnect").asBoolean(false) ? " (may reconnect)" : "");
            case 8, 9 -> TYPES[t] + " " + node.path("sequenceId").asText();
            default -> TYPES[t] + invocation;
        };
        if (summary == null) {
            return Rec.bad(TYPES[t] + " needs a target");
        }
        if ((t == 2 || t == 3 || t == 5) && invocation.isEmpty()) {
            return Rec.bad(TYPES[t] + " needs an invocationId");
        }
        return new Rec(summary, data, null);
    }

    private static Rec handshake(ObjectNode node) {
        if (node.path("protocol").isTextual()) {
            String protocol = node.get("protocol").asText();
            ObjectNode data = ProtocolJson.object().put("type", "HandshakeRequest").put("hubProtocol", protocol);
            if (node.has("version")) {
                data.set("version", node.get("version"));
            }
            return new Rec("handshake " + ProtocolJson.excerpt(protocol, 40) + " v" + node.path("version").asText("?"),
                    data, null);
        }
        if (node.isEmpty()) {
            return new Rec("handshake accepted", ProtocolJson.object().put("type", "HandshakeResponse"), null);
        }
        if (node.path("error").isTextual()) {
            return new Rec("handshake refused: " + ProtocolJson.excerpt(node.get("error").asText(), 100),
                    ProtocolJson.object().put("type", "HandshakeResponse").put("error", node.get("error").asText()), null);
        }
        return Rec.bad("a record without \"type\" that is no handshake");
    }
}
