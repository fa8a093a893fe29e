package dev.wsinspector.core.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a replay step waits for in a received text message. */
public sealed interface WaitCondition {

    boolean test(String message);

    /** For progress and failure messages, e.g. {@code a message matching /ok/}. */
    String describe();

    /** A received text message in which the regular expression finds a match. */
    record Matches(Pattern regex) implements WaitCondition {
        public Matches {
            Objects.requireNonNull(regex, "regex");
        }

        /** @throws IllegalArgumentException with the syntax problem for an invalid expression */
        public static Matches of(String regex) {
            try {
                return new Matches(Pattern.compile(regex));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid regular expression: " + e.getDescription()
                        + " near position " + (e.getIndex() + 1));
            }
        }

        @Override
        public boolean test(String message) {
            return regex.matcher(message).find();
        }

        @Override
        public String describe() {
            return "a message matching /" + regex.pattern() + "/";
        }
    }

    /**
     * A received JSON message whose field at {@code path} (dot separated; numbers index arrays, as in
     * {@code items.0.id}) has the value {@code value}: strings compare by content, numbers, booleans and
     * null by their JSON text ({@code 42}, {@code true}, {@code null}), objects and arrays by compact JSON.
     */
    record JsonFieldEquals(String path, String value) implements WaitCondition {

        private static final ObjectMapper JSON = new ObjectMapper();

        public JsonFieldEquals {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            if (path.isBlank()) {
                throw new IllegalArgumentException("The JSON field path is empty");
            }
        }

        @Override
        public boolean test(String message) {
            JsonNode node;
            try {
                node = JSON.readTree(message);
            } catch (java.io.IOException notJson) {
                return false;
            }
            for (String part : path.split("\\.")) {
                if (node == null) {
                    return false;
                }
                node = node.isArray() && part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
            }
            if (node == null || node.isMissingNode()) {
                return false;
            }
            return (node.isContainerNode() ? node.toString() : node.asText()).equals(value);
        }

        @Override
        public String describe() {
            return "a JSON message with " + path + " = " + value;
        }
    }
}
