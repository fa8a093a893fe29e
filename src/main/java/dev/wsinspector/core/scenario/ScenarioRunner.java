package dev.wsinspector.core.scenario;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.ProfileResolver;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.ReconnectPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link Scenario} over the app's {@link ConnectionService}: opens its connections (strict, no reconnects,
 * each capture a session from the {@link SessionRecorder}), runs the steps in order on the calling thread and
 * stops at the first failure. Every wait ends at its step's timeout, so a silent server costs one timeout.
 * Messages that an {@code expect} passes over are used up; {@code expectNo} only looks.
 */
public final class ScenarioRunner {

    /** How long each connection may take to open. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** Hears of each step as it ends, on the runner's thread. */
    public interface Listener {
        default void onStep(StepResult result) {
        }
    }

    private final ConnectionService service;
    private final SessionRecorder recorder;
    private final Function<String, Optional<ConnectionProfile>> profiles;
    private final Path profilesDir;
    private final String environment;
    private final ProtocolDecoders decoders = new ProtocolDecoders();

    /**
     * @param profiles    finds a saved profile by name (for connections given by profile)
     * @param profilesDir where a profile's relative certificate paths point (may be null)
     * @param environment the profiles' environment ({@code --env}), or null
     */
    public ScenarioRunner(ConnectionService service, SessionRecorder recorder,
                          Function<String, Optional<ConnectionProfile>> profiles, Path profilesDir, String environment) {
        this.service = Objects.requireNonNull(service, "service");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.profilesDir = profilesDir;
        this.environment = environment;
    }

    /** A runner for connections given by URL only. */
    public ScenarioRunner(ConnectionService service, SessionRecorder recorder) {
        this(service, recorder, name -> Optional.empty(), null, null);
    }

    /** Runs {@code scenario}; an interrupt closes its connections and ends the run at once. */
    public ScenarioResult run(Scenario scenario, Listener listener) throws InterruptedException {
        return new Run(scenario, listener).run();
    }

    private final class Run {
        final Scenario scenario;
        final Listener listener;
        final Map<String, String> vars = new LinkedHashMap<>();
        final BuiltIns builtIns = BuiltIns.system();
        final Map<String, Wire> wires = new LinkedHashMap<>();
        final List<StepResult> results = new ArrayList<>();
        final UnaryOperator<String> resolver = s -> templates().resolve(s);
        Templates cached;
        long start;

        Run(Scenario scenario, Listener listener) {
            this.scenario = scenario;
            this.listener = listener;
            vars.putAll(scenario.variables());
        }

        Templates templates() {
            if (cached == null) {
                cached = new Templates(vars, builtIns);
            }
            return cached;
        }

        void set(String name, String value) {
            vars.put(name, value);
            cached = null;
        }

        ScenarioResult run() throws InterruptedException {
            start = System.nanoTime();
            String error = null;
            long notRun = 0;
            try {
                error = open();
                if (error == null) {
                    long left = runSteps(scenario.steps(), "", "");
                    notRun = left;
                } else {
                    notRun = scenario.stepCount();
                }
            } finally {
                closeAll();
            }
            Map<String, dev.wsinspector.core.session.Session> sessions = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            for (Wire w : wires.values()) {
                sessions.put(w.name, w.session);
                if (w.recorded instanceof dev.wsinspector.core.journal.Recording r && r.problem() == null) {
                    ids.put(w.name, r.id());
                }
            }
            return new ScenarioResult(scenario, results, notRun, error, (System.nanoTime() - start) / 1_000_000,
                    sessions, ids);
        }

        /** Opens every connection; null, or why one did not open. */
        String open() throws InterruptedException {
            for (ScenarioConnection c : scenario.connections()) {
                ConnectionOptions options;
                try {
                    options = options(c);
                } catch (RuntimeException e) {
                    return "connection " + c.name() + ": " + e.getMessage();
                }
                Object signal = new Object();
                SessionRecorder.Recorded recorded = recorder.start(c.profile().isEmpty() ? "test " + scenario.name()
                        : c.profile(), options.uri().toString());
                Wire wire = new Wire(c.name(), recorded, signal);
                wire.context = context(wire);
                wires.put(c.name(), wire);
                ConnectionListener events = event -> {
                    wire.session.onEvent(event);
                    synchronized (signal) {
                        signal.notifyAll();
                    }
                };
                wire.connection = service.connect(options, NotifyingFrames.wrap(wire.session.frames(), signal), events);
                long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos() + 500_000_000L;
                while (wire.session.opened().isEmpty() && !wire.ended()) {
                    if (!wire.await(deadline)) {
                        break;
                    }
                }
                if (wire.session.opened().isEmpty()) {
                    return "connection " + c.name() + " to " + options.uri() + " did not open: "
                            + wire.session.lastFailure().map(ConnectionEvent.Failed::message)
                            .orElse("no answer within " + CONNECT_TIMEOUT.toSeconds() + " s");
                }
            }
            return null;
        }

