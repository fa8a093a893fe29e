package dev.wsinspector.core.filter;

import dev.wsinspector.core.filter.Expr.Cmp;
import dev.wsinspector.core.filter.FilterLexer.Kind;
import dev.wsinspector.core.filter.FilterLexer.Token;
import dev.wsinspector.core.frame.Direction;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive descent over the tokens: {@code or} binds loosest, then {@code and} (also between two terms written
 * side by side), then {@code not}; parentheses group. Every error names the position and what was expected.
 */
final class FilterParser {

    /** Keys whose value is a field of the payload's sub-protocol reading (see {@link Expr.DecodedField}). */
    static final List<String> DECODED_KEYS = List.of("event", "method", "command", "protocol");
    private static final Map<String, Expr.Kind> KINDS = Map.of("text", Expr.Kind.TEXT, "binary", Expr.Kind.BINARY,
            "control", Expr.Kind.CONTROL, "ping", Expr.Kind.PING, "pong", Expr.Kind.PONG, "close", Expr.Kind.CLOSE,
            "event", Expr.Kind.EVENT, "error", Expr.Kind.ERROR);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s)?", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final List<Token> tokens;
    private final ZoneId zone;
    private int at;

    private FilterParser(String source, ZoneId zone) {
        this.source = source;
        this.tokens = FilterLexer.tokens(source);
        this.zone = zone;
    }

    /** @param zone where a date or time written without an offset is read */
    static Expr parse(String source, ZoneId zone) {
        FilterParser p = new FilterParser(source, zone);
        if (p.peek().kind() == Kind.END) {
            throw new FilterSyntaxException(0, "the filter is empty");
        }
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind() == Kind.RPAREN) {
            throw new FilterSyntaxException(t.pos(), "')' without a matching '('");
        }
        if (t.kind() != Kind.END) {
            throw new FilterSyntaxException(t.pos(), "unexpected '" + t.text() + "'");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        return tokens.get(at++);
    }

    private boolean keyword(Token t, String word) {
        return t.kind() == Kind.WORD && t.value() == null && t.text().equalsIgnoreCase(word);
    }

    private Expr or() {
        List<Expr> terms = new ArrayList<>();
        terms.add(and());
        while (keyword(peek(), "or")) {
            Token or = take();
            expectOperand(or);
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.Or(List.copyOf(terms));
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>();
        terms.add(unary());
        while (true) {
            Token t = peek();
            if (keyword(t, "and")) {
                take();
                expectOperand(t);
                terms.add(unary());
            } else if (startsOperand(t)) {
                terms.add(unary()); // two terms side by side: and
            } else {
                break;
            }
        }
        return terms.size() == 1 ? terms.get(0) : new Expr.And(List.copyOf(terms));
    }

    private Expr unary() {
        Token t = peek();
        if (keyword(t, "not")) {
            take();
            expectOperand(t);
            return new Expr.Not(unary());
        }
        return primary();
    }

    private boolean startsOperand(Token t) {
        return switch (t.kind()) {
            case WORD -> !keyword(t, "or") && !keyword(t, "and");
            case QUOTED, REGEX, PATH, LPAREN -> true;
            default -> false;
        };
    }

    private void expectOperand(Token after) {
        Token t = peek();
        if (!startsOperand(t)) {
            throw new FilterSyntaxException(t.pos(), "expected a term after '" + after.text() + "'"
                    + (t.kind() == Kind.END ? "" : ", found '" + t.text() + "'"));
        }
    }

    private Expr primary() {
        Token t = take();
        return switch (t.kind()) {
            case LPAREN -> {
                if (peek().kind() == Kind.RPAREN) {
                    throw new FilterSyntaxException(peek().pos(), "expected a term inside '()'");
                }
                Expr inner = or();
                Token close = peek();
                if (close.kind() != Kind.RPAREN) {
                    throw new FilterSyntaxException(close.pos(), "expected ')' to close the '(' at " + (t.pos() + 1)
                            + (close.kind() == Kind.END ? "" : ", found '" + close.text() + "'"));
                }
                take();
                yield inner;
            }
            case QUOTED -> new Expr.Text(t.value(), t.pos());
            case REGEX -> regex(t);
            case PATH -> json(t);
            case WORD -> word(t);
            case OP -> throw new FilterSyntaxException(t.pos(), "'" + t.text()
                    + "' needs something to compare on its left: size, time, latency or a JSON path ($.…)");
            default -> throw new FilterSyntaxException(t.pos(), "expected a term");
        };
    }

    private Expr regex(Token t) {
        int flags = 0;
        for (char f : t.flags().toCharArray()) {
            flags |= switch (f) {
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'x' -> Pattern.COMMENTS;
                default -> throw new FilterSyntaxException(t.pos() + t.text().length() - t.flags().length()
                        + t.flags().indexOf(f), "unknown regex flag '" + f + "' (i, m, s and x are known)");
            };
        }
        try {
            return new Expr.Regex(Pattern.compile(t.value(), flags), t.flags(), t.pos());
        } catch (PatternSyntaxException e) {
            int inside = e.getIndex() >= 0 ? Math.min(e.getIndex(), t.value().length()) + 1 : 0;
            throw new FilterSyntaxException(t.pos() + inside, "bad regex: " + e.getDescription());
        }
    }

    private Expr json(Token t) {
        JsonPathQuery path = JsonPathQuery.parse(t.text(), t.pos());
        Token next = peek();
        if (keyword(next, "exists")) {
            take();
            return new Expr.Json(path, null, null, t.pos());
        }
        if (next.kind() != Kind.OP) {
            return new Expr.Json(path, null, null, t.pos()); // a path alone: exists
        }
        take();
        Cmp cmp = Cmp.of(next.text());
        Token v = take();
        String after = t.text() + " " + next.text();
        Object value;
        if (v.kind() == Kind.QUOTED) {
            value = v.value();
        } else if (v.kind() == Kind.WORD && v.value() == null) {
            String w = v.text();
            if (NUMBER.matcher(w).matches()) {
                value = Double.parseDouble(w);
            } else if (w.equals("true") || w.equals("false")) {
                value = Boolean.parseBoolean(w);
            } else if (w.equals("null")) {
                value = null;
            } else {
                throw new FilterSyntaxException(v.pos(), "expected a quoted string, a number, true, false or null after '"
                        + after + "', found '" + w + "' (quote text: \"" + w + "\")");
            }
        } else {
            throw new FilterSyntaxException(v.pos(), "expected a value after '" + after + "'");
        }
        if ((value == null || value instanceof Boolean) && cmp != Cmp.EQ && cmp != Cmp.NE) {
            throw new FilterSyntaxException(next.pos(), "only == and != compare with " + value);
        }
        return new Expr.Json(path, cmp, value, t.pos());
    }

    private Expr word(Token t) {
        String text = t.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (peek().kind() == Kind.OP) {
            return comparison(t, lower);
        }
        if (t.value() == null) {
            switch (lower) {
                case "heartbeat":
                    return new Expr.Heartbeat(t.pos());
                case "unanswered":
                    return new Expr.Unanswered(t.pos());
                case "exists":
                    throw new FilterSyntaxException(t.pos(), "'exists' follows a JSON path, e.g. $.a.b exists");
                default:
                    break;
            }
        }
        int colon = text.indexOf(':');
        if (colon > 0) {
            String key = lower.substring(0, colon);
            String value = t.value() != null ? t.value() : text.substring(colon + 1);
            int valuePos = t.pos() + colon + 1;
            if (key.equals("dir") || key.equals("type") || DECODED_KEYS.contains(key)) {
                if (value.isEmpty()) {
                    throw new FilterSyntaxException(valuePos, "expected a value after '" + text.substring(0, colon + 1) + "'");
                }
                String v = value.toLowerCase(Locale.ROOT);
                if (key.equals("dir")) {
                    return switch (v) {
                        case "in" -> new Expr.Dir(Direction.IN, t.pos());
                        case "out" -> new Expr.Dir(Direction.OUT, t.pos());
                        default -> throw new FilterSyntaxException(valuePos, "expected in or out after 'dir:', found '" + value + "'");
                    };
                }
                if (key.equals("type")) {
                    Expr.Kind kind = KINDS.get(v);
                    if (kind == null) {
                        throw new FilterSyntaxException(valuePos, "expected text, binary, control, ping, pong, close, event"
                                + " or error after 'type:', found '" + value + "'");
                    }
                    return new Expr.Type(kind, t.pos());
                }
                return new Expr.DecodedField(key, value, t.pos());
            }
        }
        if (t.value() != null) {
            return new Expr.Text(text + t.value(), t.pos()); // unknown key: the text as written, unquoted
        }
        return new Expr.Text(text, t.pos());
    }

    private Expr comparison(Token key, String lower) {
        Token op = take();
        Token v = peek();
        String after = key.text() + op.text();
        if (v.kind() != Kind.WORD || v.value() != null) {
            throw new FilterSyntaxException(v.pos(), "expected a value after '" + after + "'");
        }
        take();
        Cmp cmp = Cmp.of(op.text());
        String value = v.text();
        switch (lower) {
            case "size" -> {
                var m = SIZE.matcher(value);
                if (!m.matches()) {
                    throw new FilterSyntaxException(v.pos(), "expected a size after '" + after + "', e.g. 100, 1k, 2MiB");
                }
                double n = Double.parseDouble(m.group(1));
                String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
                long scale = unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1;
                return new Expr.Size(cmp, Math.round(n * scale), key.pos());
            }
            case "latency" -> {
                var m = DURATION.matcher(value);
                if (!m.matches()) {
                    throw new FilterSyntaxException(v.pos(), "expected a duration after '" + after + "', e.g. 200ms, 1.5s");
                }
                String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
                double scale = switch (unit) {
                    case "s" -> 1e9;
                    case "ms" -> 1e6;
                    default -> 1e3;
                };
                return new Expr.Latency(cmp, Math.round(Double.parseDouble(m.group(1)) * scale), key.pos());
            }
            case "time" -> {
                return time(cmp, value, v.pos(), key.pos());
            }
            default -> throw new FilterSyntaxException(op.pos(), "'" + op.text()
                    + "' compares only size, time, latency or a JSON path ($.…); quote text to search for it: \""
                    + source.substring(key.pos(), v.end()) + "\"");
        }
    }

    private Expr time(Cmp cmp, String value, int valuePos, int pos) {
        try {
            if (value.contains("T") || value.contains("t")) {
                String v = value.toUpperCase(Locale.ROOT);
                long micros;
                if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    micros = micros(OffsetDateTime.parse(v).toInstant());
                } else {
                    micros = micros(LocalDateTime.parse(v).atZone(zone).toInstant());
                }
                return new Expr.Time(cmp, micros, -1, value, pos);
            }
            LocalTime t = LocalTime.parse(value);
            return new Expr.Time(cmp, 0, t.toNanoOfDay() / 1000, value, pos);
        } catch (DateTimeException e) {
            throw new FilterSyntaxException(valuePos, "expected a time after 'time" + cmp + "': 12:00:05,"
                    + " 12:00:05.250 or an ISO date and time such as 2026-12-03T12:00:05Z");
        }
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }
}
