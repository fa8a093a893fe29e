package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Strict JSON input with messages for people, and compact JSON output as JavaScript's JSON.stringify writes it. */
final class EncodeJson {

    private EncodeJson() {
    }

    private static final class Jackson {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(256).build()).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static ObjectMapper mapper() {
        return Jackson.MAPPER;
    }

    /** The JSON value of {@code text}; {@code what} names it in the message ("the arguments"). */
    static JsonNode parse(String text, String what) throws EncodeException {
        if (text == null || text.isBlank()) {
            throw new EncodeException(what + ": no JSON given");
        }
        try {
            return Jackson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            String first = newline < 0 ? message : message.substring(0, newline);
            var at = e.getLocation();
            throw new EncodeException(what + ": invalid JSON" + (at == null ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + first);
        } catch (RuntimeException e) {
            throw new EncodeException(what + ": invalid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The JSON value of {@code text}, or null when it is blank. */
    static JsonNode optional(String text, String what) throws EncodeException {
        return text == null || text.isBlank() ? null : parse(text, what);
    }

    /** A JSON object, or a clear refusal. */
    static ObjectNode object(String text, String what) throws EncodeException {
        JsonNode node = parse(text, what);
        if (!node.isObject()) {
            throw new EncodeException(what + " must be a JSON object {…}, not " + kind(node));
        }
        return (ObjectNode) node;
    }

    /** A JSON array as the list of arguments; a non-array value is the one argument; blank is none. */
    static ArrayNode arguments(String text, String what) throws EncodeException {
        JsonNode node = optional(text, what);
        if (node == null) {
            return JsonNodeFactory.instance.arrayNode();
        }
        return node.isArray() ? (ArrayNode) node : JsonNodeFactory.instance.arrayNode().add(node);
    }

    static String compact(JsonNode node) {
        try {
            return Jackson.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    static String quoted(String s) {
        return compact(JsonNodeFactory.instance.textNode(s));
    }

    static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.isObject() ? "an object" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
