package dev.wsinspector.core.mock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.scenario.Received;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.transport.JwsConnectionService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.EOFException;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules seeded from sessions recorded against a real loopback server that answers like a JSON-RPC API (echoing
 * the request's id, adding a trace UUID and a time of its own), greets on connect, and answers some texts with
 * two messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuleSeederTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scripted API: what each test records against. */
    static RawWebSocketServer apiServer() throws Exception {
        return new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(true, 1, "welcome");
            try {
                while (true) {
                    RawWebSocketServer.ClientFrame f = peer.readFrame();
                    if (f.opcode() == 0x8) {
                        peer.sendFrame(0x88, f.payload());
                        return;
                    }
                    String t = new String(f.payload(), StandardCharsets.UTF_8);
                    if (t.startsWith("{")) {
                        JsonNode req = JSON.readTree(t);
                        int sum = req.path("params").path(0).asInt() + req.path("params").path(1).asInt();
                        peer.sendText(true, 1, "{\"jsonrpc\":\"2.0\",\"id\":" + req.path("id") + ",\"result\":" + sum
                                + ",\"count\":7,\"trace\":\"" + UUID.randomUUID() + "\",\"at\":\""
                                + Instant.now() + "\"}");
                    } else if (t.startsWith("hello ")) {
                        peer.sendText(true, 1, "hi " + t.substring(6) + " from {{server}}");
                    } else if (t.equals("multi")) {
                        peer.sendText(true, 1, "one");
                        peer.sendText(true, 1, "two");
                    }
                }
            } catch (EOFException | SocketException e) {
                // the client went away
            }
        });
    }

    /** Connects to {@code uri}, sends each message and waits for {@code received} messages in all. */
    static Session record(URI uri, int received, String... sends) throws Exception {
        Session session = new Session(new ColumnarFrameStore());
        EventRecorder events = new EventRecorder();
        Connection c = new JwsConnectionService().connect(ConnectionOptions.of(uri).withPingInterval(Duration.ZERO)
                .withConnectTimeout(Duration.ofSeconds(5)), session.frames(), e -> {
                    session.onEvent(e);
                    events.onEvent(e);
                });
        events.await(ConnectionEvent.Opened.class);
        for (String s : sends) {
            long before = incoming(session);
            c.sendText(s).get(5, TimeUnit.SECONDS);
            // in order: the next request only once this one's replies came (multi: both)
            long want = before + (s.equals("multi") ? 2 : 1);
            await().atMost(EventRecorder.WAIT).until(() -> incoming(session) >= want);
        }
        await().atMost(EventRecorder.WAIT).until(() -> incoming(session) >= received);
        c.close();
        return session;
    }

    static long incoming(Session s) {
        return EventRecorder.frames(s.frames()).stream().filter(f -> f.direction() == Direction.IN
                && f.opcode().isDataStart()).count();
    }

    @Test
    void eachSentMessageBecomesARuleWithItsRepliesAndTheRequestsIdIsEchoedByTemplate() throws Exception {
        try (RawWebSocketServer server = apiServer()) {
            String trace = UUID.randomUUID().toString();
            Session session = record(server.uri("/"), 5,
                    "{\"id\":7,\"method\":\"add\",\"params\":[1,2]}", "hello " + trace, "multi");

            RuleSeeder.Seeds seeds = RuleSeeder.seed(session);

            assertThat(seeds.onConnect()).extracting(RuleSeeder.Reply::template).containsExactly("welcome");
            assertThat(seeds.rules()).hasSize(3);
            RuleSeeder.Seeded add = seeds.rules().get(0);
            assertThat(add.when()).isInstanceOf(RuleSeeder.JsonPaths.class);
            assertThat(((RuleSeeder.JsonPaths) add.when()).equal()).containsOnlyKeys("$.method", "$.params[0]",
                    "$.params[1]");
            assertThat(add.loosened()).anyMatch(l -> l.startsWith("$.id 7: any value"));
            String reply = add.replies().get(0).template();
            assertThat(add.replies().get(0).mode()).isEqualTo(dev.wsinspector.core.compose.MessageMode.JSON);
            assertThat(JSON.readTree(reply).path("result").asInt()).as("valid JSON before rendering").isEqualTo(3);
            assertThat(reply).contains("\"id\":\"{{$.id}}\"").contains("\"trace\":\"{{uuid}}\"")
                    .contains("\"at\":\"{{isoTime}}\"")
                    .as("a count that happens to equal the id is not an echo").contains("\"count\":7");

            RuleSeeder.Seeded hello = seeds.rules().get(1);
            assertThat(hello.when()).isInstanceOf(RuleSeeder.Regex.class);
            String regex = ((RuleSeeder.Regex) hello.when()).pattern();
            assertThat(("hello " + UUID.randomUUID())).matches(regex);
            assertThat("hello there").doesNotMatch(regex);
            assertThat(hello.replies()).extracting(RuleSeeder.Reply::template)
                    .containsExactly("hi {{g1}} from \\{{server}}");

            RuleSeeder.Seeded multi = seeds.rules().get(2);
            assertThat(multi.when()).isEqualTo(new RuleSeeder.Text("multi"));
            assertThat(multi.replies()).extracting(RuleSeeder.Reply::template).containsExactly("one", "two");
            assertThat(seeds.notes()).isEmpty();
        }
    }

    @Test
    void aMockBuiltFromASessionRepliesToTheSameRequestsAsTheServerDid() throws Exception {
        try (RawWebSocketServer server = apiServer()) {
            Session recorded = record(server.uri("/"), 5,
                    "{\"id\":7,\"method\":\"add\",\"params\":[1,2]}", "hello " + UUID.randomUUID(), "multi");
            RuleSeeder.Seeds seeds = RuleSeeder.seed(recorded);
            MockProfile profile = MockProfile.echoing("seeded").withRules(RuleSeeder.rules(seeds));
            MockEngine engine = MockEngine.of(new MockProfile(profile.name(), 0, List.of(), null,
                    seeds.onConnect().stream().map(RuleSeeder.Reply::toMockReply).toList(), List.of(), null, false,
                    List.of(), profile.rules(), java.util.Map.of()));

            // the same requests again, with another id and another UUID: the real server's answers are the reference
            String again = UUID.randomUUID().toString();
            Session reference = record(server.uri("/"), 5,
                    "{\"id\":8,\"method\":\"add\",\"params\":[1,2]}", "hello " + again, "multi");
            List<Frame> frames = EventRecorder.frames(reference.frames());
            List<String> real = new ArrayList<>();
            List<String> mocked = new ArrayList<>();
            mocked.addAll(sent(engine.onOpen(1)));
            for (Frame f : frames) {
                if (f.direction() == Direction.IN && f.opcode().isDataStart()) {
                    real.add(stable(new String(f.payloadBytes(), StandardCharsets.UTF_8)));
                } else if (f.direction() == Direction.OUT && f.opcode().isDataStart()) {
                    MockEngine.Decision d = engine.onMessage(1, new Received(f.seq(), f.seq(), false, f.payloadBytes(),
                            0), MockEngine.FilterProbe.NONE);
                    assertThat(d.rule()).isPositive();
                    mocked.addAll(sent(d.actions()));
                }
            }
            assertThat(mocked.stream().map(RuleSeederTest::stable).toList()).isEqualTo(real);
            assertThat(mocked.get(1)).as("the request's id echoed").contains("\"id\":8");
            assertThat(mocked.get(2)).isEqualTo("hi " + again + " from {{server}}");
        }
    }

    /** The texts of the Send actions. */
    private static List<String> sent(List<MockAction> actions) {
        return actions.stream().filter(a -> a instanceof MockAction.Send).map(a -> new String(
                ((MockAction.Send) a).payload(), StandardCharsets.UTF_8)).toList();
    }

    /** A reply with its fresh UUIDs and times made equal. */
    private static String stable(String reply) {
        return reply.replaceAll(dev.wsinspector.core.scenario.ScenarioRecorder.UUID.pattern() + "(?=\")", "U")
                .replaceAll(dev.wsinspector.core.scenario.ScenarioRecorder.ISO_TIME.pattern(), "T");
    }

    @Test
    void aRequestThatMatchesLikeAnEarlierOneIsLeftOutAndSaidSo() throws Exception {
        try (RawWebSocketServer server = apiServer()) {
            Session session = record(server.uri("/"), 3,
                    "{\"id\":1,\"method\":\"add\",\"params\":[1,2]}", "{\"id\":2,\"method\":\"add\",\"params\":[1,2]}");

            RuleSeeder.Seeds seeds = RuleSeeder.seed(session);

            assertThat(seeds.rules()).hasSize(1);
            long second = EventRecorder.frames(session.frames()).stream().filter(f -> f.direction() == Direction.OUT)
                    .skip(1).findFirst().map(Frame::seq).orElseThrow();
            assertThat(seeds.notes()).containsExactly("message #" + second
                    + " matches like an earlier one: left out (the first rule answers it)");
        }
    }

    @Test
    void aSessionWithoutMessagesSeedsNothing() {
        RuleSeeder.Seeds seeds = RuleSeeder.seed(new Session(new ColumnarFrameStore()));
        assertThat(seeds.rules()).isEmpty();
        assertThat(seeds.onConnect()).isEmpty();
    }
}
