package dev.wsinspector.ui.mock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.scenario.JsonPaths;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rule's JSON-path conditions as one line: {@code $.method = "add"; $.params[0] = 1} (each path as
 * {@code core.scenario.JsonPaths} reads it, each value JSON, so strings keep their quotes), read and written back.
 */
final class PathConditions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private PathConditions() {
    }

    static String format(Map<String, JsonNode> conditions) {
        return conditions.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** The conditions of {@code text}, in order; a clear message for the first thing wrong. */
    static Map<String, JsonNode> parse(String text) throws IllegalArgumentException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("Write a JSON path and its value, e.g. $.type = \"subscribe\"");
        }
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("\"" + rest + "\": a condition is PATH = VALUE");
            }
            String path = rest.substring(0, eq).strip();
            try {
                JsonPaths.parse(path);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Not a JSON path: " + e.getMessage());
            }
            String after = rest.substring(eq + 1);
            int used;
            JsonNode value;
            try (JsonParser p = FACTORY.createParser(after)) {
                value = JSON.readTree(p);
                if (value == null) {
                    throw new IllegalArgumentException(path + " = needs a JSON value");
                }
                used = (int) p.currentLocation().getCharOffset();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(path + " = is not followed by a JSON value (a string needs"
                        + " \"quotes\")");
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
            out.put(path, value);
            rest = after.substring(Math.min(used, after.length())).strip();
            if (rest.startsWith(";")) {
                rest = rest.substring(1).strip();
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("After " + path + " = " + value + ": \"" + rest
                        + "\" (conditions are separated by ;)");
            }
        }
        return out;
    }
}
