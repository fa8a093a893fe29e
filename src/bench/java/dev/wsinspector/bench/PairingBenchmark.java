package dev.wsinspector.bench;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.pairing.PairingFeed;
import dev.wsinspector.core.pairing.PairingSettings;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Pairing cost per frame (issue #14): 1 M JSON-RPC frames (calls and their results, a few out of order), paired
 * from the store as a stored session is (decode each whole message, find its key, pair), by the protocol's ids and
 * by the user's JSON paths. docs/BENCHMARKS.md, "Pairing", has the figures and the command.
 */
public final class PairingBenchmark {

    private PairingBenchmark() {
    }

    public static void main(String[] args) {
        long frames = 1_000_000;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> frames = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Session session = new Session(new SegmentedFrameStore());
        long start = System.nanoTime();
        for (long i = 0; i < frames / 2; i++) {
            // The results of every eighth pair come one call late: out of order.
            long id = i % 8 == 7 && i > 0 ? i - 1 : i % 8 == 6 ? i + 1 : i;
            append(session, Direction.OUT, "{\"jsonrpc\":\"2.0\",\"method\":\"m" + (i % 16) + "\",\"params\":[" + i + "],\"id\":" + i + "}", start + i * 2000);
            append(session, Direction.IN, "{\"jsonrpc\":\"2.0\",\"result\":" + i + ",\"id\":" + id + "}", start + i * 2000 + 1000);
        }
        run("protocol ids (JSON-RPC, auto-detected)", session, PairingSettings.DEFAULTS, rounds);
        run("JSON paths ($.id / $.id)", session, PairingSettings.DEFAULTS.withPaths("$.id", "$.id", "$.method"), rounds);
    }

    private static void append(Session session, Direction dir, String text, long nanos) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        session.frames().append(dir, WireHeader.of(0x81, dir == Direction.OUT, 0x01020304, b.length), false, nanos,
                ByteBuffer.wrap(b));
    }

    private static void run(String name, Session session, PairingSettings settings, int rounds) {
        long[] nanos = new long[rounds];
        long paired = 0;
        for (int r = 0; r < rounds; r++) {
            PairingFeed feed = settings.feed(new ProtocolDecoders(), ProtocolHint.NONE);
            long t0 = System.nanoTime();
            feed.advance(session);
            feed.engine().finish();
            nanos[r] = System.nanoTime() - t0;
            paired = feed.engine().methods().stream().mapToLong(m -> m.replies()).sum();
        }
        Arrays.sort(nanos);
        long n = session.frames().size();
        System.out.printf(Locale.ROOT, "%-40s %d frames, %d replies paired: median %.0f ms (%.2f µs/frame), best %.0f ms%n",
                name, n, paired, nanos[rounds / 2] / 1e6, nanos[rounds / 2] / 1e3 / n, nanos[0] / 1e6);
    }
}