        ConnectionOptions options(ScenarioConnection c) {
            if (!c.profile().isEmpty()) {
                ConnectionProfile profile = profiles.apply(c.profile()).orElseThrow(
                        () -> new IllegalArgumentException("no profile named \"" + c.profile() + "\""));
                Map<String, String> merged = new LinkedHashMap<>(vars);
                merged.putAll(profile.variablesFor(environment));
                vars.putAll(merged);
                cached = null;
                ConnectionOptions o = new ProfileResolver(templates(), profilesDir).options(profile);
                return strict(o.withHeaders(headers(o.headers(), c)).withSubprotocols(union(o.subprotocols(), c)));
            }
            URI uri = URI.create(templates().resolve(c.url()));
            ConnectionOptions o = ConnectionOptions.of(uri);
            return strict(o.withHeaders(headers(List.of(), c)).withSubprotocols(union(List.of(), c)));
        }

        private List<HttpHeader> headers(List<HttpHeader> base, ScenarioConnection c) {
            List<HttpHeader> all = new ArrayList<>(base);
            for (HttpHeader h : c.headers()) {
                all.add(new HttpHeader(h.name(), templates().resolve(h.value())));
            }
            return all;
        }

        private List<String> union(List<String> base, ScenarioConnection c) {
            List<String> all = new ArrayList<>(base);
            c.subprotocols().stream().filter(s -> !all.contains(s)).forEach(all::add);
            return all;
        }

        private ConnectionOptions strict(ConnectionOptions o) {
            return o.withReconnect(ReconnectPolicy.DISABLED).withConnectTimeout(CONNECT_TIMEOUT);
        }

        /** Runs steps until one fails; returns how many were left unrun then (0 when all passed). */
        long runSteps(List<Step> steps, String prefix, String roundSuffix) throws InterruptedException {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                String id = prefix + (i + 1) + roundSuffix;
                if (step instanceof Step.Repeat r) {
                    for (int round = 1; round <= r.times(); round++) {
                        if (!r.indexVariable().isEmpty()) {
                            set(r.indexVariable(), Integer.toString(round));
                        }
                        long left = runSteps(r.steps(), prefix + (i + 1) + ".", "#" + round);
                        if (left > 0 || failed()) {
                            return left + (long) (r.times() - round) * Step.count(r.steps())
                                    + Step.count(steps.subList(i + 1, steps.size()));
                        }
                    }
                    continue;
                }
                StepResult result = runStep(id, step);
                results.add(result);
                listener.onStep(result);
                if (!result.passed()) {
                    return Step.count(steps.subList(i + 1, steps.size()));
                }
            }
            return 0;
        }

        boolean failed() {
            return !results.isEmpty() && !results.get(results.size() - 1).passed();
        }

        StepResult runStep(String id, Step step) throws InterruptedException {
            Wire wire = step.on().isEmpty() ? wires.values().iterator().next() : wires.get(step.on());
            long t0 = System.nanoTime();
            Outcome o;
            try {
                o = execute(step, wire);
            } catch (IllegalArgumentException e) {
                o = Outcome.fail(e.getMessage(), List.of());
            }
            return new StepResult(id, step, wire.name, o.passed, o.reason, o.seqs, (System.nanoTime() - t0) / 1_000_000);
        }

