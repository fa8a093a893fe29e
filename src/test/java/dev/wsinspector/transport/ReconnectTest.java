package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ReconnectPolicy;
import dev.wsinspector.core.session.ReconnectingConnectionService;
import dev.wsinspector.core.session.Session;
import dev.wsinspector.core.timing.Scheduler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real engine behind the reconnect decorator: a server that goes away and comes back on the same port. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReconnectTest {

    private long count(Session session, Class<? extends ConnectionEvent> type) {
        return session.eventsFrom(0).stream().filter(type::isInstance).count();
    }

    @Test
    void aDroppedConnectionComesBackIntoTheSameCaptureAndGivesUpAfterItsAttempts() throws Exception {
        EchoServer first = EchoServer.builder().port(0).build();
        first.start();
        int port = first.address().getPort();
        FrameStore store = new ColumnarFrameStore();
        Session session = new Session(store);
        ConnectionOptions options = ConnectionOptions.of(first.uri()).withConnectTimeout(Duration.ofSeconds(2))
                .withReconnect(ReconnectPolicy.of(3, Duration.ofMillis(300), Duration.ofMillis(300), 0));
        Connection connection = new ReconnectingConnectionService(new JwsConnectionService(), Scheduler.system(), () -> 0)
                .connect(options, store, session);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(session, ConnectionEvent.Opened.class) == 1);
            connection.sendText("one").get(5, TimeUnit.SECONDS);

            first.stop(); // closes with 1001 going away
            EchoServer second = EchoServer.builder().port(port).build();
            second.start();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> count(session, ConnectionEvent.Opened.class) == 2);
                connection.sendText("two").get(5, TimeUnit.SECONDS);
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> store.size() >= 4);
            } finally {
                second.stop();
            }
            // Nobody listens any more: three refused attempts, then it gives up.
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> count(session, ConnectionEvent.Reconnecting.class) == 4
                    && !((dev.wsinspector.core.session.ReconnectingConnection) connection).willReconnect()
                    && session.state() == dev.wsinspector.core.session.ConnectionState.CLOSED
                    && count(session, ConnectionEvent.Connecting.class) == 5);
            assertThat(count(session, ConnectionEvent.Failed.class)).isGreaterThanOrEqualTo(3);
        } finally {
            connection.close();
        }
    }
}
