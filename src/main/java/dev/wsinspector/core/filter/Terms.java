package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.session.ConnectionEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The evaluable form of an {@link Expr}: one node per term, with {@code and}/{@code or} asking their cheapest
 * operands first (header bits before the time, before a payload scan, before a regex or JSON, before decoding).
 * Nodes are stateless and thread-safe; per-frame state is in the {@link FrameCursor}.
 */
final class Terms {

    private Terms() {
    }

    /** Costs, in the order operands are asked. */
    static final int HEADER = 0;
    static final int TIME = 1;
    static final int SMALL_PAYLOAD = 2;
    static final int SCAN = 3;
    static final int PARSE = 4;
    static final int REGEX = 5;
    static final int DECODE = 6;

    abstract static class Node {
        abstract boolean frame(FrameCursor c);

        /** @param text the event's text ({@link EventText}) */
        abstract boolean event(ConnectionEvent e, String text);

        abstract int cost();

        /** True when most frames' answers read their payload, so reading payloads in bulk pays. */
        boolean scansPayloads() {
            return cost() >= SCAN;
        }
    }

    static Node compile(Expr e, FilterContext context, ZoneId zone) {
        // Java 17: no pattern matching in switch yet.
        if (e instanceof Expr.And a) {
            return new All(compileAll(a.terms(), context, zone));
        } else if (e instanceof Expr.Or o) {
            return new Any(compileAll(o.terms(), context, zone));
        } else if (e instanceof Expr.Not n) {
            return new Not(compile(n.term(), context, zone));
        } else if (e instanceof Expr.Text t) {
            return new Text(t.text());
        } else if (e instanceof Expr.Regex r) {
            return new Regex(r.pattern());
        } else if (e instanceof Expr.Dir d) {
            return new Dir(d.direction());
        } else if (e instanceof Expr.Type t) {
            return new Type(t.kind());
        } else if (e instanceof Expr.Size s) {
            return new Size(s.cmp(), s.bytes());
        } else if (e instanceof Expr.Time t) {
            return new Time(t, zone);
        } else if (e instanceof Expr.Json j) {
            return new Json(j);
        } else if (e instanceof Expr.DecodedField d) {
            return new DecodedField(d.key(), d.value());
        } else if (e instanceof Expr.Heartbeat) {
            return new Heartbeat();
        } else if (e instanceof Expr.Unanswered u) {
            return new Unanswered(requirePairing(context, u.pos(), "unanswered"));
        } else if (e instanceof Expr.Latency l) {
            return new Latency(l.cmp(), l.nanos(), requirePairing(context, l.pos(), "latency"));
        }
        throw new IllegalArgumentException("unknown term " + e);
    }

    private static Pairing requirePairing(FilterContext context, int pos, String term) {
        if (context.pairing() == null) {
            throw new FilterSyntaxException(pos, "pairing is not available yet: '" + term
                    + "' needs requests paired with their replies");
        }
        return context.pairing();
    }

    private static List<Node> compileAll(List<Expr> terms, FilterContext context, ZoneId zone) {
        List<Node> nodes = new ArrayList<>();
        for (Expr t : terms) {
            nodes.add(compile(t, context, zone));
        }
        nodes.sort(Comparator.comparingInt(Node::cost)); // stable: equal costs keep the written order
        return nodes;
    }

    static final class All extends Node {
        private final Node[] nodes;

        All(List<Node> nodes) {
            this.nodes = nodes.toArray(Node[]::new);
        }