        Outcome execute(Step step, Wire w) throws InterruptedException {
            if (step instanceof Step.Send s) {
                return send(w, s);
            } else if (step instanceof Step.Expect e) {
                return expect(w, List.of(e), e.timeoutMillis());
            } else if (step instanceof Step.AnyOrder a) {
                return expect(w, a.expects(), a.timeoutMillis());
            } else if (step instanceof Step.ExpectNo n) {
                return expectNo(w, n);
            } else if (step instanceof Step.Capture c) {
                return capture(w, c);
            } else if (step instanceof Step.Wait wait) {
                return pause(wait.millis());
            } else if (step instanceof Step.Ping p) {
                return sent(w, w.connection.sendPing(templates().resolve(p.payload()).getBytes(StandardCharsets.UTF_8)),
                        "ping sent");
            } else if (step instanceof Step.ExpectPong p) {
                return pong(w, p);
            } else if (step instanceof Step.Close c) {
                return close(w, c);
            } else if (step instanceof Step.ExpectClose c) {
                return expectClose(w, c);
            } else if (step instanceof Step.Latency l) {
                return latency(w, l);
            }
            throw new IllegalStateException("repeats are run by runSteps");
        }

        Outcome send(Wire w, Step.Send s) throws InterruptedException {
            String text = templates().resolveMessage(s.body());
            ComposedMessage m;
            try {
                m = s.mode() == MessageMode.PROTOCOL ? encode(w, s, text) : MessageParser.parse(s.mode(), text);
            } catch (MessageParser.InvalidInputException | EncodeException e) {
                return Outcome.fail("cannot send it: " + e.getMessage(), List.of());
            }
            if (w.ended()) {
                return Outcome.fail("the connection has ended", List.of());
            }
            long mark = w.frames().size();
            w.lastSendNanos = System.nanoTime();
            return sent(w, m.binary() ? w.connection.sendBinary(m.bytes()) : w.connection.sendText(m.text()),
                    "sent " + m.bytes().length + " bytes", mark);
        }

        /** A message in one of the composer's formats; ids (JSON-RPC, MQTT packet ids) count per connection. */
        ComposedMessage encode(Wire w, Step.Send s, String body) throws EncodeException {
            MessageFormat format = MessageFormat.byId(s.format()).orElseThrow();
            Map<String, String> params = new LinkedHashMap<>();
            s.params().forEach((k, v) -> params.put(k, templates().resolve(v)));
            Encoded encoded = format.encode(new EncodeRequest(body, params), w.encoding);
            return encoded.text() ? ComposedMessage.text(encoded.asText()) : new ComposedMessage(true, encoded.payload());
        }

        Outcome sent(Wire w, java.util.concurrent.CompletableFuture<Void> future, String what)
                throws InterruptedException {
            return sent(w, future, what, w.frames().size());
        }

        Outcome sent(Wire w, java.util.concurrent.CompletableFuture<Void> future, String what, long mark)
                throws InterruptedException {
            try {
                future.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                return Outcome.fail("could not send: " + e.getCause().getMessage(), List.of());
            } catch (TimeoutException e) {
                return Outcome.fail("could not send within " + CONNECT_TIMEOUT.toSeconds() + " s", List.of());
            }
            FrameStore store = w.frames();
            List<Long> seqs = new ArrayList<>();
            for (long seq = mark; seq < store.size() && seqs.isEmpty(); seq++) {
                if (store.direction(seq) == Direction.OUT) {
                    seqs.add(seq);
                }
            }
            return Outcome.pass(what, seqs);
        }

