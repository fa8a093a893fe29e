package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ASP.NET Core SignalR's MessagePack hub protocol (after a text handshake naming {@code messagepack}): binary
 * messages of records, each a variable-length size prefix (7 bits a byte, at most 5 bytes) and one MessagePack
 * array: {@code [1, headers, invocationId, target, arguments, streamIds]} Invocation, {@code [2, headers, id, item]}
 * StreamItem, {@code [3, headers, id, resultKind, result?]} Completion (1 error, 2 void, 3 result),
 * {@code [4, …]} StreamInvocation, {@code [5, headers, id]} CancelInvocation, {@code [6]} Ping,
 * {@code [7, error, allowReconnect?]} Close, {@code [8, sequenceId]} Ack, {@code [9, sequenceId]} Sequence.
 * Members are named as in the JSON hub protocol, so both read alike.
 *
 * <p>Without the hint (a {@code /signalr} URL, a subprotocol naming messagepack, or a forced {@code signalr})
 * a binary message is claimed only when every byte belongs to such records.
 */
public final class SignalRMessagePackDecoder implements ProtocolDecoder {

    static final String NAME = "SignalR (MessagePack)";
    private static final String[] TYPES = SignalRDecoder.TYPES;
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
        return hint.forces(this) || (hint.forced().isEmpty() && (hint.pathContains("/signalr")
                || hint.subprotocolContains("messagepack")));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (text) {
            return Optional.empty(); // the handshake and the JSON hub protocol: SignalRDecoder
        }
        if (!hinted && !startsLikeARecord(payload)) {
            return Optional.empty(); // cheap first: every binary frame comes through here
        }
        List<ObjectNode> records = new ArrayList<>();
        int at = 0;
        String problem = null;
        while (at < payload.length && records.size() < MAX_RECORDS) {
            long size = 0;
            int start = at;
            boolean ended = false;
            for (int k = 0; k < 5 && at < payload.length && !ended; k++) {
                int x = payload[at++] & 0xFF;
                size |= (long) (x & 0x7F) << (7 * k);
                ended = x < 0x80;
            }
            if (!ended || size <= 0 || size > payload.length - at) {
                problem = "record " + (records.size() + 1) + ": bad size prefix at byte " + start;
                break;
            }
            JsonNode array = BinaryJson.msgpack(payload, at, at + (int) size);
            at += (int) size;
            ObjectNode record = array == null ? null : record(array);
            if (record == null) {
                problem = "record " + (records.size() + 1) + " is not a hub message";
                break;
            }
            records.add(record);
        }
        if (problem != null || records.isEmpty()) {
            return hinted ? Optional.of(Decoded.malformed(id(), NAME, problem == null ? "empty message" : problem,
                    List.of())) : Optional.empty();
        }
        if (records.size() == 1) {
            ObjectNode r = records.get(0);
            String summary = r.remove("summary").asText();
            return Optional.of(Decoded.of(id(), NAME, summary, r, ProtocolJson.pretty(r), true));
        }
        ObjectNode data = ProtocolJson.object();
        ArrayNode all = data.putArray("records");
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Records", Integer.toString(records.size())));
        StringBuilder summary = new StringBuilder().append(records.size()).append(" records: ");
        for (int i = 0; i < records.size(); i++) {
            String s = records.get(i).remove("summary").asText();
            all.add(records.get(i));
            fields.add(new Field("[" + i + "]", s));
            if (i < 3) {
                summary.append(i == 0 ? "" : ", ").append(s);
            }
        }
        if (records.size() > 3) {
            summary.append(", …");
        }
        return Optional.of(Decoded.of(id(), NAME, summary.toString(), fields, ProtocolJson.pretty(all), true, data));
    }

    /** A size prefix of 1 to 5 bytes, then a MessagePack array (fixarray or array 16). */
    private static boolean startsLikeARecord(byte[] b) {
        for (int i = 0; i < 5 && i < b.length - 1; i++) {
            if (b[i] >= 0) {
                int next = b[i + 1] & 0xFF;
                return (next >= 0x91 && next <= 0x9F) || next == 0xDC;
            }
        }
        return false;
    }

    /** The record's members (as the JSON hub protocol names them) and a {@code summary}, or null. */
    private static ObjectNode record(JsonNode a) {
        if (!a.isArray() || a.isEmpty() || !a.get(0).canConvertToInt()) {
            return null;
        }
        int t = a.get(0).asInt();
        if (t < 1 || t >= TYPES.length) {
            return null;
        }
        ObjectNode d = ProtocolJson.object().put("type", TYPES[t]).put("typeCode", t);
        String id = a.size() > 2 && a.get(2).isTextual() ? a.get(2).asText() : null;
        String invocation = id == null ? "" : " #" + ProtocolJson.excerpt(id, 40);
        if (t <= 5 && (a.size() < 3 || !a.get(1).isObject())) {
            return null;
        }
        if (t <= 5 && a.get(1).size() > 0) {
            d.set("headers", a.get(1));
        }
        if (id != null) {
            d.put("invocationId", id);
        }
        String summary;
        switch (t) {
            case 1, 4 -> {
                if (a.size() < 5 || !a.get(3).isTextual() || !a.get(4).isArray() || (t == 4 && id == null)) {
                    return null;
                }
                d.put("target", a.get(3).asText()).set("arguments", a.get(4));
                if (a.size() > 5 && a.get(5).isArray() && !a.get(5).isEmpty()) {
                    d.set("streamIds", a.get(5));
                }
                int n = a.get(4).size();
                summary = TYPES[t] + " " + ProtocolJson.excerpt(a.get(3).asText(), 80) + "(" + n
                        + (n == 1 ? " argument)" : " arguments)") + invocation;
            }
            case 2 -> {
                if (a.size() != 4 || id == null) {
                    return null;
                }
                d.set("item", a.get(3));
                summary = TYPES[t] + invocation;
            }
            case 3 -> {
                if (a.size() < 4 || id == null || !a.get(3).canConvertToInt()) {
                    return null;
                }
                int kind = a.get(3).asInt();
                if (kind == 1 && a.size() == 5) {
                    d.set("error", a.get(4));
                    summary = TYPES[t] + invocation + " error: " + ProtocolJson.text(a.get(4), 80);
                } else if (kind == 2 && a.size() == 4) {
                    summary = TYPES[t] + invocation;
                } else if (kind == 3 && a.size() == 5) {
                    d.set("result", a.get(4));
                    summary = TYPES[t] + invocation + " result";
                } else {
                    return null;
                }
            }
            case 5 -> summary = id == null ? null : TYPES[t] + invocation;
            case 6 -> summary = a.size() == 1 ? TYPES[t] : null;
            case 7 -> {
                if (a.size() < 2 || !(a.get(1).isTextual() || a.get(1).isNull())) {
                    return null;
                }
                boolean reconnect = a.size() > 2 && a.get(2).asBoolean(false);
                if (a.get(1).isTextual()) {
                    d.put("error", a.get(1).asText());
                }
                d.put("allowReconnect", reconnect);
                summary = TYPES[t] + (a.get(1).isTextual() ? ": " + ProtocolJson.excerpt(a.get(1).asText(), 80) : "")
                        + (reconnect ? " (may reconnect)" : "");
            }
            default -> {
                if (a.size() != 2 || !a.get(1).canConvertToLong()) {
                    return null;
                }
                d.put("sequenceId", a.get(1).asLong());
                summary = TYPES[t] + " " + a.get(1).asLong();
            }
        }
        return summary == null ? null : d.put("summary", summary);
    }
}
