package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON paths of matchers and captures: {@code $}, {@code .name}, {@code ['name']} and {@code [N]}, the
 * filter language's syntax without its wildcards (a matcher or capture names one value). Read over a tree here,
 * because a capture needs the value itself, which the filter's streaming {@code JsonPathQuery} never builds; the
 * mock server's reply templates ({@code core.mock}) read {@code {{$.id}}} with it too.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The steps of {@code path}: member names as strings, indexes as Integers. */
    public static List<Object> parse(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a JSON path starts with '$': " + path);
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("expected a member name after '.' in " + path);
                }
                steps.add(path.substring(start, i));
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' without ']' in " + path);
                }
                String inside = path.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        steps.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("expected an index or a quoted name in [" + inside
                                + "] in " + path);
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' in the JSON path " + path);
            }
        }
        return steps;
    }

    /** The value at {@code path}, or null when it is not there. */
    public static JsonNode find(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : parse(path)) {
            if (node == null) {
                return null;
            }
            node = step instanceof Integer index ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) step) : null);
        }
        return node;
    }

    /** A captured value as a variable holds it: strings as they are, anything else as its JSON. */
    public static String asVariable(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
