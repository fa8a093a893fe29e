package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON (or YAML) tree that remembers where each value and member name starts, read token by token from
 * Jackson's parser (a {@code JsonNode} keeps no positions). The readers of scenario files and of mock server profiles
 * ({@code core.mock}) use it, to point at what is wrong.
 */
public final class Located {

    public final Position at;
    public final JsonNode value;
    public final Map<String, Located> fields;
    public final Map<String, Position> names;
    public final List<Located> items;

    private Located(Position at, JsonNode value, Map<String, Located> fields, Map<String, Position> names,
                    List<Located> items) {
        this.at = at;
        this.value = value;
        this.fields = fields;
        this.names = names;
        this.items = items;
    }

    public boolean isObject() {
        return value.isObject();
    }

    public boolean isArray() {
        return value.isArray();
    }

    /** Where the member {@code name} is written (its name), else where this object starts. */
    public Position nameAt(String name) {
        return names.getOrDefault(name, at);
    }

    /** Reads the value at the parser's current token (the parser has been advanced onto it). */
    public static Located read(JsonParser p, String file) throws IOException, ScenarioFormatException {
        JsonToken t = p.currentToken();
        Position at = position(p.currentTokenLocation());
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT -> {
                Map<String, Located> fields = new LinkedHashMap<>();
                Map<String, Position> names = new LinkedHashMap<>();
                ObjectNode node = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    Position nameAt = position(p.currentTokenLocation());
                    if (fields.containsKey(name)) {
                        throw new ScenarioFormatException(file, nameAt, "\"" + name + "\" is given twice");
                    }
                    p.nextToken();
                    Located child = read(p, file);
                    fields.put(name, child);
                    names.put(name, nameAt);
                    node.set(name, child.value);
                }
                return new Located(at, node, Collections.unmodifiableMap(fields), names, List.of());
            }
            case START_ARRAY -> {
                List<Located> items = new ArrayList<>();
                ArrayNode node = f.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    Located child = read(p, file);
                    items.add(child);
                    node.add(child.value);
                }
                return new Located(at, node, Map.of(), Map.of(), List.copyOf(items));
            }
            case VALUE_STRING -> {
                return leaf(at, f.textNode(p.getText()));
            }
            case VALUE_NUMBER_INT -> {
                return leaf(at, switch (p.getNumberType()) {
                    case INT -> f.numberNode(p.getIntValue());
                    case LONG -> f.numberNode(p.getLongValue());
                    default -> f.numberNode(p.getBigIntegerValue());
                });
            }
            case VALUE_NUMBER_FLOAT -> {
                return leaf(at, f.numberNode(p.getDecimalValue()));
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return leaf(at, f.booleanNode(t == JsonToken.VALUE_TRUE));
            }
            case VALUE_NULL -> {
                return leaf(at, f.nullNode());
            }
            default -> throw new ScenarioFormatException(file, at, "unexpected " + t);
        }
    }

    private static Located leaf(Position at, JsonNode value) {
        return new Located(at, value, Map.of(), Map.of(), List.of());
    }

    public static Position position(JsonLocation location) {
        return location == null ? Position.UNKNOWN : new Position(Math.max(0, location.getLineNr()),
                Math.max(0, location.getColumnNr()));
    }
}
