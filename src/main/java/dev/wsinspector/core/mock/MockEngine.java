package dev.wsinspector.core.mock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.compose.MessageParser;
import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.protocol.Decoded;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.scenario.Matcher;
import dev.wsinspector.core.scenario.Received;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Decides what one mock server does, without sockets or threads: at the upgrade (refuse with a status, or accept and
 * choose a subprotocol), on a client's open (on-connect messages, the close after T seconds), on each received
 * message (the first rule that matches, numbered from 1 as users see them, and its replies; else the echo) and on a
 * timer's tick, as a list of {@link MockAction}s that the wire carries out. Faults are decided here with the
 * injected {@link Random}, so a seeded one gives the same decisions every run.
 *
 * <p>Thread-safe: a server's transport threads call it for several clients at once (per-client state is kept per
 * client number; decisions that draw random numbers are serialized).
 */
public final class MockEngine {

    /** The upgrade's outcome: {@code refuseStatus} non-null to refuse, else the subprotocol chosen (null: none). */
    public record Upgrade(Integer refuseStatus, String subprotocol) {
        public boolean refused() {
            return refuseStatus != null;
        }
    }

    /** What a received message led to: the rule that answered (1-based; 0 none, e.g. echoed) and the actions. */
    public record Decision(int rule, List<MockAction> actions) {
    }

    /** Tests a filter expression of a rule on the received message's first frame (the wire knows the capture). */
    @FunctionalInterface
    public interface FilterProbe {
        FilterProbe NONE = (filter, seq) -> false;

        boolean test(BoundFilter filter, long firstSeq);
    }

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    private static final byte[] INVALID_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    private final MockProfile profile;
    private final Random random;
    private final Clock clock;
    private final java.util.function.Supplier<UUID> uuids;
    private final ProtocolDecoders decoders = new ProtocolDecoders();
    private final Templates matcherVariables;
    private final Map<Integer, ClientState> clients = new ConcurrentHashMap<>();

    public MockEngine(MockProfile profile, Random random, Clock clock, java.util.function.Supplier<UUID> uuids) {
        this.profile = profile;
        this.random = random;
        this.clock = clock;
        this.uuids = uuids;
        this.matcherVariables = new Templates(profile.variables(), BuiltIns.system());
    }

    /** System clock, random UUIDs, an unseeded Random. */
    public static MockEngine of(MockProfile profile) {
        return new MockEngine(profile, new Random(), Clock.systemUTC(), UUID::randomUUID);
    }

    public MockProfile profile() {
        return profile;
    }

    /** The upgrade request's headers (any case) and the subprotocols it offers, in its order. */
    public Upgrade onUpgrade(Map<String, String> headers, List<String> offered) {
        if (profile.upgrade() != null) {
            Integer status = profile.upgrade().refusal(headers);
            if (status != null) {
                return new Upgrade(status, null);
            }
        }
        for (Fault f : profile.faults()) {
            if (f.kind() == Fault.Kind.REFUSE_UPGRADE && happens(f)) {
                return new Upgrade((int) f.value(), null);
            }
        }
        return new Upgrade(null, subprotocolFor(offered));
    }

    /** The first subprotocol the client offers that the profile accepts, or null. */
    public String subprotocolFor(List<String> offered) {
        for (String o : offered) {
            if (profile.subprotocols().contains(o)) {
                return o;
            }
        }
        return null;
    }

    /** Client {@code client} (numbered by the wire from 1) is open: what to send, and when to close on its own. */
    public List<MockAction> onOpen(int client) {
        ClientState state = new ClientState(new BuiltIns(clock, uuids, () -> randomInt(BuiltIns.RANDOM_INT_MAX + 1)));
        clients.put(client, state);
        List<MockAction> actions = new ArrayList<>();
        for (MockReply m : profile.onConnect()) {
            send(actions, client, state, m, null, Map.of(), List.of(), 0);
        }
        MockProfile.CloseAfter after = profile.closeAfter();
        if (after != null && after.millis() > 0) {
            actions.add(new MockAction.Close(after.millis(), after.close().code(), after.close().reason()));
        }
        return actions;
    }

    public void onClose(int client) {
        clients.remove(client);
    }

