package dev.wsinspector.core.conformance;

import dev.wsinspector.core.conformance.ConformanceCase.Outcome;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionListener;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.ReconnectPolicy;
import dev.wsinspector.core.session.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs conformance cases against one server, one connection per case, through the app's own
 * {@link ConnectionService} (so the CLI and the GUI run the same thing, and each case is captured like any other
 * connection). Every case has its own deadline, from connecting to its last read, so a server that never answers
 * costs one timeout per case and the whole run is bounded by their sum (plus a moment per case to close).
 *
 * <p>The connection is strict (not lenient) and never reconnects: a case judges the server's first answer.
 */
public final class ConformanceRunner {

    /** Each case's time from connecting to its verdict; the 16 MiB echoes take well under a second on loopback. */
    public static final Duration DEFAULT_CASE_TIMEOUT = Duration.ofSeconds(10);
    /** After the verdict, how long a case waits for its connection to end before it goes on anyway. */
    private static final long CLOSE_WAIT_MILLIS = 2000;

    /** Hears of each case as it starts and ends, on the runner's thread. */
    public interface Listener {
        default void onStart(ConformanceCase testCase) {
        }

        default void onResult(CaseResult result) {
        }
    }

    private final ConnectionService service;
    private final SessionRecorder recorder;
    private final Duration caseTimeout;

    public ConformanceRunner(ConnectionService service, SessionRecorder recorder, Duration caseTimeout) {
        this.service = Objects.requireNonNull(service, "service");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        if (caseTimeout == null || caseTimeout.isNegative() || caseTimeout.isZero()) {
            throw new IllegalArgumentException("caseTimeout must be positive");
        }
        this.caseTimeout = caseTimeout;
    }

    /**
     * Runs {@code cases} in order against {@code base.uri()}, each with {@code base}'s TLS, proxy and headers.
     *
     * @throws InterruptedException when the run was cancelled; the case under way is closed first
     */
    public ConformanceReport run(ConnectionOptions base, List<ConformanceCase> cases, Listener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        List<CaseResult> results = new ArrayList<>(cases.size());
        for (ConformanceCase c : cases) {
            listener.onStart(c);
            CaseResult result = runCase(base, c);
            results.add(result);
            listener.onResult(result);
        }
        return new ConformanceReport(base.uri().toString(), results, (System.nanoTime() - start) / 1_000_000);
    }

    private CaseResult runCase(ConnectionOptions base, ConformanceCase c) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + caseTimeout.toNanos();
        SessionRecorder.Recorded recorded = recorder.start("conformance " + c.id(), base.uri().toString());
        Session session = recorded.session();
        Object signal = new Object();
        ConnectionListener listener = event -> {
            session.onEvent(event);
            synchronized (signal) {
                signal.notifyAll();
            }
        };
        Outcome outcome;
        Connection connection = service.connect(options(base, c), session.frames(), listener);
        try {
            outcome = opened(session, signal, deadline) ? c.check().run(new Probe(connection, session, signal, deadline))
                    : Outcome.fail("could not connect: " + session.lastFailure().map(ConnectionEvent.Failed::message)
                            .orElse("no answer within " + caseTimeout.toSeconds() + " s"));
        } catch (RuntimeException e) {
            outcome = Outcome.fail("the case could not run: " + e.getMessage());
        } finally {
            if (session.state() != ConnectionState.CLOSED) {
                connection.close(1000, "conformance case done"); // a close handshake, not a dropped socket
                awaitEnd(session, signal, System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000);
            }
            connection.close();
            recorded.close();
        }
        return new CaseResult(c, outcome.verdict(), outcome.observed(), (System.nanoTime() - start) / 1_000_000,
                session);
    }

    private ConnectionOptions options(ConnectionOptions base, ConformanceCase c) {
        List<HttpHeader> headers = new ArrayList<>(base.headers());
        if (!c.offer().isEmpty()) {
            headers.removeIf(h -> h.name().equalsIgnoreCase("Sec-WebSocket-Extensions"));
            headers.add(new HttpHeader("Sec-WebSocket-Extensions", c.offer()));
        }
        return base.withHeaders(headers).withDeflate(c.deflate()).withConnectTimeout(caseTimeout)
                .withReconnect(ReconnectPolicy.DISABLED).withLenient(false);
    }

    private static boolean opened(Session session, Object signal, long deadline) throws InterruptedException {
        while (session.opened().isEmpty() && session.state() != ConnectionState.CLOSED) {
            if (!waitTick(signal, deadline)) {
                return false;
            }
        }
        return session.opened().isPresent();
    }

    private static void awaitEnd(Session session, Object signal, long deadline) throws InterruptedException {
        while (session.closed().isEmpty() && session.state() != ConnectionState.CLOSED && waitTick(signal, deadline)) {
            // the connection reports its end with an event, which wakes us
        }
    }

    /** Waits for the next event or a few milliseconds; false once the deadline passed. */
    private static boolean waitTick(Object signal, long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        synchronized (signal) {
            signal.wait(Math.max(1, Math.min(20, left / 1_000_000)));
        }
        return true;
    }
}
