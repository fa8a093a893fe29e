package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Direction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A parsed filter expression. Each term keeps {@code pos}, where it starts in the expression, so that binding
 * problems (pairing not available) point at it. {@link #toString()} writes the canonical form with every
 * combination in parentheses, which is what the parser tests compare.
 */
public sealed interface Expr {

    /** Comparison of a size, a time, a latency or a JSON value. */
    enum Cmp {
        EQ("=="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<=");

        final String symbol;

        Cmp(String symbol) {
            this.symbol = symbol;
        }

        static Cmp of(String symbol) {
            for (Cmp c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(symbol);
        }

        /** Applies the comparison to {@code a.compareTo(b)}'s sign. */
        boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
            };
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    /** What {@code type:} names. */
    enum Kind { TEXT, BINARY, CONTROL, PING, PONG, CLOSE, EVENT, ERROR }

    record And(List<Expr> terms) implements Expr {
        @Override
        public String toString() {
            return terms.stream().map(Expr::toString).collect(Collectors.joining(" and ", "(", ")"));
        }
    }

    record Or(List<Expr> terms) implements Expr {
        @Override
        public String toString() {
            return terms.stream().map(Expr::toString).collect(Collectors.joining(" or ", "(", ")"));
        }
    }

    record Not(Expr term) implements Expr {
        @Override
        public String toString() {
            return "not " + term;
        }
    }

    /** Plain text, found anywhere in a payload, ignoring case. */
    record Text(String text, int pos) implements Expr {
        @Override
        public String toString() {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** {@code /pattern/flags}, found anywhere in a payload read as UTF-8. */
    record Regex(Pattern pattern, String flags, int pos) implements Expr {
        @Override
        public String toString() {
            return "/" + pattern.pattern() + "/" + flags;
        }
    }

    record Dir(Direction direction, int pos) implements Expr {
        @Override
        public String toString() {
            return "dir:" + direction.jsonName();
        }
    }

    record Type(Kind kind, int pos) implements Expr {
        @Override
        public String toString() {
            return "type:" + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Stored payload length (after decompression) compared with {@code bytes}. */
    record Size(Cmp cmp, long bytes, int pos) implements Expr {
        @Override
        public String toString() {
            return "size" + cmp + bytes;
        }
    }

    /**
     * Capture time compared with a bound: an instant ({@code epochMicros}), or with {@code timeOfDayMicros >= 0}
     * a time of day in the filter's zone, on whatever day the frame was captured.
     */
    record Time(Cmp cmp, long epochMicros, long timeOfDayMicros, String written, int pos) implements Expr {
        @Override
        public String toString() {
            return "time" + cmp + written;
        }
    }

    /** A JSON value at {@code path} compared with {@code value} (a String, a Double, a Boolean or null); {@code cmp} null means exists. */
    record Json(JsonPathQuery path, Cmp cmp, Object value, int pos) implements Expr {
        @Override
        public String toString() {
            if (cmp == null) {
                return path + " exists";
            }
            String v = value instanceof String str ? '"' + str + '"' : String.valueOf(value);
            return path + " " + cmp + " " + v;
        }
    }

    /** A field of the payload's sub-protocol reading ({@code event:}, {@code method:}, {@code command:}, {@code protocol:}). */
    record DecodedField(String key, String value, int pos) implements Expr {
        @Override
        public String toString() {
            return key + ":\"" + value + '"';
        }
    }

    /** Keep-alive traffic, by the rules of {@link Heartbeats}. */
    record Heartbeat(int pos) implements Expr {
        @Override
        public String toString() {
            return "heartbeat";
        }
    }

    /** A request no reply was paired with (needs a {@link Pairing}). */
    record Unanswered(int pos) implements Expr {
        @Override
        public String toString() {
            return "unanswered";
        }
    }

    /** A reply's latency after its request compared with {@code nanos} (needs a {@link Pairing}). */
    record Latency(Cmp cmp, long nanos, int pos) implements Expr {
        @Override
        public String toString() {
            return "latency" + cmp + (nanos / 1_000_000.0) + "ms";
        }
    }
}
