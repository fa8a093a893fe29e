package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SessionTest {

    private static ConnectionEvent.Opened opened() {
        return new ConnectionEvent.Opened(1L, 0, "ws://x/",
                new Handshake("GET / HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols", List.of(), new byte[0]));
    }

    private static ConnectionEvent.Closed closed() {
        return new ConnectionEvent.Closed(2L, 0, 1000, "", true, true);
    }

    @Test
    void closingStartsOnlyFromOpen() {
        Session session = new Session(new ColumnarFrameStore());
        session.markClosing();
        assertThat(session.state()).isEqualTo(ConnectionState.CONNECTING);
        session.onEvent(opened());
        session.markClosing();
        assertThat(session.state()).isEqualTo(ConnectionState.CLOSING);
        session.onEvent(closed());
        session.markClosing();
        assertThat(session.state()).isEqualTo(ConnectionState.CLOSED);
    }

    /** Shifts one thread against the other a little, so the rounds sweep across the interleavings. */
    private static void spin(int turns) {
        for (int i = 0; i < turns; i++) {
            Thread.onSpinWait();
        }
    }

    /**
     * Our Disconnect (FX thread) and the transport's close report (its read thread) at the same moment: the
     * session must end CLOSED, never stay "Closing…". Two threads race through many rounds.
     */
    @Test
    void aCloseReportedWhileWeStartClosingIsNeverOverwritten() throws Exception {
        int rounds = 200_000;
        Session[] current = new Session[1];
        CyclicBarrier start = new CyclicBarrier(2, () -> {
            Session s = new Session(new ColumnarFrameStore());
            s.onEvent(opened());
            current[0] = s;
        });
        CyclicBarrier end = new CyclicBarrier(2);
        AtomicInteger stuck = new AtomicInteger();
        Thread transport = new Thread(() -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    start.await(10, TimeUnit.SECONDS);
                    spin(i % 32);
                    current[0].onEvent(closed());
                    end.await(10, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "test-transport");
        transport.start();
        for (int i = 0; i < rounds; i++) {
            start.await(10, TimeUnit.SECONDS);
            spin(i / 32 % 32);
            current[0].markClosing();
            end.await(10, TimeUnit.SECONDS);
            if (current[0].state() != ConnectionState.CLOSED) {
                stuck.incrementAndGet();
            }
        }
        transport.join(10_000);
        assertThat(stuck.get()).as("rounds left CLOSING after the close was reported").isZero();
    }
}