        /** Each of {@code expects} matches a message of its own (in order for one; in any order for several). */
        Outcome expect(Wire w, List<Step.Expect> expects, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            boolean[] done = new boolean[expects.size()];
            int left = expects.size();
            List<Long> seqs = new ArrayList<>();
            String lastMismatch = null;
            int scanned = 0;
            while (true) {
                w.pump();
                while (scanned < w.pending.size() && left > 0) {
                    Received m = w.pending.get(scanned);
                    boolean used = false;
                    for (int i = 0; i < expects.size() && !used; i++) {
                        if (done[i]) {
                            continue;
                        }
                        String why = expects.get(i).match().mismatch(m, w.context);
                        if (why == null) {
                            String capture = captureAll(expects.get(i).captures(), expects.get(i).match(), m);
                            if (capture != null) {
                                return Outcome.fail(capture, List.of(m.firstSeq()));
                            }
                            done[i] = true;
                            left--;
                            used = true;
                            seqs.add(m.firstSeq());
                            w.lastMatched = m;
                        } else {
                            lastMismatch = "#" + m.firstSeq() + ": " + why;
                        }
                    }
                    scanned++;
                    if (expects.size() == 1 && used) {
                        break;
                    }
                }
                if (left == 0) {
                    w.pending.subList(0, scanned).clear();
                    return Outcome.pass("matched #" + String.join(", #", seqs.stream().map(String::valueOf).toList()),
                            seqs);
                }
                if (w.ended() && w.frames().size() <= cursorOf(w)) {
                    w.pending.subList(0, scanned).clear();
                    return Outcome.fail(missing(expects, done) + ": the connection ended"
                            + (w.closeCode >= 0 ? " (close " + w.closeCode + ")" : "") + "; " + w.lastSeen()
                            + (lastMismatch == null ? "" : " (" + lastMismatch + ")"), w.recentSeqs());
                }
                if (!w.await(deadline)) {
                    w.pump();
                    if (scanned < w.pending.size()) {
                        continue; // frames that came with the deadline still count
                    }
                    w.pending.subList(0, scanned).clear();
                    return Outcome.fail("no message " + missing(expects, done) + " within " + timeoutMillis + " ms; "
                            + w.lastSeen() + (lastMismatch == null ? "" : " (" + lastMismatch + ")"), w.recentSeqs());
                }
            }
        }

        private long cursorOf(Wire w) {
            w.pump();
            return w.frames().size();
        }

        private String missing(List<Step.Expect> expects, boolean[] done) {
            List<String> m = new ArrayList<>();
            for (int i = 0; i < expects.size(); i++) {
                if (!done[i]) {
                    m.add(expects.get(i).match().describe());
                }
            }
            return "matched " + String.join(" and ", m);
        }

        /** Stores the captures from {@code m}; null, or what could not be captured. */
        String captureAll(Map<String, String> captures, Matcher match, Received m) {
            if (match != null && match.regex() != null && m.text() != null) {
                java.util.regex.Matcher g = match.regex().matcher(m.text());
                if (g.find()) {
                    for (String name : namedGroups(match.regex().pattern())) {
                        if (g.group(name) != null) {
                            set(name, g.group(name));
                        }
                    }
                }
            }
            for (Map.Entry<String, String> c : captures.entrySet()) {
                if (m.json() == null) {
                    return "cannot capture " + c.getKey() + ": #" + m.firstSeq() + " is not JSON";
                }
                com.fasterxml.jackson.databind.JsonNode v = JsonPaths.find(m.json(), c.getValue());
                if (v == null) {
                    return "cannot capture " + c.getKey() + ": " + c.getValue() + " is not in #" + m.firstSeq();
                }
                set(c.getKey(), JsonPaths.asVariable(v));
            }
            return null;
        }

        Outcome expectNo(Wire w, Step.ExpectNo n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(n.millis());
            int scanned = 0;
            do {
                w.pump();
                for (; scanned < w.pending.size(); scanned++) {
                    Received m = w.pending.get(scanned);
                    if (n.match().mismatch(m, w.context) == null) {
                        return Outcome.fail("#" + m.firstSeq() + " \"" + m.preview() + "\" matched", List.of(m.firstSeq()));
                    }
                }
            } while (w.await(deadline));
            w.pump();
            return Outcome.pass("nothing matched in " + n.millis() + " ms", List.of());
        }

        Outcome capture(Wire w, Step.Capture c) {
            if (w.lastMatched == null) {
                return Outcome.fail("no message was matched on " + w.name + " yet", List.of());
            }
            String problem = captureAll(c.captures(), null, w.lastMatched);
            return problem == null ? Outcome.pass("captured from #" + w.lastMatched.firstSeq(),
                    List.of(w.lastMatched.firstSeq())) : Outcome.fail(problem, List.of(w.lastMatched.firstSeq()));
        }

