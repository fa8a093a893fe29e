package dev.wsinspector.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.payload.protocol.Decoded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a message must be for an {@code expect}: every condition given holds (none given: any message).
 * {@code text} (the whole text) and {@code contains}, and the string values of {@code json} and {@code decoded},
 * may hold {@code {{variables}}}, resolved when the message is looked at (so a value captured by an earlier step
 * can be expected). {@code json} and {@code decoded} map JSON paths to values (a number equals the same number
 * written otherwise: 1 = 1.0; a string never equals a number, except that a string holding {{variables}} is read
 * as JSON after resolving when the value there is not a string, so {@code "{{id}}"} matches a captured number); {@code decoded} looks into the protocol decoder's reading ({@code $.protocol},
 * {@code $.event}, … as in the JSONL {@code "decoded"} object); {@code filter} is an expression of the filter
 * language, tested on the message's first frame.
 */
public record Matcher(String text, String contains, Pattern regex, Map<String, JsonNode> json, JsonNode schema,
                      Map<String, JsonNode> decoded, String filterExpression, BoundFilter filter, Boolean binary) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    public Matcher {
        json = json == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(json));
        decoded = decoded == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decoded));
    }

    /** What a matcher needs from the run: the variables so far, the decoder and the frames' filter test. */
    public interface Context {
        UnaryOperator<String> resolver();

        Optional<Decoded> decode(Received message);

        /** True when frame {@code seq} matches {@code filter}. */
        boolean filter(BoundFilter filter, long seq);
    }

    /** Null when {@code m} matches, else why not (the first condition that failed). */
    public String mismatch(Received m, Context context) {
        UnaryOperator<String> resolve = context.resolver();
        if (binary != null && m.binary() != binary) {
            return "a " + (m.binary() ? "binary" : "text") + " message";
        }
        if (text != null) {
            String want = resolve.apply(text);
            if (!want.equals(m.text())) {
                return "text is not " + quote(want);
            }
        }
        if (contains != null) {
            String want = resolve.apply(contains);
            if (m.text() == null || !m.text().contains(want)) {
                return "text does not contain " + quote(want);
            }
        }
        if (regex != null && (m.text() == null || !regex.matcher(m.text()).find())) {
            return "text does not match /" + regex.pattern() + "/";
        }
        if (!json.isEmpty() || schema != null) {
            JsonNode tree = m.json();
            if (tree == null) {
                return "not JSON";
            }
            String p = paths(tree, json, resolve);
            if (p != null) {
                return p;
            }
            if (schema != null) {
                String invalid = JsonSchemaSubset.validate(schema, tree, "$");
                if (invalid != null) {
                    return "schema: " + invalid;
                }
            }
        }
        if (!decoded.isEmpty()) {
            Optional<Decoded> d = context.decode(m);
            if (d.isEmpty()) {
                return "no protocol decoder reads it";
            }
            String p = paths(d.get().toJson(), decoded, resolve);
            if (p != null) {
                return "decoded " + p;
            }
        }
        if (filter != null && !context.filter(filter, m.firstSeq())) {
            return "filter " + filterExpression + " does not match";
        }
        return null;
    }

    private static String paths(JsonNode tree, Map<String, JsonNode> wanted, UnaryOperator<String> resolve) {
        for (Map.Entry<String, JsonNode> e : wanted.entrySet()) {
            JsonNode actual = JsonPaths.find(tree, e.getKey());
            if (actual == null) {
                return e.getKey() + " is missing";
            }
            JsonNode want = e.getValue();
            if (want.isTextual() && want.asText().contains("{{")) {
                String resolved = resolve.apply(want.asText());
                want = actual.isTextual() ? new TextNode(resolved) : parsedOrText(resolved);
            }
            if (!sameJson(want, actual)) {
                return e.getKey() + " is " + actual + ", not " + want;
            }
        }
        return null;
    }

    /** A variable's value read as JSON (a captured number or object), else as a string. */
    private static JsonNode parsedOrText(String value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException | RuntimeException e) {
            return new TextNode(value);
        }
    }

    /** JSON equality where numbers compare by value (1 equals 1.0). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? Double.compare(x.asDouble(), y.asDouble()) : x.equals(y) ? 0 : 1, b);
    }

    /** E.g. {@code json $.type = "pong", $.id = 7}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (binary != null) {
            parts.add(binary ? "binary" : "text message");
        }
        if (text != null) {
            parts.add("text " + quote(text));
        }
        if (contains != null) {
            parts.add("containing " + quote(contains));
        }
        if (regex != null) {
            parts.add("matching /" + regex.pattern() + "/");
        }
        json.forEach((k, v) -> parts.add(k + " = " + v));
        if (schema != null) {
            parts.add("valid by its schema");
        }
        decoded.forEach((k, v) -> parts.add("decoded " + k + " = " + v));
        if (filter != null) {
            parts.add("filter " + filterExpression);
        }
        return parts.isEmpty() ? "any message" : Step.shorten(String.join(", ", parts));
    }

    private static String quote(String s) {
        return "\"" + Step.shorten(s) + "\"";
    }
}
