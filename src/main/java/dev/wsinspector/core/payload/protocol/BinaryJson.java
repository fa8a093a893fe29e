package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.jackson.dataformat.MessagePackExtensionType;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.util.HexFormat;

/**
 * Binary formats read into a JSON tree with Jackson (MessagePack through msgpack-java's factory, CBOR through
 * Jackson's own): exactly one value filling the payload, or nothing. Limits keep hostile bytes cheap: nesting and
 * string lengths are capped by the parsers' read constraints, and a payload never holds more than its bytes.
 */
final class BinaryJson {

    /** Deeper trees are refused: no real message nests this far, and deep trees are slow to print. */
    static final int MAX_DEPTH = 64;

    private BinaryJson() {
    }

    /** Made on first use, off the FX thread. */
    private static final class Mappers {
        static final ObjectMapper MSGPACK = mapper(new MessagePackFactory());
        static final ObjectMapper CBOR = mapper(CBORFactory.builder().build());

        private static ObjectMapper mapper(JsonFactory factory) {
            factory.setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
            factory.disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature());
            return new ObjectMapper(factory);
        }
    }

    /** The one MessagePack value of {@code bytes[from, to)}, or null when that is not exactly one value. */
    static JsonNode msgpack(byte[] bytes, int from, int to) {
        // msgpack's Jackson parser throws at the end instead of saying so, so msgpack-core checks the extent first
        // (skipValue walks the value without building it, and fails on lengths that run past the end).
        try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(bytes, from, Math.max(0, to - from))) {
            if (to <= from) {
                return null;
            }
            unpacker.skipValue();
            if (unpacker.hasNext()) {
                return null;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
        return one(Mappers.MSGPACK, bytes, from, to, false);
    }

    /** The one CBOR value of {@code bytes}, or null when the payload is not exactly one value. */
    static JsonNode cbor(byte[] bytes) {
        return one(Mappers.CBOR, bytes, 0, bytes.length, true);
    }

    private static JsonNode one(ObjectMapper mapper, byte[] bytes, int from, int to, boolean checkEnd) {
        if (to <= from) {
            return null;
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes, from, to - from)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode() || (checkEnd && parser.nextToken() != null) || depth(node, 0) > MAX_DEPTH) {
                return null;
            }
            return plain(node);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            return null; // not this format, or cut short
        }
    }

    /**
     * The tree with what only its own format can write made JSON: a MessagePack extension value becomes {@code
     * {"extType":n,"hex":"…"}} (msgpack-java keeps it as a POJO that only its generator serialises).
     */
    private static JsonNode plain(JsonNode node) {
        if (node instanceof POJONode pojo) {
            if (pojo.getPojo() instanceof MessagePackExtensionType ext) {
                byte[] data = ext.getData();
                return JsonNodeFactory.instance.objectNode().put("extType", ext.getType())
                        .put("hex", hex(data, 0, data.length, 64 * 1024));
            }
            return JsonNodeFactory.instance.textNode(String.valueOf(pojo.getPojo()));
        }
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> e.setValue(plain(e.getValue())));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, plain(array.get(i)));
            }
        }
        return node;
    }

    /** Depth of the tree, stopping early once past the limit. */
    private static int depth(JsonNode node, int at) {
        if (at > MAX_DEPTH || !node.isContainerNode()) {
            return at;
        }
        int max = at;
        for (JsonNode child : node) {
            max = Math.max(max, depth(child, at + 1));
            if (max > MAX_DEPTH) {
                break;
            }
        }
        return max;
    }

    /** {@code map with 3 keys}, {@code array of 2}, … for summaries. */
    static String shape(JsonNode node) {
        if (node.isObject()) {
            return node.size() == 1 ? "map with 1 key" : "map with " + node.size() + " keys";
        }
        if (node.isBinary()) {
            return "binary";
        }
        return ProtocolJson.shape(node);
    }

    static String hex(byte[] bytes, int from, int to, int maxBytes) {
        int end = Math.min(to, from + maxBytes);
        return HexFormat.of().formatHex(bytes, from, end) + (end < to ? "…" : "");
    }
}