        Outcome pause(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < deadline) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, 50_000_000L));
                }
            }
            return Outcome.pass("waited " + millis + " ms", List.of());
        }

        Outcome pong(Wire w, Step.ExpectPong p) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(p.timeoutMillis());
            byte[] want = p.payload() == null ? null : templates().resolve(p.payload()).getBytes(StandardCharsets.UTF_8);
            List<String> seen = new ArrayList<>();
            do {
                w.pump();
                while (!w.pongs.isEmpty()) {
                    Wire.Pong pong = w.pongs.remove(0);
                    if (want == null || Arrays.equals(want, pong.payload())) {
                        return Outcome.pass("pong #" + pong.seq(), List.of(pong.seq()));
                    }
                    seen.add("#" + pong.seq() + " \"" + new String(pong.payload(), StandardCharsets.UTF_8) + "\"");
                }
                if (w.ended()) {
                    break;
                }
            } while (w.await(deadline));
            return Outcome.fail("no pong" + (want == null ? "" : " with \"" + new String(want, StandardCharsets.UTF_8)
                    + "\"") + " within " + p.timeoutMillis() + " ms" + (seen.isEmpty() ? "" : "; pongs seen: "
                    + String.join(", ", seen)), List.of());
        }

        Outcome close(Wire w, Step.Close c) throws InterruptedException {
            if (w.ended()) {
                return Outcome.fail("the connection has already ended", List.of());
            }
            long mark = w.frames().size();
            w.session.markClosing();
            return sent(w, w.connection.close(c.code(), c.reason()), "close " + c.code() + " sent", mark);
        }

        Outcome expectClose(Wire w, Step.ExpectClose c) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(c.timeoutMillis());
            do {
                w.pump();
                if (w.closeSeq >= 0) {
                    List<Long> seq = List.of(w.closeSeq);
                    return c.code() < 0 || c.code() == w.closeCode
                            ? Outcome.pass("close " + w.closeCode + (w.closeReason.isEmpty() ? "" : " " + w.closeReason), seq)
                            : Outcome.fail("the server closed with " + w.closeCode + ", not " + c.code(), seq);
                }
                if (w.ended() && cursorOf(w) >= w.frames().size() && w.closeSeq < 0) {
                    return Outcome.fail("the connection ended without a close frame from the server", List.of());
                }
            } while (w.await(deadline));
            return Outcome.fail("no close from the server within " + c.timeoutMillis() + " ms; " + w.lastSeen(),
                    w.recentSeqs());
        }

        Outcome latency(Wire w, Step.Latency l) {
            if (w.lastMatched == null || w.lastSendNanos < 0) {
                return Outcome.fail("latency needs a send and then an expect on " + w.name, List.of());
            }
            double ms = (w.lastMatched.monoNanos() - w.lastSendNanos) / 1e6;
            String text = String.format(java.util.Locale.ROOT, "%.2f ms from the last send to #%d", ms,
                    w.lastMatched.firstSeq());
            return ms <= l.maxMillis() ? Outcome.pass(text, List.of(w.lastMatched.firstSeq()))
                    : Outcome.fail(text + ", more than " + l.maxMillis() + " ms", List.of(w.lastMatched.firstSeq()));
        }

        void closeAll() {
            for (Wire w : wires.values()) {
                try {
                    if (w.connection != null && w.session.state() != ConnectionState.CLOSED && !w.ended()) {
                        w.connection.close(1000, "scenario done");
                        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
                        while (!w.ended() && w.await(deadline)) {
                            // the close handshake ends with an event
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (w.connection != null) {
                        w.connection.close();
                    }
                    w.recorded.close();
                }
            }
        }

        /** What the matchers of {@code w}'s steps see: the variables so far, its decoder hint, its frames. */
        Matcher.Context context(Wire w) {
            return new Matcher.Context() {
                @Override
                public UnaryOperator<String> resolver() {
                    return resolver;
                }

                @Override
                public Optional<Decoded> decode(Received message) {
                    ProtocolHint hint = w.session.opened().map(ProtocolHint::of).orElse(ProtocolHint.NONE);
                    return decoders.decode(message.bytes(), !message.binary(), hint);
                }

                @Override
                public boolean filter(BoundFilter filter, long seq) {
                    return filter.frames(w.frames()).test(seq);
                }
            };
        }
    }

    private static List<String> namedGroups(String pattern) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private record Outcome(boolean passed, String reason, List<Long> seqs) {
        static Outcome pass(String reason, List<Long> seqs) {
            return new Outcome(true, reason, seqs);
        }

        static Outcome fail(String reason, List<Long> seqs) {
            return new Outcome(false, reason, seqs);
        }
    }
}
