package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A binary payload that is one MessagePack value, shown as its JSON tree (binary strings as base64, extension
 * types as their bytes). Many byte strings are valid MessagePack (any single byte below 0x80 is a number), so
 * without the hint (a subprotocol naming msgpack/messagepack, or a forced decoder) only a binary payload that is
 * exactly one map or array is claimed.
 */
public final class MessagePackDecoder implements ProtocolDecoder {

    static final String NAME = "MessagePack";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.MSGPACK;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && (hint.subprotocolContains("msgpack")
                || hint.subprotocolContains("messagepack")) && !hint.subprotocolContains("signalr"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!hinted && (text || payload.length == 0 || !container(payload[0] & 0xFF))) {
            return Optional.empty(); // cheap first: every binary frame of the connection comes through here
        }
        JsonNode node = BinaryJson.msgpack(payload, 0, payload.length);
        if (node == null) {
            return hinted ? Optional.of(Decoded.malformed(id(), NAME, payload.length == 0 ? "empty message"
                    : "not exactly one MessagePack value", List.of())) : Optional.empty();
        }
        if (!hinted && !node.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(tree(id(), NAME, node, payload.length));
    }

    /** fixmap, fixarray, array 16/32, map 16/32. */
    private static boolean container(int first) {
        return (first >= 0x80 && first <= 0x9F) || (first >= 0xDC && first <= 0xDF);
    }

    /** A binary format's value as a message: summary by shape, the tree as the body and as {@code value}. */
    static Decoded tree(ProtocolId id, String name, JsonNode node, int bytes) {
        ObjectNode data = ProtocolJson.object();
        data.put("type", node.isObject() ? "map" : node.isArray() ? "array" : ProtocolJson.shape(node));
        data.set("value", node);
        String summary = name + " " + BinaryJson.shape(node) + ", " + bytes + " B"
                + (node.isValueNode() ? ": " + ProtocolJson.text(node, 80) : "");
        return Decoded.of(id, name, summary, List.of(new dev.wsinspector.core.payload.DetailFields.Field("Type",
                BinaryJson.shape(node)), new dev.wsinspector.core.payload.DetailFields.Field("Size", bytes + " B")),
                ProtocolJson.pretty(node), true, data);
    }
}
