package dev.wsinspector.transport;

import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Breakpoints, edits, drops and injections, with the app's own client and echo server on either side. */
@Timeout(40)
class InterceptingProxyBreakpointTest {

    private TestEchoServer echo;
    private InterceptingProxy proxy;
    private Connection connection;
    private Session session;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        echo = TestEchoServer.launch();
        proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(echo.uri()));
        proxy.addListener(new InterceptListener() {
            @Override
            public void held(HeldMessage m) {
                events.add("held " + m.flow() + " " + new String(m.payload(), StandardCharsets.UTF_8));
            }

            @Override
            public void released(HeldMessage m, boolean edited) {
                events.add((edited ? "edited " : "released ") + new String(m.payload(), StandardCharsets.UTF_8));
            }

            @Override
            public void dropped(HeldMessage m) {
                events.add("dropped " + new String(m.payload(), StandardCharsets.UTF_8));
            }

            @Override
            public void injected(ProxiedClient client, Flow flow, long seq) {
                events.add("injected " + flow);
            }
        });
        session = new Session(new SegmentedFrameStore());
        connection = new JwsConnectionService().connect(
                ConnectionOptions.of(proxy.address().orElseThrow()).withConnectTimeout(Duration.ofSeconds(5)),
                session.frames(), session);
        await().atMost(Duration.ofSeconds(10)).until(() -> connection.state() == ConnectionState.OPEN);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        proxy.stop();
        echo.close();
    }

    /** The text messages the client received, in order. */
    static List<String> received(FrameStore store) {
        List<String> texts = new ArrayList<>();
        for (long seq = 0; seq < store.size(); seq++) {
            if (store.direction(seq) == Direction.IN && store.opcode(seq) == Opcode.TEXT) {
                texts.add(new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    /** What the proxy wrote to the upstream server (its server leg's outgoing text). */
    private List<String> toServer() {
        FrameStore store = proxy.clients().get(0).serverLeg().frames();
        List<String> texts = new ArrayList<>();
        for (long seq = 0; seq < store.size(); seq++) {
            if (store.direction(seq) == Direction.OUT && store.opcode(seq) == Opcode.TEXT) {
                texts.add(new String(store.get(seq).payloadBytes(), StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private List<String> got() {
        return received(session.frames());
    }

    @Test
    void aHeldMessageWaitsWithWhatFollowsAndIsForwardedEditedOrDropped() {
        proxy.setBreakpoint(Flow.TO_SERVER, "secret");
        connection.sendText("first secret");
        connection.sendText("plain after it");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        HeldMessage held = proxy.held().get(0);
        assertThat(held.flow()).isEqualTo(Flow.TO_SERVER);
        assertThat(held.text()).isTrue();
        assertThat(new String(held.payload(), StandardCharsets.UTF_8)).isEqualTo("first secret");
        assertThat(held.client()).isEqualTo(1);

        assertThat(proxy.forwardEdited(held.id(), "edited".getBytes(StandardCharsets.UTF_8))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 2);
        assertThat(got()).containsExactly("edited", "plain after it"); // order kept behind the hold
        assertThat(proxy.forward(held.id())).isFalse(); // decided already

        connection.sendText("second secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        assertThat(proxy.drop(proxy.held().get(0).id())).isTrue();
        connection.sendText("third secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        proxy.forwardAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 3);
        assertThat(got()).containsExactly("edited", "plain after it", "third secret");
        assertThat(events).contains("held TO_SERVER first secret", "edited first secret", "dropped second secret",
                "released third secret");

        // The edit is captured on the server leg in place of the original, paired with it.
        ProxiedClient c = proxy.clients().get(0);
        FrameStore clientLeg = c.clientLeg().frames();
        long originalSeq = held.sourceSeq();
        long copy = c.pairs().other(Leg.CLIENT, originalSeq);
        assertThat(new String(c.serverLeg().frames().get(copy).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("edited");
        assertThat(c.serverLeg().frames().crafted(copy)).isTrue();
        assertThat(new String(clientLeg.get(originalSeq).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("first secret");
    }

    @Test
    void aHoldTowardsTheClientNeverBlocksTheOtherWayAndRemovingTheBreakpointReleasesIt() {
        proxy.setBreakpoint(Flow.TO_CLIENT, "/^hold/");
        connection.sendText("hold me");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        assertThat(proxy.held().get(0).flow()).isEqualTo(Flow.TO_CLIENT);
        // the other direction still flows: the server receives the next message while the echo is held
        connection.sendText("other way");
        await().atMost(Duration.ofSeconds(10)).until(() -> toServer().size() == 2);
        assertThat(got()).isEmpty();
        proxy.setBreakpoint(Flow.TO_CLIENT, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 2);
        assertThat(got()).containsExactly("hold me", "other way");
        assertThat(proxy.held()).isEmpty();
    }

    @Test
    void aBadExpressionIsRefusedWithItsPositionAndTheOldBreakpointStays() {
        proxy.setBreakpoint(Flow.TO_SERVER, "secret");
        assertThatThrownBy(() -> proxy.setBreakpoint(Flow.TO_SERVER, "size>"))
                .isInstanceOf(FilterSyntaxException.class);
        assertThat(proxy.breakpoint(Flow.TO_SERVER)).contains("secret");
    }

    @Test
    void messagesAreInjectedTowardsEitherSide() {
        assertThat(proxy.inject(1, Flow.TO_SERVER, true, "to the server".getBytes(StandardCharsets.UTF_8))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 1); // echoed back
        assertThat(proxy.inject(1, Flow.TO_CLIENT, true, "to the client".getBytes(StandardCharsets.UTF_8))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 2);
        assertThat(got()).containsExactly("to the server", "to the client");
        assertThat(toServer()).containsExactly("to the server");
        assertThat(events).contains("injected TO_SERVER", "injected TO_CLIENT");
        assertThat(proxy.inject(99, Flow.TO_SERVER, true, new byte[0])).isFalse();
        assertThatThrownBy(() -> proxy.inject(1, Flow.TO_CLIENT, true, new byte[]{(byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stoppingTheProxyClosesTheClientWith1001AndDropsWhatWasHeld() {
        proxy.setBreakpoint(Flow.TO_SERVER, "held");
        connection.sendText("held forever");
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        proxy.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> session.closed().isPresent());
        assertThat(session.closed().orElseThrow().code()).isEqualTo(1001);
        assertThat(proxy.held()).isEmpty();
        assertThat(events).contains("dropped held forever");
        assertThat(proxy.address()).isEmpty();
    }

    @Test
    void aFragmentedMessageIsHeldWholeAndItsEditGoesAsOneFrame() {
        proxy.setBreakpoint(Flow.TO_SERVER, "type:text");
        connection.sendFragmented(true, "one two three".getBytes(StandardCharsets.UTF_8), 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        HeldMessage held = proxy.held().get(0);
        assertThat(held.frames()).isEqualTo(3);
        assertThat(new String(held.payload(), StandardCharsets.UTF_8)).isEqualTo("one two three");
        proxy.setBreakpoint(Flow.TO_SERVER, null);
        proxy.setBreakpoint(Flow.TO_CLIENT, "type:text");
        // the echo server answers the forwarded fragments with its own message, held on the way back
        assertThat(proxy.held()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.held().size() == 1);
        assertThat(proxy.forwardEdited(proxy.held().get(0).id(), "changed on the way back".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> got().size() == 1);
        assertThat(got()).containsExactly("changed on the way back");
        // forwarded as it was: its three fragments, byte for byte, on the server leg
        FrameStore serverLeg = proxy.clients().get(0).serverLeg().frames();
        StringBuilder joined = new StringBuilder();
        int fragments = 0;
        for (long seq = 0; seq < serverLeg.size(); seq++) {
            if (serverLeg.direction(seq) == Direction.OUT && !serverLeg.opcode(seq).isControl()) {
                joined.append(new String(serverLeg.get(seq).payloadBytes(), StandardCharsets.UTF_8));
                fragments++;
            }
        }
        assertThat(fragments).isEqualTo(3);
        assertThat(joined.toString()).isEqualTo("one two three");
    }

    @Test
    void overTheHeldLimitAMatchIsForwardedWithAWarning() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        InterceptingProxy small = InterceptingProxyTest.started(InterceptingProxyTest.to(echo.uri()).withLimits(1 << 20, 1));
        small.addListener(new InterceptListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        });
        Session mine = new Session(new SegmentedFrameStore());
        Connection c = new JwsConnectionService().connect(ConnectionOptions.of(small.address().orElseThrow()),
                mine.frames(), mine);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> c.state() == ConnectionState.OPEN);
            small.setBreakpoint(Flow.TO_CLIENT, "hold");
            c.sendText("hold one");
            await().atMost(Duration.ofSeconds(10)).until(() -> small.held().size() == 1);
            c.sendText("hold two"); // echoed behind the first, which still waits: order is kept
            await().atMost(Duration.ofSeconds(10)).until(() -> warnings.size() == 1);
            assertThat(warnings.get(0)).contains("1 messages are held already");
            assertThat(small.held()).hasSize(1);
            small.forwardAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> received(mine.frames()).size() == 2);
            assertThat(received(mine.frames())).containsExactly("hold one", "hold two");
        } finally {
            c.close();
            small.stop();
        }
    }
}
