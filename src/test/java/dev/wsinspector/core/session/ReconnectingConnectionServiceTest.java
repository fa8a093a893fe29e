package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.testutil.FakeConnection;
import dev.wsinspector.testutil.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Backoff, attempt bounds and what counts as a drop, on a scripted service and a manual clock. */
class ReconnectingConnectionServiceTest {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final FrameStore store = new ColumnarFrameStore(scheduler.captureClock());
    private final List<ConnectionEvent> events = new CopyOnWriteArrayList<>();
    /** Each connect call's listener, so the test can play the transport. */
    private final List<ConnectionListener> attempts = new ArrayList<>();
    private final List<Long> attemptTimes = new ArrayList<>();
    private final ConnectionService scripted = (options, s, listener) -> {
        attempts.add(listener);
        attemptTimes.add(scheduler.nanoTime() / 1_000_000);
        listener.onEvent(new ConnectionEvent.Connecting(0, s.size(), options.uri().toString()));
        return new FakeConnection(scheduler);
    };
    private final ReconnectingConnectionService service =
            new ReconnectingConnectionService(scripted, scheduler, () -> 0.5);

    private static ConnectionOptions options(ReconnectPolicy policy) {
        return ConnectionOptions.of(URI.create("ws://x/")).withReconnect(policy);
    }

    private void refused(int attempt) {
        ConnectionListener l = attempts.get(attempt);
        l.onEvent(new ConnectionEvent.Failed(0, 0, FailureKind.CONNECTION_REFUSED, "refused", null));
        l.onEvent(new ConnectionEvent.Closed(0, 0, 1006, "", false, false));
    }

    private void opened(int attempt) {
        attempts.get(attempt).onEvent(new ConnectionEvent.Opened(0, 0, "ws://x/", null));
    }

    private List<String> kinds() {
        return events.stream().map(e -> e.getClass().getSimpleName()).toList();
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterTakenOff() {
        ReconnectPolicy p = ReconnectPolicy.of(10, Duration.ofMillis(100), Duration.ofMillis(1000), 0.2);
        assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(n -> p.backoff(n, 0).toMillis()).toList())
                .containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
        assertThat(p.backoff(2, 0.5).toMillis()).isEqualTo(180);
        assertThat(p.backoff(9, 0.999).toMillis()).isBetween(800L, 1000L);
    }

    @Test
    void withoutReconnectTheServiceIsUntouched() {
        Connection c = service.connect(ConnectionOptions.of(URI.create("ws://x/")), store, events::add);
        assertThat(c).isInstanceOf(FakeConnection.class);
    }

    @Test
    void aDropIsRetriedWithBackoffAndBoundedAttempts() {
        ReconnectingConnection c = (ReconnectingConnection) new ReconnectingConnectionService(scripted, scheduler, () -> 0)
                .connect(options(ReconnectPolicy.of(3, Duration.ofMillis(100), Duration.ofMillis(250), 0.5)), store, events::add);
        long start = attemptTimes.get(0);
        opened(0);
        attempts.get(0).onEvent(new ConnectionEvent.Closed(0, 0, 1006, "", true, false));
        assertThat(c.willReconnect()).isTrue();
        assertThat(c.state()).isEqualTo(ConnectionState.CONNECTING);

        scheduler.advanceMillis(100);
        refused(1);
        scheduler.advanceMillis(200);
        refused(2);
        scheduler.advanceMillis(250);
        refused(3);
        scheduler.advanceMillis(10_000);

        assertThat(attempts).hasSize(4);
        assertThat(attemptTimes).containsExactly(start, start + 100, start + 300, start + 550);
        assertThat(c.willReconnect()).isFalse();
        assertThat(events.stream().filter(e -> e instanceof ConnectionEvent.Reconnecting)
                .map(e -> ((ConnectionEvent.Reconnecting) e).message()).toList()).containsExactly(
                "Reconnecting in 0.1 s (attempt 1 of 3)", "Reconnecting in 0.2 s (attempt 2 of 3)",
                "Reconnecting in 0.3 s (attempt 3 of 3)");
        assertThat(kinds()).endsWith("Connecting", "Failed", "Closed");
    }

    @Test
    void aSuccessfulOpenStartsTheCountAgain() {
        service.connect(options(ReconnectPolicy.of(1, Duration.ofMillis(10), Duration.ofMillis(10), 0)), store, events::add);
        for (int i = 0; i < 3; i++) {
            opened(i);
            attempts.get(i).onEvent(new ConnectionEvent.Closed(0, 0, 1006, "", true, false));
            scheduler.advanceMillis(10);
        }
        assertThat(attempts).hasSize(4);
    }

    @Test
    void closesTheUserAskedForAndHopelessFailuresAreNotRetried() {
        ConnectionOptions o = options(ReconnectPolicy.of(5, Duration.ofMillis(10), Duration.ofMillis(10), 0));
        Connection byUser = service.connect(o, store, events::add);
        opened(0);
        byUser.close(1000, "bye");
        attempts.get(0).onEvent(new ConnectionEvent.Closed(0, 0, 1000, "bye", false, true));

        service.connect(o, store, events::add);
        opened(1);
        attempts.get(1).onEvent(new ConnectionEvent.Closed(0, 0, 1000, "done", true, true));

        service.connect(o, store, events::add);
        attempts.get(2).onEvent(new ConnectionEvent.Failed(0, 0, FailureKind.HANDSHAKE_REJECTED, "401", null));
        attempts.get(2).onEvent(new ConnectionEvent.Closed(0, 0, 1006, "", false, false));
        scheduler.advanceMillis(100);
        assertThat(attempts).hasSize(3);

        Connection restart = service.connect(o, store, events::add);
        opened(3);
        attempts.get(3).onEvent(new ConnectionEvent.Closed(0, 0, 1012, "restart", true, true));
        scheduler.advanceMillis(100);

        assertThat(attempts).hasSize(5);
        restart.close();
    }

    @Test
    void closingWhileAReconnectIsPendingCancelsIt() {
        Connection c = service.connect(options(ReconnectPolicy.of(5, Duration.ofMillis(100), Duration.ofMillis(100), 0)),
                store, events::add);
        opened(0);
        attempts.get(0).onEvent(new ConnectionEvent.Closed(0, 0, 1006, "", true, false));
        c.close();
        scheduler.advanceMillis(1000);
        assertThat(attempts).hasSize(1);
    }
}
