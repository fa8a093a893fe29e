package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A binary payload that is one CBOR data item (RFC 8949), shown as its JSON tree (byte strings as base64, tags
 * dropped, their content kept). As with MessagePack, without the hint (a subprotocol naming cbor, or a forced
 * decoder) only a binary payload that is exactly one map or array is claimed.
 */
public final class CborDecoder implements ProtocolDecoder {

    static final String NAME = "CBOR";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.CBOR;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty() && hint.subprotocolContains("cbor"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        int major = payload.length == 0 ? -1 : (payload[0] & 0xFF) >>> 5;
        if (!hinted && (text || (major != 4 && major != 5))) {
            return Optional.empty(); // an array or a map, checked before parsing: every binary frame asks
        }
        JsonNode node = BinaryJson.cbor(payload);
        if (node == null) {
            return hinted ? Optional.of(Decoded.malformed(id(), NAME, payload.length == 0 ? "empty message"
                    : "not exactly one CBOR data item", List.of())) : Optional.empty();
        }
        if (!hinted && !node.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(MessagePackDecoder.tree(id(), NAME, node, payload.length));
    }
}
