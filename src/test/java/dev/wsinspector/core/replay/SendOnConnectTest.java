package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.FakeConnection;
import dev.wsinspector.testutil.ManualScheduler;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The profile's send-on-connect messages, over a real loopback connection and around the edges with a fake one. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SendOnConnectTest {

    private static final List<SavedMessage> MESSAGES = List.of(
            SavedMessage.text("hello", "hi {{who}} #{{counter}}"),
            new SavedMessage("bytes", MessageMode.HEX, "01 02"),
            SavedMessage.text("last", "#{{counter}}"));

    private EchoServer server;
    private Connection connection;

    @BeforeEach
    void setUp() throws Exception {
        server = new EchoServer();
        server.start();
    }

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        server.stop();
    }

    private static Templates templates(String who) {
        return new Templates(Map.of("who", who), BuiltIns.system());
    }

    /** The OUT data frames of {@code frames}: text as itself, binary as "bin:" and hex. */
    static List<String> sent(FrameStore frames) {
        List<String> out = new ArrayList<>();
        for (long seq = 0; seq < frames.size(); seq++) {
            Frame f = frames.get(seq);
            if (f.direction() == Direction.OUT && !f.opcode().isControl()) {
                out.add(f.opcode().jsonName().equals("text") ? new String(f.payloadBytes(), StandardCharsets.UTF_8)
                        : "bin:" + java.util.HexFormat.of().formatHex(f.payloadBytes()));
            }
        }
        return out;
    }

    @Test
    void sendsTheMessagesInOrderWhenTheConnectionOpensAndBeforeTheOpenIsPassedOn() throws Exception {
        FrameStore frames = new ColumnarFrameStore();
        Session session = new Session(frames);
        BlockingQueue<ConnectionEvent> seen = new LinkedBlockingQueue<>();
        ConnectionListener next = event -> {
            session.onEvent(event);
            seen.add(event);
        };
        connection = new SendOnConnect(MESSAGES, templates("loopback"), frames, next)
                .connect(new JwsConnectionService(), ConnectionOptions.of(server.uri()));

        // Like the command line's printer thread: it sends its own message once it has seen the open.
        ConnectionEvent event;
        do {
            event = seen.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an open").isNotNull();
        } while (!(event instanceof ConnectionEvent.Opened));
        connection.sendText("after the open");

        await().atMost(Duration.ofSeconds(10)).until(() -> sent(frames).size() == 4 && frames.size() == 8);
        assertThat(sent(frames)).containsExactly("hi loopback #1", "bin:0102", "#3", "after the open");
        assertThat(session.eventsFrom(0)).noneMatch(ConnectionEvent.Note.class::isInstance);
    }

    @Test
    void whenOneMessageCannotBeResolvedNoneIsSentAndTheNotesFollowTheOpen() throws Exception {
        List<SavedMessage> messages = List.of(SavedMessage.text("fine", "ok"), SavedMessage.text("broken", "{{nope}}"),
                new SavedMessage("odd hex", MessageMode.HEX, "0"));
        assertThat(SendOnConnect.problems(messages, templates("x"))).hasSize(2)
                .allSatisfy(p -> assertThat(p).startsWith(SendOnConnect.PREFIX))
                .anySatisfy(p -> assertThat(p).contains("'broken'").contains("{{nope}}"))
                .anySatisfy(p -> assertThat(p).contains("'odd hex'"));

        FrameStore frames = new ColumnarFrameStore();
        Session session = new Session(frames);
        connection = new SendOnConnect(messages, templates("x"), frames, session)
                .connect(new JwsConnectionService(), ConnectionOptions.of(server.uri()));
        await().atMost(Duration.ofSeconds(10)).until(() -> session.eventsFrom(0).stream()
                .filter(ConnectionEvent.Note.class::isInstance).count() == 3);

        List<ConnectionEvent> events = session.eventsFrom(0);
        List<String> notes = events.stream().filter(ConnectionEvent.Note.class::isInstance)
                .map(e -> ((ConnectionEvent.Note) e).message()).toList();
        assertThat(notes).containsExactlyElementsOf(concat(SendOnConnect.problems(messages, templates("x")),
                SendOnConnect.PREFIX + "none of the 3 messages was sent (fix the profile, then reconnect)"));
        int open = indexOf(events, ConnectionEvent.Opened.class);
        int firstNote = indexOf(events, ConnectionEvent.Note.class);
        assertThat(open).isNotNegative().isLessThan(firstNote);
        assertThat(events.stream().filter(ConnectionEvent.Note.class::isInstance)
                .map(e -> ((ConnectionEvent.Note) e).level())).containsOnly(ConnectionEvent.Note.ERROR);
        assertThat(sent(frames)).isEmpty();
        assertThat(connection.state()).isEqualTo(ConnectionState.OPEN);
    }

    @Test
    void everyOpenSendsThemAgainWithTheCounterGoingOn() {
        ManualScheduler scheduler = new ManualScheduler();
        FakeConnection fake = new FakeConnection(scheduler);
        List<ConnectionEvent> passedOn = new ArrayList<>();
        SendOnConnect auto = new SendOnConnect(MESSAGES, templates("again"), fake.frames(), passedOn::add);
        auto.connect(fakeService(fake, null), ConnectionOptions.of(URI.create("ws://127.0.0.1:1/")));

        auto.onEvent(opened(fake.frames()));
        auto.onEvent(new ConnectionEvent.Closed(0, fake.frames().size(), 1012, "restart", true, true));
        auto.onEvent(opened(fake.frames())); // a reconnect
        assertThat(sent(fake.frames())).containsExactly("hi again #1", "bin:0102", "#3", "hi again #4", "bin:0102", "#6");
        assertThat(passedOn).extracting(e -> e.getClass().getSimpleName()).containsExactly("Opened", "Closed", "Opened");
    }

    @Test
    void behindAProtocolTheyWaitForItsHandshakeEachTime() {
        ManualScheduler scheduler = new ManualScheduler();
        FakeConnection fake = new FakeConnection(scheduler);
        List<ConnectionEvent> passedOn = new ArrayList<>();
        SendOnConnect auto = new SendOnConnect(MESSAGES, templates("sio"), fake.frames(), passedOn::add)
                .afterProtocolHandshake();
        auto.connect(fakeService(fake, null), ConnectionOptions.of(URI.create("ws://127.0.0.1:1/")));

        auto.onEvent(opened(fake.frames()));
        assertThat(sent(fake.frames())).as("nothing on the WebSocket's open").isEmpty();
        assertThat(passedOn).singleElement().isInstanceOf(ConnectionEvent.Opened.class);
        auto.protocolReady();
        assertThat(sent(fake.frames())).containsExactly("hi sio #1", "bin:0102", "#3");
        auto.onEvent(new ConnectionEvent.Closed(0, fake.frames().size(), 1012, "restart", true, true));
        auto.onEvent(opened(fake.frames())); // a reconnect: again only once the protocol is ready
        assertThat(sent(fake.frames())).hasSize(3);
        auto.protocolReady();
        assertThat(sent(fake.frames())).containsExactly("hi sio #1", "bin:0102", "#3", "hi sio #4", "bin:0102", "#6");

        SendOnConnect plain = new SendOnConnect(MESSAGES, templates("raw"), fake.frames(), passedOn::add);
        plain.protocolReady();
        assertThat(sent(fake.frames())).as("without a protocol, protocolReady sends nothing").hasSize(6);
    }

    @Test
    void anOpenReportedBeforeConnectReturnedIsServedWhenItReturns() {
        ManualScheduler scheduler = new ManualScheduler();
        FakeConnection fake = new FakeConnection(scheduler);
        List<ConnectionEvent> passedOn = new ArrayList<>();
        SendOnConnect auto = new SendOnConnect(MESSAGES, templates("quick"), fake.frames(), passedOn::add);
        // This service reports the open from inside connect, before the caller has the connection.
        auto.connect(fakeService(fake, opened(fake.frames())), ConnectionOptions.of(URI.create("ws://127.0.0.1:1/")));

        assertThat(sent(fake.frames())).containsExactly("hi quick #1", "bin:0102", "#3");
        assertThat(passedOn).hasSize(1).first().isInstanceOf(ConnectionEvent.Opened.class);
    }

    @Test
    void aMessageTheConnectionFailsToSendIsNoted() {
        ManualScheduler scheduler = new ManualScheduler();
        FakeConnection fake = new FakeConnection(scheduler);
        fake.failSends(new IllegalStateException("Connection was closed"));
        List<ConnectionEvent> passedOn = new ArrayList<>();
        SendOnConnect auto = new SendOnConnect(List.of(MESSAGES.get(0)), templates("gone"), fake.frames(),
                passedOn::add);
        auto.connect(fakeService(fake, null), ConnectionOptions.of(URI.create("ws://127.0.0.1:1/")));
        auto.onEvent(opened(fake.frames()));

        assertThat(passedOn).filteredOn(ConnectionEvent.Note.class::isInstance)
                .extracting(e -> ((ConnectionEvent.Note) e).message())
                .containsExactly(SendOnConnect.PREFIX + "message 'hello' not sent: Connection was closed");
    }

    private static ConnectionService fakeService(FakeConnection fake, ConnectionEvent reportInside) {
        return (options, store, listener) -> {
            if (reportInside != null) {
                listener.onEvent(reportInside);
            }
            return fake;
        };
    }

    private static ConnectionEvent.Opened opened(FrameStore frames) {
        return new ConnectionEvent.Opened(0, frames.size(), "ws://127.0.0.1:1/", null);
    }

    private static int indexOf(List<ConnectionEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }
}
