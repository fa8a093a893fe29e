package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static dev.wsinspector.testutil.EventRecorder.frames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The keep-alive pings a quiet server and drops a silent one, on a manual clock (the rules) and against real
 * servers on loopback (a healthy echo server stays connected with pings every 100 ms; one that never answers
 * is dropped after the pong deadline with a message that says so).
 */
class KeepAliveTest {

    private static final long MS = 1_000_000L;

    private final FrameStore store = new ColumnarFrameStore();
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<String> actions = new ArrayList<>();
    private final KeepAlive keepAlive = new KeepAlive(store, Duration.ofSeconds(1), Duration.ofSeconds(10), now::get,
            new KeepAlive.Actions() {
                @Override
                public void ping() {
                    actions.add("ping@" + now.get() / MS);
                }

                @Override
                public void lost() {
                    actions.add("lost@" + now.get() / MS);
                }
            });

    private void at(long millis) {
        now.set((1_000 + millis) * MS);
        keepAlive.check();
    }

    private void frame(Direction direction, long millis) {
        store.append(direction, WireHeader.of(0x81, direction == Direction.OUT, direction == Direction.OUT ? 7 : 0, 1),
                false, (1_000 + millis) * MS, ByteBuffer.wrap(new byte[]{'x'}));
    }

    @Test
    void pingsOnlyAfterAQuietIntervalAndWaitsForTheDeadlineBeforeGivingUp() {
        at(999);
        assertThat(actions).isEmpty();
        at(1_000);
        assertThat(actions).containsExactly("ping@2000");
        at(5_000);  // no answer yet, but within the 10 s deadline: no second ping, no alarm
        assertThat(actions).containsExactly("ping@2000");
        at(10_999);
        assertThat(actions).containsExactly("ping@2000");
        at(11_000);
        assertThat(actions).containsExactly("ping@2000", "lost@12000");
    }

    @Test
    void aPongOrAnyFrameFromTheServerIsASignOfLife() {
        at(1_000);
        keepAlive.heard((1_000 + 1_500) * MS);  // the pong
        at(2_000);
        at(2_400);
        assertThat(actions).containsExactly("ping@2000");  // quiet for < 1 s since the pong
        at(2_500);
        assertThat(actions).containsExactly("ping@2000", "ping@3500");
        frame(Direction.IN, 9_000);  // a data frame behind which the pong may be queued
        at(12_000);
        assertThat(actions).containsExactly("ping@2000", "ping@3500", "ping@13000");
    }

    @Test
    void ourOwnFramesAreNoSignOfLife() {
        frame(Direction.OUT, 900);
        frame(Direction.OUT, 950);
        at(1_000);
        assertThat(actions).containsExactly("ping@2000");
        frame(Direction.OUT, 5_000);
        at(11_000);
        assertThat(actions).containsExactly("ping@2000", "lost@12000");
    }

    @Test
    void theDeadlineIsAtLeastTenSecondsUnlessSet() {
        ConnectionOptions options = ConnectionOptions.of(java.net.URI.create("ws://h/"));
        assertThat(options.withPingInterval(Duration.ofSeconds(1)).effectivePongTimeout()).hasSeconds(10);
        assertThat(options.withPingInterval(Duration.ofSeconds(60)).effectivePongTimeout()).hasSeconds(60);
        assertThat(options.withPingInterval(Duration.ofSeconds(1)).withPongTimeout(Duration.ofMillis(300))
                .effectivePongTimeout()).hasMillis(300);
    }

    @Test
    void aHealthyServerStaysConnectedThroughManyQuickPings() throws Exception {
        try (TestEchoServer echo = TestEchoServer.launch()) {
            EventRecorder events = new EventRecorder();
            Connection connection = new JwsConnectionService().connect(ConnectionOptions.of(echo.uri())
                    .withPingInterval(Duration.ofMillis(100)), store, events);
            try {
                events.await(ConnectionEvent.Opened.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> frames(store).stream()
                        .filter(f -> f.opcode() == Opcode.PONG).count() >= 5);
                assertThat(events.kinds()).containsExactly("Connecting", "Opened");
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void aServerThatNeverAnswersIsDroppedAfterThePongDeadline() throws Exception {
        try (RawWebSocketServer silent = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.stayQuiet();  // reads nothing, answers nothing: no pong ever
        })) {
            EventRecorder events = new EventRecorder();
            Connection connection = new JwsConnectionService().connect(ConnectionOptions.of(silent.uri("/"))
                    .withPingInterval(Duration.ofMillis(100)).withPongTimeout(Duration.ofMillis(400)), store, events);
            try {
                events.await(ConnectionEvent.Closed.class);
                ConnectionEvent.Failed failed = events.first(ConnectionEvent.Failed.class);
                assertThat(failed.kind()).isEqualTo(FailureKind.CONNECTION_LOST);
                assertThat(failed.message()).isEqualTo(
                        "Connection lost: nothing from the server for 0.4 s after our ping, not even a pong (closed with 1006)");
                assertThat(events.first(ConnectionEvent.Closed.class).code()).isEqualTo(1006);
                assertThat(frames(store)).anyMatch(f -> f.opcode() == Opcode.PING
                        && f.direction() == Direction.OUT);
            } finally {
                connection.close();
            }
        }
    }
}