    /**
     * A whole message from {@code client}: the first rule whose {@code when} matches answers (its replies, its echo,
     * its close); no rule: an echo when the profile echoes. Server faults apply to every reply, the rule's on top.
     */
    public Decision onMessage(int client, Received message, FilterProbe probe) {
        ClientState state = clients.computeIfAbsent(client, c -> new ClientState(
                new BuiltIns(clock, uuids, () -> randomInt(BuiltIns.RANDOM_INT_MAX + 1))));
        int received = ++state.received;
        List<MockAction> actions = new ArrayList<>();
        int ruleNumber = 0;
        List<MockRule> rules = profile.rules();
        for (int i = 0; i < rules.size(); i++) {
            MockRule rule = rules.get(i);
            if (matches(rule, message, probe)) {
                ruleNumber = i + 1;
                Map<String, String> captures = captures(rule.when(), message);
                captures.put("rule", Integer.toString(ruleNumber));
                for (MockReply reply : rule.replies()) {
                    send(actions, client, state, reply, message, captures, rule.faults(), 0);
                }
                if (rule.echo()) {
                    echo(actions, message, rule.faults());
                }
                if (rule.close() != null) {
                    actions.add(new MockAction.Close(lastDelay(actions), rule.close().code(), rule.close().reason()));
                }
                break;
            }
        }
        if (ruleNumber == 0 && profile.echo()) {
            echo(actions, message, List.of());
        }
        MockProfile.CloseAfter after = profile.closeAfter();
        if (after != null && after.messages() > 0 && received == after.messages()) {
            actions.add(new MockAction.Close(lastDelay(actions), after.close().code(), after.close().reason()));
        }
        return new Decision(ruleNumber, actions);
    }

    /**
     * Timer {@code index} of the profile ticks. For a timer to the sender, the wire ticks it once per client (that
     * client's number); for one to all or others, once per server with {@code client} 0.
     */
    public List<MockAction> onTimer(int index, int client) {
        MockProfile.Timer timer = profile.timers().get(index);
        ClientState state = client == 0 ? serverState() : clients.get(client);
        if (state == null) {
            return List.of();
        }
        List<MockAction> actions = new ArrayList<>();
        send(actions, client, state, timer.message(), null, Map.of(), List.of(), 0);
        return actions;
    }

    /** True for a timer the wire ticks per client, false for one it ticks once for everyone. */
    public boolean perClient(int timerIndex) {
        return profile.timers().get(timerIndex).message().to() == MockReply.Target.SENDER;
    }

    private ClientState serverState() {
        return clients.computeIfAbsent(0, c -> new ClientState(
                new BuiltIns(clock, uuids, () -> randomInt(BuiltIns.RANDOM_INT_MAX + 1))));
    }

    // ---- matching ----