        @Override
        boolean frame(FrameCursor c) {
            for (Node n : nodes) {
                if (!n.frame(c)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            for (Node n : nodes) {
                if (!n.event(e, text)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        int cost() {
            return nodes[nodes.length - 1].cost();
        }
    }

    static final class Any extends Node {
        private final Node[] nodes;

        Any(List<Node> nodes) {
            this.nodes = nodes.toArray(Node[]::new);
        }

        @Override
        boolean frame(FrameCursor c) {
            for (Node n : nodes) {
                if (n.frame(c)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            for (Node n : nodes) {
                if (n.event(e, text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        int cost() {
            return nodes[nodes.length - 1].cost();
        }
    }

    static final class Not extends Node {
        private final Node node;

        Not(Node node) {
            this.node = node;
        }

        @Override
        boolean frame(FrameCursor c) {
            return !node.frame(c);
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return !node.event(e, text);
        }

        @Override
        int cost() {
            return node.cost();
        }
    }

    /** Plain text: ASCII terms on the raw bytes ({@link AsciiSearch}), others on the decoded text. */
    static final class Text extends Node {
        private final AsciiSearch ascii;
        private final Pattern unicode;
        private final String lower;

        Text(String text) {
            ascii = AsciiSearch.isAscii(text) ? new AsciiSearch(text) : null;
            unicode = ascii == null ? Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE) : null;
            lower = text.toLowerCase(Locale.ROOT);
        }

        @Override
        boolean frame(FrameCursor c) {
            if (ascii != null) {
                byte[] p = c.payload();
                return ascii.in(p, c.offset(), c.offset() + c.length);
            }
            return unicode.matcher(c.utf8()).find();
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return ascii != null ? text.toLowerCase(Locale.ROOT).contains(lower) : unicode.matcher(text).find();
        }

        @Override
        int cost() {
            return ascii != null ? SCAN : REGEX;
        }
    }

    static final class Regex extends Node {
        private final Pattern pattern;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean frame(FrameCursor c) {
            return pattern.matcher(c.utf8()).find();
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return pattern.matcher(text).find();
        }

        @Override
        int cost() {
            return REGEX;
        }
    }

    static final class Dir extends Node {
        private final boolean inbound;

        Dir(Direction direction) {
            inbound = direction == Direction.IN;
        }

        @Override
        boolean frame(FrameCursor c) {
            return c.inbound == inbound;
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return HEADER;
        }
    }

    static final class Type extends Node {
        private final Expr.Kind kind;

        Type(Expr.Kind kind) {
            this.kind = kind;
        }

        @Override
        boolean frame(FrameCursor c) {
            Opcode op = c.opcode();
            return switch (kind) {
                case TEXT -> c.text;
                case BINARY -> !c.text && (op == Opcode.BINARY || op == Opcode.CONTINUATION);
                case CONTROL -> op.isControl();
                case PING -> op == Opcode.PING;
                case PONG -> op == Opcode.PONG;
                case CLOSE -> op == Opcode.CLOSE;
                case EVENT, ERROR -> false;
            };
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return switch (kind) {
                case EVENT -> true;
                case ERROR -> e instanceof ConnectionEvent.Failed
                        || e instanceof ConnectionEvent.Note n && n.level().equals(ConnectionEvent.Note.ERROR);
                default -> false;
            };
        }

        @Override
        int cost() {
            return HEADER;
        }
    }

    static final class Size extends Node {
        private final Expr.Cmp cmp;
        private final long bytes;

        Size(Expr.Cmp cmp, long bytes) {
            this.cmp = cmp;
            this.bytes = bytes;
        }

        @Override
        boolean frame(FrameCursor c) {
            return cmp.test(Long.compare(c.length, bytes));
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return HEADER;
        }
    }

    static final class Time extends Node {
        private static final long DAY_MICROS = 86_400_000_000L;
        private final Expr.Cmp cmp;
        private final long epochMicros;
        private final long timeOfDayMicros;
        private final ZoneRules rules;

        Time(Expr.Time t, ZoneId zone) {
            cmp = t.cmp();
            epochMicros = t.epochMicros();
            timeOfDayMicros = t.timeOfDayMicros();
            rules = zone.getRules();
        }

        private boolean test(long micros) {
            if (timeOfDayMicros < 0) {
                return cmp.test(Long.compare(micros, epochMicros));
            }
            long seconds = Math.floorDiv(micros, 1_000_000L);
            long offset = rules.getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds() * 1_000_000L;
            return cmp.test(Long.compare(Math.floorMod(micros + offset, DAY_MICROS), timeOfDayMicros));
        }

        @Override
        boolean frame(FrameCursor c) {
            return test(c.epochMicros());
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return test(e.epochMicros());
        }

        @Override
        int cost() {
            return TIME;
        }
    }

    static final class Json extends Node {
        private final Expr.Json term;

        Json(Expr.Json term) {
            this.term = term;
        }

        @Override
        boolean frame(FrameCursor c) {
            byte[] p = c.payload();
            return term.path().test(p, c.offset(), c.length, term.cmp(), term.value());
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return PARSE;
        }
    }

    /** {@code protocol:} is found in the protocol's name; the others equal a field, ignoring case, {@code *} any run. */
    static final class DecodedField extends Node {
        private final String key;
        private final String field;
        private final Pattern value;

        DecodedField(String key, String value) {
            this.key = key;
            this.field = Character.toUpperCase(key.charAt(0)) + key.substring(1);
            StringBuilder regex = new StringBuilder();
            for (String part : value.split("\\*", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            this.value = Pattern.compile(key.equals("protocol") ? ".*" + regex + ".*" : regex.toString(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }

        @Override
        boolean frame(FrameCursor c) {
            if (c.opcode().isControl()) {
                return false;
            }
            Optional<Decoded> d = c.decoded();
            if (d.isEmpty()) {
                return false;
            }
            String v = key.equals("protocol") ? d.get().protocol() : d.get().field(field);
            return v != null && value.matcher(v).matches();
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return DECODE;
        }
    }

    static final class Heartbeat extends Node {
        @Override
        boolean frame(FrameCursor c) {
            Opcode op = c.opcode();
            if (op == Opcode.PING || op == Opcode.PONG) {
                return true;
            }
            if (c.length > Heartbeats.MAX_LENGTH || op.isControl()) {
                return false;
            }
            byte[] p = c.payload();
            return Heartbeats.isHeartbeat(c.firstByte, c.text, p, c.offset(), c.length);
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return SMALL_PAYLOAD;
        }
    }

    static final class Unanswered extends Node {
        private final Pairing pairing;

        Unanswered(Pairing pairing) {
            this.pairing = pairing;
        }

        @Override
        boolean frame(FrameCursor c) {
            return pairing.unanswered(c.seq);
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return TIME;
        }
    }

    static final class Latency extends Node {
        private final Expr.Cmp cmp;
        private final long nanos;
        private final Pairing pairing;

        Latency(Expr.Cmp cmp, long nanos, Pairing pairing) {
            this.cmp = cmp;
            this.nanos = nanos;
            this.pairing = pairing;
        }

        @Override
        boolean frame(FrameCursor c) {
            long latency = pairing.latencyNanos(c.seq);
            return latency >= 0 && cmp.test(Long.compare(latency, nanos));
        }

        @Override
        boolean event(ConnectionEvent e, String text) {
            return false;
        }

        @Override
        int cost() {
            return TIME;
        }
    }
}
