package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON Schema keywords an {@code expect}'s {@code "schema"} understands (no maintained validator resolves
 * for this build's Jackson 2 line, so a documented subset): {@code type} (a name or a list), {@code enum},
 * {@code const}, {@code properties}, {@code required}, {@code additionalProperties} ({@code false} or a schema),
 * {@code items} (one schema), {@code minItems}/{@code maxItems}, {@code minLength}/{@code maxLength},
 * {@code pattern}, {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum} (numbers),
 * {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not}. Other keywords ({@code $ref}, formats, …) are refused when
 * the file is read, so a schema never passes by ignoring what it says.
 */
final class JsonSchemaSubset {

    static final java.util.Set<String> KEYWORDS = java.util.Set.of("type", "enum", "const", "properties", "required",
            "additionalProperties", "items", "minItems", "maxItems", "minLength", "maxLength", "pattern", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "allOf", "anyOf", "oneOf", "not", "$schema", "title",
            "description", "$comment", "examples", "default");

    private JsonSchemaSubset() {
    }

    /** The first keyword of {@code schema} (or a nested one) outside the subset, with its path, or null. */
    static String unsupported(JsonNode schema, String at) {
        if (schema.isBoolean()) {
            return null;
        }
        if (!schema.isObject()) {
            return at + " is not a schema (an object or true/false)";
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYWORDS.contains(k)) {
                return at + ": the keyword \"" + k + "\" is not supported (supported: type, enum, const, properties, "
                        + "required, additionalProperties, items, min/maxItems, min/maxLength, pattern, minimum, "
                        + "maximum, exclusiveMinimum, exclusiveMaximum, allOf, anyOf, oneOf, not)";
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = unsupported(e.getValue(), at + ".properties." + e.getKey());
            if (p != null) {
                return p;
            }
        }
        for (String k : new String[]{"items", "not", "additionalProperties"}) {
            if (schema.has(k) && !(k.equals("additionalProperties") && schema.get(k).isBoolean())) {
                String p = unsupported(schema.get(k), at + "." + k);
                if (p != null) {
                    return p;
                }
            }
        }
        for (String k : new String[]{"allOf", "anyOf", "oneOf"}) {
            int i = 0;
            for (JsonNode sub : schema.path(k)) {
                String p = unsupported(sub, at + "." + k + "[" + i++ + "]");
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Null when {@code value} is valid, else the first reason it is not, with the path into the value. */
    static String validate(JsonNode schema, JsonNode value, String at) {
        if (schema.isBoolean()) {
            return schema.asBoolean() ? null : at + ": no value is allowed";
        }
        JsonNode type = schema.get("type");
        if (type != null) {
            boolean ok = false;
            for (JsonNode t : type.isArray() ? type : java.util.List.of(type)) {
                ok |= isType(value, t.asText());
            }
            if (!ok) {
                return at + ": expected type " + type + " but was " + typeOf(value);
            }
        }
        if (schema.has("const") && !Matcher.sameJson(schema.get("const"), value)) {
            return at + ": expected " + schema.get("const") + " but was " + value;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode e : schema.get("enum")) {
                found |= Matcher.sameJson(e, value);
            }
            if (!found) {
                return at + ": " + value + " is not one of " + schema.get("enum");
            }
        }
        if (value.isObject()) {
            for (JsonNode r : schema.path("required")) {
                if (!value.has(r.asText())) {
                    return at + ": the member \"" + r.asText() + "\" is required";
                }
            }
            JsonNode props = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode sub = props.get(e.getKey());
                if (sub == null) {
                    sub = additional;
                }
                if (sub != null) {
                    String p = sub.isBoolean() && !sub.asBoolean()
                            ? at + ": the member \"" + e.getKey() + "\" is not allowed"
                            : validate(sub, e.getValue(), at + "." + e.getKey());
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                return at + ": " + value.size() + " items, fewer than " + schema.get("minItems");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                return at + ": " + value.size() + " items, more than " + schema.get("maxItems");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    String p = validate(schema.get("items"), value.get(i), at + "[" + i + "]");
                    if (p != null) {
                        return p;
                    }
                }
            }
        }
        if (value.isTextual()) {
            int length = value.asText().codePointCount(0, value.asText().length());
            if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                return at + ": shorter than " + schema.get("minLength");
            }
            if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                return at + ": longer than " + schema.get("maxLength");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                return at + ": " + value + " does not match the pattern " + schema.get("pattern");
            }
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            if (schema.has("minimum") && v < schema.get("minimum").asDouble()
                    || schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").asDouble()
                    || schema.has("maximum") && v > schema.get("maximum").asDouble()
                    || schema.has("exclusiveMaximum") && v >= schema.get("exclusiveMaximum").asDouble()) {
                return at + ": " + value + " is out of range";
            }
        }
        for (JsonNode sub : schema.path("allOf")) {
            String p = validate(sub, value, at);
            if (p != null) {
                return p;
            }
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            String k = schema.has("anyOf") ? "anyOf" : "oneOf";
            int valid = 0;
            for (JsonNode sub : schema.get(k)) {
                valid += validate(sub, value, at) == null ? 1 : 0;
            }
            if (valid == 0 || k.equals("oneOf") && valid > 1) {
                return at + ": matches " + valid + " of the " + k + " schemas";
            }
        }
        if (schema.has("not") && validate(schema.get("not"), value, at) == null) {
            return at + ": matches the schema under \"not\"";
        }
        return null;
    }

    private static boolean isType(JsonNode v, String type) {
        return switch (type) {
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "number" -> v.isNumber();
            case "integer" -> v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
            case "boolean" -> v.isBoolean();
            case "null" -> v.isNull();
            default -> false;
        };
    }

    private static String typeOf(JsonNode v) {
        return v.isObject() ? "object" : v.isArray() ? "array" : v.isTextual() ? "string" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "null";
    }
}