    private boolean matches(MockRule rule, Received m, FilterProbe probe) {
        byte[] prefix = rule.prefixBytes();
        if (prefix != null) {
            byte[] b = m.bytes();
            if (b.length < prefix.length || !java.util.Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length)) {
                return false;
            }
        }
        return rule.when().mismatch(m, context(probe)) == null;
    }

    private Matcher.Context context(FilterProbe probe) {
        return new Matcher.Context() {
            @Override
            public UnaryOperator<String> resolver() {
                return MockEngine.this::resolveForMatching;
            }

            @Override
            public Optional<Decoded> decode(Received message) {
                return decoders.decode(message.bytes(), !message.binary(), ProtocolHint.NONE);
            }

            @Override
            public boolean filter(BoundFilter filter, long seq) {
                return probe.test(filter, seq);
            }
        };
    }

    private String resolveForMatching(String template) {
        try {
            return matcherVariables.resolve(template);
        } catch (RuntimeException e) {
            return template; // an unknown name matches only itself
        }
    }

    private static Map<String, String> captures(Matcher when, Received m) {
        Map<String, String> captures = new LinkedHashMap<>();
        if (when.regex() != null && m.text() != null) {
            java.util.regex.Matcher rm = when.regex().matcher(m.text());
            if (rm.find()) {
                java.util.regex.Matcher names = NAMED_GROUP.matcher(when.regex().pattern());
                while (names.find()) {
                    String value = rm.group(names.group(1));
                    captures.put(names.group(1), value == null ? "" : value);
                }
            }
        }
        return captures;
    }

    // ---- replies and faults ----

    private void echo(List<MockAction> actions, Received m, List<Fault> ruleFaults) {
        Shaping s = shape(ruleFaults);
        if (s.terminal != null) {
            actions.add(s.terminal);
            return;
        }
        if (s.stopReading != null) {
            actions.add(s.stopReading);
        }
        if (!s.dropped) {
            actions.add(s.send(MockReply.Target.SENDER, 0, !m.binary(), m.bytes()));
        }
    }

    private void send(List<MockAction> actions, int client, ClientState state, MockReply reply, Received message,
                      Map<String, String> captures, List<Fault> ruleFaults, long extraDelay) {
        Payload payload;
        try {
            payload = render(client, state, reply, message, captures);
        } catch (TemplateException | MessageParser.InvalidInputException | EncodeException e) {
            actions.add(new MockAction.Notice(0, "reply not sent: " + e.getMessage()));
            return;
        }
        Shaping s = shape(ruleFaults);
        if (s.terminal != null) {
            actions.add(s.terminal);
            return;
        }
        if (s.stopReading != null) {
            actions.add(s.stopReading);
        }
        if (!s.dropped) {
            actions.add(s.send(reply.to(), reply.delayMs() + extraDelay, payload.text, payload.bytes));
        }
    }

    private record Payload(boolean text, byte[] bytes) {
    }

    private Payload render(int client, ClientState state, MockReply reply, Received message,
                           Map<String, String> captures) throws EncodeException {
        Map<String, String> vars = new LinkedHashMap<>(profile.variables());
        vars.putAll(captures);
        vars.put("client", Integer.toString(client));
        vars.put("now", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
        JsonNode json = message == null ? null : message.json();
        boolean jsonReply = reply.mode() == MessageMode.JSON || reply.mode() == MessageMode.PROTOCOL;
        String body = MockTemplates.render(reply.body(), json, vars, state.builtIns, jsonReply);
        return switch (reply.mode()) {
            case TEXT, JSON -> new Payload(true, body.getBytes(StandardCharsets.UTF_8));
            case HEX, BASE64 -> new Payload(false, MessageParser.parse(reply.mode(), body).bytes());
            case PROTOCOL -> {
                MessageFormat format = MessageFormat.byId(reply.format()).orElseThrow(
                        () -> new TemplateException("unknown format " + reply.format()));
                Map<String, String> params = new LinkedHashMap<>();
                for (Map.Entry<String, String> e : reply.params().entrySet()) {
                    params.put(e.getKey(), MockTemplates.render(e.getValue(), json, vars, state.builtIns, false, false));
                }
                Encoded encoded = format.encode(new EncodeRequest(body, params), state.encoding);
                yield new Payload(encoded.text(), encoded.payload());
            }
            default -> throw new TemplateException("a reply cannot be " + reply.mode());
        };
    }

    /** The faults that happen this time, server-wide first, then the rule's. */
    private Shaping shape(List<Fault> ruleFaults) {
        Shaping s = new Shaping();
        List<Fault> all = new ArrayList<>(profile.faults());
        all.addAll(ruleFaults);
        for (Fault f : all) {
            if (f.kind() == Fault.Kind.REFUSE_UPGRADE || !happens(f)) {
                continue;
            }
            switch (f.kind()) {
                case DROP_REPLY -> s.dropped = true;
                case DELAY -> s.delay += f.value() + (f.jitterMs() > 0 ? randomLong(f.jitterMs() + 1) : 0);
                case SPLIT -> s.fragments = (int) Math.min(Integer.MAX_VALUE, f.value());
                case PINGS -> s.pings = (int) Math.min(1000, f.value());
                case INVALID_UTF8 -> s.invalidUtf8 = true;
                case OVERSIZED -> s.oversizeTo = f.value();
                case MASKED -> s.masked = true;
                case STOP_READING -> s.stopReading = new MockAction.StopReading(0, f.value());
                case TCP_DROP -> s.terminal = s.terminal != null ? s.terminal : new MockAction.DropTcp(s.delay);
                case CLOSE -> s.terminal = s.terminal != null ? s.terminal
                        : new MockAction.Close(s.delay, (int) f.value(), "fault");
                default -> {
                }
            }
        }
        return s;
    }

    private static final class Shaping {
        boolean dropped;
        long delay;
        int fragments = 1;
        int pings;
        boolean invalidUtf8;
        long oversizeTo;
        boolean masked;
        MockAction.StopReading stopReading;
        MockAction terminal;

        MockAction.Send send(MockReply.Target to, long delayMs, boolean text, byte[] payload) {
            byte[] bytes = payload;
            boolean isText = text;
            if (invalidUtf8) {
                bytes = java.util.Arrays.copyOf(payload, payload.length + INVALID_UTF8.length);
                System.arraycopy(INVALID_UTF8, 0, bytes, payload.length, INVALID_UTF8.length);
                isText = true;
            }
            return new MockAction.Send(to, delayMs + delay, isText, bytes, fragments, pings, masked, oversizeTo);
        }
    }

    private static long lastDelay(List<MockAction> actions) {
        long max = 0;
        for (MockAction a : actions) {
            max = Math.max(max, a.delayMs());
        }
        return max;
    }

    private boolean happens(Fault f) {
        if (f.probability() >= 1) {
            return true;
        }
        if (f.probability() <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < f.probability();
        }
    }

    private int randomInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private long randomLong(long bound) {
        synchronized (random) {
            return (long) (random.nextDouble() * bound);
        }
    }

    /** Per client: received messages (for closeAfter), the template counter, the encoders' ids. */
    private static final class ClientState {
        final BuiltIns builtIns;
        final EncodeContext encoding = EncodeContext.fresh();
        volatile int received;

        ClientState(BuiltIns builtIns) {
            this.builtIns = builtIns;
        }
    }
}
