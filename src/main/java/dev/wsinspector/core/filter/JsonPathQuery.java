package dev.wsinspector.core.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON path subset of the filter language: {@code $}, {@code .name}, {@code ['name']} or {@code ["name"]},
 * {@code [N]} and the wildcards {@code .*} and {@code [*]} (any member or element). It is looked up with
 * Jackson's streaming parser over the payload bytes, skipping what the path does not enter and stopping at the
 * first value that satisfies the comparison: no tree, no String per frame. Jayway json-path was measured for
 * this and left out: 1.6–2.0 s for {@code $.type == "trade"} over 1 M frames of 100 B against 0.36–0.39 s here
 * (docs/BENCHMARKS.md, "Filter").
 *
 * <p>Comparisons: a string with a string (ordered by code points for {@code < >}), a number with a number (as
 * doubles), {@code true}/{@code false} with themselves ({@code ==}, {@code !=} only). A value of another type never
 * matches, not even {@code !=}: {@code $.a != 1} means "a is there and is a number other than 1"; but
 * {@code $.a != null} means "a is there and is not null". {@code exists} matches any value, null included. A payload that is not JSON (nothing but white space before
 * a '{' or '[') matches nothing; one that breaks off after the matching value still matches.
 */
public final class JsonPathQuery {

    private static final JsonFactory JSON = new JsonFactory();

    /** One step: a member name, an array index, or any (name null, index -1). */
    private record Step(String name, int index) {
        boolean any() {
            return name == null && index < 0;
        }

        @Override
        public String toString() {
            if (any()) {
                return "[*]";
            }
            return name != null ? "['" + name.replace("'", "\\'") + "']" : "[" + index + "]";
        }
    }

    private final Step[] steps;
    private final String written;

    private JsonPathQuery(List<Step> steps, String written) {
        this.steps = steps.toArray(Step[]::new);
        this.written = written;
    }

