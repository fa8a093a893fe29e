package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Strict JSON parsing and short renderings shared by the decoders. */
final class ProtocolJson {

    /** Bodies are cut here: the Protocol view is for reading a message, the JSON view shows all of it. */
    static final int MAX_BODY_CHARS = 1024 * 1024;

    private ProtocolJson() {
    }

    /** Made on first use, off the FX thread. */
    private static final class Jackson {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Outcome of a parse: the tree, or the reason it is not JSON. */
    record Parsed(JsonNode node, String error) {
        boolean ok() {
            return node != null;
        }
    }

    static Parsed parse(String text) {
        if (text.isBlank()) {
            return new Parsed(null, "no JSON");
        }
        try {
            return new Parsed(Jackson.MAPPER.readTree(text), "");
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            int newline = message.indexOf('\n');
            String first = newline < 0 ? message : message.substring(0, newline);
            var at = e.getLocation();
            return new Parsed(null, "invalid JSON" + (at == null ? "" : " at column " + at.getColumnNr()) + ": " + first);
        } catch (IOException | RuntimeException e) {
            return new Parsed(null, "invalid JSON: " + e.getClass().getSimpleName());
        }
    }

    /** A new, empty JSON object. */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A JSON array of {@code items}. */
    static JsonNode array(java.util.List<JsonNode> items) {
        return JsonNodeFactory.instance.arrayNode().addAll(items);
    }

    /** The tree as indented JSON, cut at {@link #MAX_BODY_CHARS}. */
    static String pretty(JsonNode node) {
        try {
            return cut(Jackson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** One-line JSON, at most {@code max} characters ({@code …} marks a cut). */
    static String compact(JsonNode node, int max) {
        return excerpt(node.toString(), max);
    }

    /** {@code text} on one line with whitespace runs collapsed, at most {@code max} characters. */
    static String excerpt(String text, int max) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }

    static String cut(String text) {
        return text.length() <= MAX_BODY_CHARS ? text
                : text.substring(0, MAX_BODY_CHARS) + "\n… (cut at " + MAX_BODY_CHARS / 1024 + " KiB characters)";
    }

    /** {@code object with 3 keys}, {@code array of 2}, {@code string}, … */
    static String shape(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "none";
        }
        if (node.isObject()) {
            return node.size() == 1 ? "object with 1 key" : "object with " + node.size() + " keys";
        }
        if (node.isArray()) {
            return "array of " + node.size();
        }
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A scalar's text without quotes, anything else as compact JSON. */
    static String text(JsonNode node, int max) {
        return node.isValueNode() && !node.isNull() ? excerpt(node.asText(), max) : compact(node, max);
    }
}
