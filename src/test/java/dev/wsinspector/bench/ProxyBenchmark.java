package dev.wsinspector.bench;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.InterceptingProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intercepting proxy's cost, in one run: the app's echo server reached directly and through the proxy (both
 * legs captured in memory, no breakpoint), by the same raw-socket client (so the client is no bottleneck).
 * Latency: sequential round trips of one small text message, p50/p99; throughput: a pipelined flood of small
 * messages and of 64 KiB binary messages, echoes counted. Rounds alternate direct / proxy so that the load of a
 * shared machine falls on both alike.
 *
 * <pre>
 * ./mvnw -B -o verify -Djacoco.skip=true -Dtest=ProxyBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.roundTrips=20000 -Dbench.messages=200000 -Dbench.rounds=3
 * </pre>
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ProxyBenchmark {

    private static final int ROUND_TRIPS = Integer.getInteger("bench.roundTrips", 20_000);
    private static final int MESSAGES = Integer.getInteger("bench.messages", 200_000);
    private static final int BIG_MESSAGES = Integer.getInteger("bench.bigMessages", 2_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

    @Test
    void proxyAgainstDirect() throws Exception {
        try (EchoServer echo = EchoServer.builder().host("127.0.0.1").port(0).maxQueuedBytes(256L << 20).build()) {
            URI direct = echo.start();
            InterceptingProxy proxy = new InterceptingProxy(ProxySettings.of(ConnectionOptions.of(direct)),
                    SessionRecorder.inMemory());
            URI proxied = proxy.start();
            try {
                List<String> report = new ArrayList<>();
                report.add(String.format(Locale.ROOT, "%-6s %-7s %12s %12s %14s %14s", "round", "path",
                        "rtt p50 us", "rtt p99 us", "100B msg/s", "64KiB MB/s"));
                double[][] p50 = new double[2][ROUNDS];
                double[][] p99 = new double[2][ROUNDS];
                double[][] rate = new double[2][ROUNDS];
                double[][] mbs = new double[2][ROUNDS];
                run(direct, 2_000, 20_000, 200); // warm-up, both paths
                run(proxied, 2_000, 20_000, 200);
                for (int r = 0; r < ROUNDS; r++) {
                    for (int path = 0; path < 2; path++) {
                        double[] f = run(path == 0 ? direct : proxied, ROUND_TRIPS, MESSAGES, BIG_MESSAGES);
                        p50[path][r] = f[0];
                        p99[path][r] = f[1];
                        rate[path][r] = f[2];
                        mbs[path][r] = f[3];
                        report.add(String.format(Locale.ROOT, "%-6d %-7s %12.1f %12.1f %14.0f %14.1f", r + 1,
                                path == 0 ? "direct" : "proxy", f[0], f[1], f[2], f[3]));
                    }
                }
                report.add(String.format(Locale.ROOT, "median direct: p50 %.1f us, p99 %.1f us, %.0f msg/s, %.1f MB/s",
                        median(p50[0]), median(p99[0]), median(rate[0]), median(mbs[0])));
                report.add(String.format(Locale.ROOT, "median proxy:  p50 %.1f us, p99 %.1f us, %.0f msg/s, %.1f MB/s",
                        median(p50[1]), median(p99[1]), median(rate[1]), median(mbs[1])));
                report.add(String.format(Locale.ROOT, "added latency: p50 +%.1f us, p99 +%.1f us; throughput "
                                + "%.2f x (100 B), %.2f x (64 KiB)", median(p50[1]) - median(p50[0]),
                        median(p99[1]) - median(p99[0]), median(rate[1]) / median(rate[0]),
                        median(mbs[1]) / median(mbs[0])));
                report.forEach(System.out::println);
            } finally {
                proxy.stop();
            }
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** One connection: round trips, then the two floods; returns p50 µs, p99 µs, msg/s, MB/s. */
    private static double[] run(URI uri, int roundTrips, int messages, int bigMessages) throws IOException {
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(60_000);
            OutputStream raw = s.getOutputStream();
            raw.write(("GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13"
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 1 << 16));
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 101");
            byte[] small = RawWebSocketServer.Peer.maskedFrame(0x81, 0x12345678, new byte[100]);
            long[] rtt = new long[roundTrips];
            for (int i = 0; i < roundTrips; i++) {
                long t0 = System.nanoTime();
                raw.write(small);
                skipFrame(in);
                rtt[i] = System.nanoTime() - t0;
            }
            Arrays.sort(rtt);
            double p50 = rtt[roundTrips / 2] / 1e3;
            double p99 = rtt[(int) (roundTrips * 0.99)] / 1e3;
            double rate = messages / flood(s, in, small, messages);
            byte[] big = RawWebSocketServer.Peer.maskedFrame(0x82, 0x12345678, new byte[64 * 1024]);
            double mbs = (double) bigMessages * 64 * 1024 / 1e6 / flood(s, in, big, bigMessages);
            raw.write(RawWebSocketServer.Peer.maskedFrame(0x88, 1, RawWebSocketServer.Peer.closePayload(1000)));
            return new double[]{p50, p99, rate, mbs};
        }
    }

    /** Seconds from the first write to the last echo of {@code count} copies of {@code frame}. */
    private static double flood(Socket s, DataInputStream in, byte[] frame, int count) throws IOException {
        long t0 = System.nanoTime();
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
                for (int i = 0; i < count; i++) {
                    out.write(frame);
                }
                out.flush();
            } catch (IOException e) {
                // the reader fails too
            }
        }, "bench-writer");
        writer.start();
        for (int i = 0; i < count; i++) {
            skipFrame(in);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seconds;
    }

    private static void skipFrame(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        int len7 = in.readUnsignedByte() & 0x7f;
        long len = len7 == 126 ? in.readUnsignedShort() : len7 == 127 ? in.readLong() : len7;
        in.skipNBytes(len);
    }

    private static String readHead(DataInputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith("\r\n\r\n")) {
            sb.append((char) in.readUnsignedByte());
        }
        return sb.toString();
    }
}