    /**
     * @param text the path as written, starting with {@code $}
     * @param pos  where it starts in the expression, for errors
     */
    static JsonPathQuery parse(String text, int pos) {
        if (!text.startsWith("$")) {
            throw new FilterSyntaxException(pos, "a JSON path starts with '$'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                String name = text.substring(start, i);
                if (name.isEmpty()) {
                    throw new FilterSyntaxException(pos + start, "expected a member name after '.' in the JSON path"
                            + (start < text.length() && text.charAt(start) == '.' ? " ('..' is not supported)" : ""));
                }
                steps.add(name.equals("*") ? new Step(null, -1) : new Step(name, -1));
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                char q = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (q == '\'' || q == '"') {
                    StringBuilder b = new StringBuilder();
                    int k = i + 2;
                    while (k < text.length() && text.charAt(k) != q) {
                        if (text.charAt(k) == '\\' && k + 1 < text.length()) {
                            k++;
                        }
                        b.append(text.charAt(k++));
                    }
                    if (k + 1 >= text.length() || text.charAt(k + 1) != ']') {
                        throw new FilterSyntaxException(pos + i, "expected a quoted name and ']' in the JSON path");
                    }
                    steps.add(new Step(b.toString(), -1));
                    i = k + 2;
                    continue;
                }
                String inside = close < 0 ? "" : text.substring(i + 1, close).strip();
                if (inside.equals("*")) {
                    steps.add(new Step(null, -1));
                } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit) && inside.length() <= 9) {
                    steps.add(new Step(null, Integer.parseInt(inside)));
                } else {
                    throw new FilterSyntaxException(pos + i, "expected an index, '*' or a quoted name in '[…]' of the JSON path");
                }
                i = close + 1;
            } else {
                throw new FilterSyntaxException(pos + i, "expected '.' or '[' in the JSON path, found '" + c + "'");
            }
        }
        return new JsonPathQuery(steps, text);
    }

    /**
     * A path on its own, such as a profile's pairing setting ({@code "$.id"}).
     *
     * @throws FilterSyntaxException with the position of the mistake in {@code path}
     */
    public static JsonPathQuery of(String path) {
        return parse(path.strip(), 0);
    }

    /**
     * The first scalar value at this path as text (a string as it is, a number or boolean as written, prefixed by
     * its kind so that {@code 7} and {@code "7"} differ), or null when the payload is not JSON or has none there.
     */
    public String scalar(byte[] payload) {
        int k = 0;
        while (k < payload.length && (payload[k] == ' ' || payload[k] == '\t' || payload[k] == '\n' || payload[k] == '\r')) {
            k++;
        }
        if (k == payload.length || (payload[k] != '{' && payload[k] != '[')) {
            return null;
        }
        try (JsonParser p = JSON.createParser(payload, k, payload.length - k)) {
            p.nextToken();
            return scalarAt(p, 0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private String scalarAt(JsonParser p, int step) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        if (step == steps.length) {
            if (t.isStructStart()) {
                p.skipChildren();
                return null;
            }
            return t == JsonToken.VALUE_STRING ? "s:" + p.getText() : t == JsonToken.VALUE_NULL ? null : "v:" + p.getText();
        }
        Step s = steps[step];
        if (t == JsonToken.START_OBJECT && s.index < 0) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean enter = s.any() || s.name.equals(p.currentName());
                p.nextToken();
                if (enter) {
                    String found = scalarAt(p, step + 1);
                    if (found != null) {
                        return found;
                    }
                } else {
                    p.skipChildren();
                }
            }
            return null;
        }
        if (t == JsonToken.START_ARRAY && s.name == null) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY && p.currentToken() != null) {
                if (s.any() || index == s.index) {
                    String found = scalarAt(p, step + 1);
                    if (found != null) {
                        return found;
                    }
                } else {
                    p.skipChildren();
                }
                index++;
            }
            return null;
        }
        if (t.isStructStart()) {
            p.skipChildren();
        }
        return null;
    }

    /** True when the payload is JSON and a value at this path satisfies {@code cmp value} (null cmp: exists). */
    boolean test(byte[] payload, int offset, int length, Expr.Cmp cmp, Object value) {
        int k = offset;
        int end = offset + length;
        while (k < end && (payload[k] == ' ' || payload[k] == '\t' || payload[k] == '\n' || payload[k] == '\r')) {
            k++;
        }
        if (k == end || (payload[k] != '{' && payload[k] != '[')) {
            return false; // not JSON: no parser for it
        }
        try (JsonParser p = JSON.createParser(payload, k, end - k)) {
            p.nextToken();
            return match(p, 0, cmp, value);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** At the first token of a value; returns having consumed it, unless it returns true. */
    private boolean match(JsonParser p, int step, Expr.Cmp cmp, Object value) throws IOException {
        JsonToken t = p.currentToken();
        if (step == steps.length) {
            boolean hit = satisfies(p, t, cmp, value);
            if (t.isStructStart()) {
                p.skipChildren();
            }
            return hit;
        }
        Step s = steps[step];
        if (t == JsonToken.START_OBJECT) {
            if (s.index >= 0) {
                p.skipChildren();
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean enter = s.any() || s.name.equals(p.currentName());
                p.nextToken();
                if (enter) {
                    if (match(p, step + 1, cmp, value)) {
                        return true;
                    }
                } else {
                    p.skipChildren();
                }
            }
            return false;
        }
        if (t == JsonToken.START_ARRAY) {
            if (s.name != null) {
                p.skipChildren();
                return false;
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() == null) {
                    return false;
                }
                if (s.any() || index == s.index) {
                    if (match(p, step + 1, cmp, value)) {
                        return true;
                    }
                } else {
                    p.skipChildren();
                }
                index++;
            }
            return false;
        }
        return false; // a scalar where the path goes on
    }

    private static boolean satisfies(JsonParser p, JsonToken t, Expr.Cmp cmp, Object value) throws IOException {
        if (cmp == null) {
            return true;
        }
        if (value instanceof String s) {
            return t == JsonToken.VALUE_STRING && cmp.test(Integer.signum(p.getText().compareTo(s)));
        }
        if (value instanceof Double d) {
            return t.isNumeric() && cmp.test(Double.compare(p.getDoubleValue(), d));
        }
        if (value instanceof Boolean b) {
            boolean isBool = t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE;
            return isBool && (cmp == Expr.Cmp.EQ || cmp == Expr.Cmp.NE) && cmp.test((t == JsonToken.VALUE_TRUE) == b ? 0 : 1);
        }
        return cmp == Expr.Cmp.EQ ? t == JsonToken.VALUE_NULL : t != JsonToken.VALUE_NULL; // != null: there, not null
    }

    @Override
    public String toString() {
        return written;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonPathQuery q && q.written.equals(written);
    }

    @Override
    public int hashCode() {
        return Objects.hash(written);
    }
}
