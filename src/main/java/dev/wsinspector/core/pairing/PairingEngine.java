package dev.wsinspector.core.pairing;

import dev.wsinspector.core.filter.Pairing;
import dev.wsinspector.core.frame.Direction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs requests with replies, frame by frame in seq order (live, or a stored session read from its start), by
 * the {@link Correlation}s of each message. A request from one side is answered by a reply from the other with
 * the same key: the first reply pairs (its latency is reply time minus request time, both capture times), a later
 * one is a {@link Kind#DUPLICATE} (or a {@link Kind#FOLLOW_UP} of a stream: graphql-ws {@code next}s, SignalR
 * stream items, and the completion after them). A request no reply answered within the timeout (capture time,
 * 30 s by default) is flagged {@link Kind#UNANSWERED}; a reply after that finds no request ({@link Kind#ORPHAN}).
 * A second request under a key whose first is still waiting is a {@link Kind#DUPLICATE_REQUEST}; the first wins.
 * At most {@code maxOpen} requests are tracked: past that the oldest is dropped (flagged unanswered when it was).
 * A frame with several correlations (a batch) is paired by its first.
 *
 * <p>Thread-safe: one thread feeds ({@link #add}), any reads ({@link #link}, the {@link Pairing} terms of a
 * filter, {@link #methods}). Results for frames not fed yet are {@link Kind#NONE}.
 */
public final class PairingEngine implements Pairing {

    public static final long DEFAULT_TIMEOUT_MICROS = 30_000_000L;
    public static final int DEFAULT_MAX_OPEN = 100_000;
    /** Past this many methods, the rest are counted as one, so a hostile peer cannot grow the table. */
    static final int MAX_METHODS = 10_000;
    static final String OTHER_METHODS = "(other methods)";

    /** What a frame is to pairing. */
    public enum Kind {
        NONE, WAITING, ANSWERED, UNANSWERED, DUPLICATE_REQUEST, REPLY, FOLLOW_UP, DUPLICATE, ORPHAN;

        private static final Kind[] ALL = values();

        public boolean isRequest() {
            return this == WAITING || this == ANSWERED || this == UNANSWERED || this == DUPLICATE_REQUEST;
        }

        /** A reply paired with a request ({@link #REPLY}, {@link #FOLLOW_UP}, {@link #DUPLICATE}). */
        public boolean isPairedReply() {
            return this == REPLY || this == FOLLOW_UP || this == DUPLICATE;
        }
    }

    /**
     * One frame's pairing.
     *
     * @param other        for a request its first reply's seq, for a reply its request's; -1 when none
     * @param latencyNanos for a {@link Kind#REPLY} (and its {@link Kind#ANSWERED} request) the latency, else -1
     * @param method       the request's method, empty when none
     */
    public record Link(Kind kind, long other, long latencyNanos, String method) {
        static final Link NONE = new Link(Kind.NONE, -1, -1, "");
    }

    private static final class Entry {
        final long seq;
        final long micros;
        final String key;
        final Method method;
        boolean answered;
        boolean streamed;
        boolean completed;
        boolean gone;

        Entry(long seq, long micros, String key, Method method) {
            this.seq = seq;
            this.micros = micros;
            this.key = key;
            this.method = method;
        }
    }

    private final long timeoutMicros;
    private final int maxOpen;
    private final Map<String, Entry> open = new HashMap<>();
    private final ArrayDeque<Entry> order = new ArrayDeque<>();
    private final Map<String, Method> methods = new LinkedHashMap<>();
    private final List<Method> byIndex = new ArrayList<>();
    private final Results results = new Results();
    private long nextSeq = -1;
    private long nowMicros = Long.MIN_VALUE;

    public PairingEngine() {
        this(DEFAULT_TIMEOUT_MICROS, DEFAULT_MAX_OPEN);
    }

    /**
     * @param timeoutMicros how long a request waits for its reply, in capture time
     * @param maxOpen       how many requests are tracked at most
     */
    public PairingEngine(long timeoutMicros, int maxOpen) {
        if (timeoutMicros < 0 || maxOpen < 1) {
            throw new IllegalArgumentException("timeout must not be negative and maxOpen at least 1");
        }
        this.timeoutMicros = timeoutMicros;
        this.maxOpen = maxOpen;
    }

    public long timeoutMicros() {
        return timeoutMicros;
    }

    /** The next seq this engine expects (frames before it were fed); 0 before the first. */
    public synchronized long fed() {
        return Math.max(0, nextSeq);
    }

    /**
     * Feeds one frame (frames in seq order; one already fed is ignored).
     *
     * @param micros       its capture time, microseconds since the epoch
     * @param correlations what it asks or answers (may be empty)
     */
    public synchronized void add(long seq, Direction direction, long micros, List<Correlation> correlations) {
        if (seq < nextSeq) {
            return;
        }
        nextSeq = seq + 1;
        advanceTo(micros);
        if (correlations.isEmpty()) {
            return;
        }
        Correlation c = correlations.get(0);
        if (c.role() == Correlation.Role.REQUEST) {
            request(seq, micros, direction.name() + '|' + c.key(), c.method());
        } else {
            Direction asker = direction == Direction.IN ? Direction.OUT : Direction.IN;
            reply(seq, micros, asker.name() + '|' + c.key(), c.role());
        }
    }

    /** Capture time has reached {@code micros} (a live session's clock, with no frame to say so): flags the late. */
    public synchronized void advanceTo(long micros) {
        nowMicros = Math.max(nowMicros, micros);
        Entry head;
        while ((head = order.peekFirst()) != null && (head.gone || nowMicros - head.micros > timeoutMicros)) {
            drop(order.pollFirst());
        }
    }

    /** The capture ended: every request still waiting is unanswered. */
    public synchronized void finish() {
        while (!order.isEmpty()) {
            drop(order.pollFirst());
        }
    }

    private void request(long seq, long micros, String key, String methodName) {
        Entry existing = live(key, micros);
        if (existing != null && !existing.answered) {
            results.set(seq, Kind.DUPLICATE_REQUEST, existing.seq, -1, existing.method.index);
            existing.method.duplicates++;
            return;
        }
        if (existing != null) {
            existing.gone = true; // answered: a new request may take its key
        }
        Method method = method(methodName);
        method.requests++;
        Entry e = new Entry(seq, micros, key, method);
        open.put(key, e);
        order.addLast(e);
        results.set(seq, Kind.WAITING, -1, -1, method.index);
        while (order.size() > maxOpen) {
            drop(order.pollFirst());
        }
    }

    private void reply(long seq, long micros, String key, Correlation.Role role) {
        Entry e = live(key, micros);
        if (e == null) {
            results.set(seq, Kind.ORPHAN, -1, -1, -1);
            return;
        }
        if (!e.answered) {
            e.answered = true;
            e.streamed = role == Correlation.Role.STREAM_REPLY;
            long latency = Math.max(0, micros - e.micros) * 1000L;
            results.set(seq, Kind.REPLY, e.seq, latency, e.method.index);
            results.set(e.seq, Kind.ANSWERED, seq, latency, e.method.index);
            e.method.latencies.add(latency);
        } else if (e.streamed && !e.completed) {
            e.completed = role == Correlation.Role.REPLY;
            results.set(seq, Kind.FOLLOW_UP, e.seq, -1, e.method.index);
        } else {
            results.set(seq, Kind.DUPLICATE, e.seq, -1, e.method.index);
            e.method.duplicates++;
        }
    }

    /** The entry under {@code key} that is still within its timeout at {@code micros}, else null. */
    private Entry live(String key, long micros) {
        Entry e = open.get(key);
        if (e != null && micros - e.micros > timeoutMicros) {
            drop(e); // time went backwards somewhere before: expire it here
            return null;
        }
        return e;
    }

    private void drop(Entry e) {
        if (open.get(e.key) == e) {
            open.remove(e.key);
        }
        if (!e.gone && !e.answered) {
            results.set(e.seq, Kind.UNANSWERED, -1, -1, e.method.index);
            e.method.unanswered++;
        }
        e.gone = true;
    }

    private Method method(String name) {
        Method m = methods.get(name);
        if (m == null) {
            if (methods.size() >= MAX_METHODS) {
                return methods.computeIfAbsent(OTHER_METHODS, n -> register(new Method(n, byIndex.size())));
            }
            m = register(new Method(name, byIndex.size()));
            methods.put(name, m);
        }
        return m;
    }

    private Method register(Method m) {
        byIndex.add(m);
        return m;
    }

    /** Grows whenever a frame's pairing changes (a view redraws when it moved). */
    public synchronized long changes() {
        return results.changes;
    }

    /** Requests tracked now (waiting, or answered within the timeout). */
    public synchronized int tracked() {
        return order.size();
    }

    public synchronized Link link(long seq) {
        Kind kind = results.kind(seq);
        if (kind == Kind.NONE) {
            return Link.NONE;
        }
        int method = results.method(seq);
        return new Link(kind, results.other(seq), results.latency(seq), method < 0 ? "" : byIndex.get(method).name);
    }

    @Override
    public synchronized boolean unanswered(long seq) {
        return results.kind(seq) == Kind.UNANSWERED;
    }

    @Override
    public synchronized long latencyNanos(long seq) {
        return results.kind(seq) == Kind.REPLY ? results.latency(seq) : -1;
    }

    /** Per method, in the order first seen: requests, replies' latencies, unanswered and duplicates. */
    public synchronized List<MethodStats> methods() {
        List<MethodStats> out = new ArrayList<>(methods.size());
        for (Method m : methods.values()) {
            out.add(MethodStats.of(m.name, m.requests, m.unanswered, m.duplicates, m.latencies.toArray()));
        }
        return out;
    }

    /** One method's running figures. */
    private static final class Method {
        final String name;
        final int index;
        long requests;
        long unanswered;
        long duplicates;
        final LongList latencies = new LongList();

        Method(String name, int index) {
            this.name = name;
            this.index = index;
        }
    }

    /** Per-frame results in chunks, allocated only where frames take part in pairing. */
    private static final class Results {
        private static final int SHIFT = 12;
        private static final int MASK = (1 << SHIFT) - 1;
        private final Map<Long, Chunk> chunks = new HashMap<>();

        private static final class Chunk {
            final byte[] kind = new byte[1 << SHIFT];
            final long[] other = new long[1 << SHIFT];
            final long[] latency = new long[1 << SHIFT];
            final int[] method = new int[1 << SHIFT];
        }

        long changes;

        void set(long seq, Kind kind, long other, long latency, int method) {
            changes++;
            Chunk c = chunks.computeIfAbsent(seq >>> SHIFT, k -> new Chunk());
            int i = (int) (seq & MASK);
            c.kind[i] = (byte) kind.ordinal();
            c.other[i] = other;
            c.latency[i] = latency;
            c.method[i] = method;
        }

        int method(long seq) {
            return chunks.get(seq >>> SHIFT).method[(int) (seq & MASK)];
        }

        Kind kind(long seq) {
            Chunk c = seq < 0 ? null : chunks.get(seq >>> SHIFT);
            return c == null ? Kind.NONE : Kind.ALL[c.kind[(int) (seq & MASK)]];
        }

        long other(long seq) {
            return chunks.get(seq >>> SHIFT).other[(int) (seq & MASK)];
        }

        long latency(long seq) {
            return chunks.get(seq >>> SHIFT).latency[(int) (seq & MASK)];
        }
    }
}
