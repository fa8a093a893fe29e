package dev.wsinspector.bench;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterRun;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameBatch;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.journal.Recording;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.session.Session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Filter speed (issue #14): a case-insensitive text term over 1 M stored 100-byte frames in memory and 10 M on
 * disk, and a JSON path over 1 M JSON frames, each beside a reference in the same run: a plain byte scan over the
 * same payloads, read the same way (batches of {@link FrameStore#read}), counting one byte value. The ratio is
 * what to compare across machines and loads. docs/BENCHMARKS.md, "Filter", has the figures and the command.
 */
public final class FilterBenchmark {

    private FilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long memFrames = 1_000_000;
        long diskFrames = 10_000_000;
        int rounds = 7;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--frames" -> memFrames = Long.parseLong(args[++i]);
                case "--disk-frames" -> diskFrames = Long.parseLong(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Session text = new Session(new SegmentedFrameStore());
        fill(text.frames(), memFrames, false);
        report("text frames, in memory", text, "Trade", rounds);

        Session json = new Session(new SegmentedFrameStore());
        fill(json.frames(), memFrames, true);
        report("JSON frames, in memory", json, "$.type == \"trade\"", rounds);
        json = null;
        text = null;
        System.gc();

        if (diskFrames > 0) {
            Path dir = Files.createTempDirectory("wsi-filter-bench");
            try (SessionCatalog catalog = new SessionCatalog(dir, SessionCatalog.Settings.defaults())) {
                long t = System.nanoTime();
                Recording recording = catalog.record("bench", null, "ws://bench.invalid/", p -> { });
                fill(recording.session().frames(), diskFrames, false);
                String id = recording.id();
                recording.close();
                System.out.printf(Locale.ROOT, "journal of %,d frames written in %.1f s%n", diskFrames, (System.nanoTime() - t) / 1e9);
                try (SessionCatalog.Opened opened = catalog.open(catalog.find(id))) {
                    report("text frames, stored on disk (journal)", opened.session(), "Trade", Math.min(rounds, 3));
                }
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** 100-byte payloads; one in eight carries the word the text term looks for ("trade", in any case). */
    private static void fill(FrameStore store, long frames, boolean json) {
        byte[] buf = new byte[100];
        for (long seq = 0; seq < frames; seq++) {
            String s = json
                    ? String.format(Locale.ROOT, "{\"seq\":%d,\"type\":\"%s\",\"symbol\":\"WSI\",\"price\":%d.%02d,\"size\":%d}",
                            seq, seq % 8 == 0 ? "trade" : "tick", 100 + seq % 900, seq % 100, 1 + seq % 50)
                    : String.format(Locale.ROOT, "{\"seq\":%d,\"kind\":\"%s\",\"symbol\":\"WSI\",\"note\":\"", seq,
                            seq % 8 == 0 ? "TRADE" : "quote");
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            int n = json ? b.length : 100;
            Arrays.fill(buf, (byte) 'x');
            System.arraycopy(b, 0, buf, 0, Math.min(b.length, n));
            if (!json) {
                buf[98] = '"';
                buf[99] = '}';
            }
            store.append(seq % 10 == 0 ? Direction.OUT : Direction.IN, WireHeader.of(0x81, false, 0, n), false,
                    System.nanoTime(), ByteBuffer.wrap(buf, 0, n));
        }
    }

    private static void report(String what, Session session, String expression, int rounds) {
        FrameStore store = session.frames();
        BoundFilter filter = Filter.compile(expression, FilterContext.defaults());
        long[] matches = new long[3];
        double ref = median(rounds, () -> byteScan(store));
        double one = median(rounds, () -> matches[0] = new FilterRun(filter, session, 1).advance(null).frames().count());
        double two = median(rounds, () -> matches[1] = new FilterRun(filter, session, 2).advance(null).frames().count());
        System.out.printf(Locale.ROOT, "%s: %,d frames, %s -> %,d matches%n", what, store.size(), expression, matches[0]);
        System.out.printf(Locale.ROOT, "  reference byte scan %.1f ms | filter, 1 thread %.1f ms (%.2fx) | 2 threads %.1f ms (%.2fx)%n",
                ref, one, one / ref, two, two / ref);
        if (matches[0] != matches[1]) {
            throw new IllegalStateException("1 and 2 threads disagree: " + matches[0] + " vs " + matches[1]);
        }
    }

    /** Reads every payload as the filter does and counts the byte 't'; what any scan must at least cost. */
    private static long byteScan(FrameStore store) {
        FrameBatch batch = new FrameBatch(4096, 1 << 20);
        long count = 0;
        long seq = 0;
        long size = store.size();
        while (seq < size) {
            int n = store.read(seq, size, batch);
            byte[] p = batch.payload();
            for (int i = 0; i < n; i++) {
                int off = batch.payloadOffset[i];
                for (int k = off, end = off + batch.payloadLength[i]; k < end; k++) {
                    if (p[k] == 't') {
                        count++;
                    }
                }
            }
            seq += n;
        }
        return count;
    }

    /** Median wall time in ms over {@code rounds} runs, after one untimed warm-up. */
    private static double median(int rounds, LongSupplier run) {
        run.getAsLong();
        double[] ms = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            run.getAsLong();
            ms[r] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[rounds / 2];
    }
}
