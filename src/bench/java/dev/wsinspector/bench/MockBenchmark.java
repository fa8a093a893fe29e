package dev.wsinspector.bench;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileJson;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import dev.wsinspector.transport.MockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Mock server replying by rule against the echo server (issue 16): one client of the app's own
 * ({@code JwsConnectionService}) sends N JSON requests with at most W unanswered at a time; the mock answers each
 * with the second of two JSON-path rules and a reply template ({@code {{$.n}}}), the echo server echoes. Runs
 * alternate echo and mock, in one JVM; the goal is a mock rate of at least 0.8 × the echo rate. docs/BENCHMARKS.md,
 * "Mock server", has the figures.
 */
public final class MockBenchmark {

    private static final String PROFILE = "{\"rules\": ["
            + "{\"when\": {\"json\": {\"$.type\": \"other\"}}, \"reply\": \"never\"},"
            + "{\"when\": {\"json\": {\"$.type\": \"req\"}}, \"reply\": {\"json\": {\"type\": \"res\", \"n\": \"{{$.n}}\"}}}]}";

    private MockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 50_000;
        int runs = 3;
        int window = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--window" -> window = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        MockProfile profile = MockProfileJson.read("bench.json", PROFILE.getBytes(StandardCharsets.UTF_8));
        List<Double> echo = new ArrayList<>();
        List<Double> mock = new ArrayList<>();
        try (EchoServer echoServer = EchoServer.builder().deflate(false).build();
             MockServer mockServer = MockServer.builder(MockEngine.of(profile)).port(0).build()) {
            URI echoUri = echoServer.start();
            URI mockUri = mockServer.start();
            round(echoUri, Math.min(messages, 5000), window); // warm-up, both paths
            round(mockUri, Math.min(messages, 5000), window);
            for (int run = 1; run <= runs; run++) {
                double e = round(echoUri, messages, window);
                double m = round(mockUri, messages, window);
                echo.add(e);
                mock.add(m);
                System.out.printf(Locale.ROOT, "run %d: echo %.0f msg/s, mock by rule %.0f msg/s, ratio %.2f%n",
                        run, e, m, m / e);
            }
        }
        Collections.sort(echo);
        Collections.sort(mock);
        double e = echo.get(echo.size() / 2);
        double m = mock.get(mock.size() / 2);
        System.out.printf(Locale.ROOT, "median: echo %.0f msg/s, mock %.0f msg/s, ratio %.2f (goal >= 0.80)%n",
                e, m, m / e);
    }

    /** Replies per second for {@code n} requests, at most {@code window} unanswered. */
    private static double round(URI uri, int n, int window) throws Exception {
        FrameStore store = new ColumnarFrameStore();
        CountDownLatch opened = new CountDownLatch(1);
        Connection c = new JwsConnectionService().connect(ConnectionOptions.of(uri).withPingInterval(Duration.ZERO),
                store, event -> {
                    if (event instanceof ConnectionEvent.Opened) {
                        opened.countDown();
                    }
                });
        try {
            if (!opened.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no connection to " + uri + ": " + c.state());
            }
            long t0 = System.nanoTime();
            int sent = 0;
            long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                long received = store.size() - sent;
                if (received >= n) {
                    break;
                }
                if (sent < n && sent - received < window) {
                    c.sendText("{\"type\":\"req\",\"n\":" + sent + "}");
                    sent++;
                    continue;
                }
                if (System.nanoTime() > deadline || c.state() == ConnectionState.CLOSED) {
                    throw new IllegalStateException("only " + received + " of " + n + " replies from " + uri);
                }
                LockSupport.parkNanos(20_000);
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        } finally {
            c.close();
        }
    }
}
