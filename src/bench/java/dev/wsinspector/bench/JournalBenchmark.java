package dev.wsinspector.bench;

import dev.wsinspector.app.Launcher;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.io.CaptureFiles;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionMeta;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The session journal's figures (issue 10, docs/BENCHMARKS.md "Session journal"):
 * <ol>
 *   <li><b>soak</b>: the real command line, {@code connect --save --quiet} in a child JVM with {@code -Xmx256m},
 *       against a {@link FloodServer} sending N frames of 100 B; the child's heap after GC is read every
 *       second through {@code jcmd GC.heap_info}-free means: the child logs GC with {@code -Xlog:gc}, and the
 *       heap after each collection is taken from that log. Then {@code sessions --json} must report exactly
 *       the frames the server sent (plus its close frame).</li>
 *   <li><b>reopen</b>: {@link SessionCatalog#open} of that session (the scan that checks every record and
 *       builds the index) and the time to read one frame from its middle and from its end.</li>
 *   <li><b>export</b>: the session to HAR, JSONL and pcapng, in MB/s of file written.</li>
 * </ol>
 * <pre>
 * java -cp target/ws-inspector.jar:target/ws-inspector-bench.jar dev.wsinspector.bench.JournalBenchmark [--frames 10000000] [--heap 256m]
 *      [--export-frames 1000000]
 * </pre>
 * Every wait is bounded; the data directory is a temp directory, deleted at the end.
 */
public final class JournalBenchmark {

    private JournalBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long frames = 10_000_000;
        String heap = "256m";
        long exportFrames = 1_000_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--frames" -> frames = Long.parseLong(args[i + 1]);
                case "--heap" -> heap = args[i + 1];
                case "--export-frames" -> exportFrames = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("usage: JournalBenchmark [--frames N] [--heap 256m] [--export-frames N]");
                    System.exit(2);
                }
            }
        }
        Path data = Files.createTempDirectory("wsi-journal-bench-");
        try {
            System.out.printf(Locale.ROOT, "JournalBenchmark: %,d frames of 100 B, child heap -Xmx%s, data %s%n",
                    frames, heap, data);
            long sent = soak(data, frames, heap);
            reopen(data, sent);
            if (exportFrames > 0) {
                export(data, exportFrames, heap);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static long soak(Path data, long frames, String heap) throws Exception {
        Path gcLog = data.resolve("gc.log");
        try (FloodServer server = new FloodServer(true, 100, frames, 3600)) {
            CompletableFuture<FloodServer.Result> served = server.serveOne();
            long start = System.nanoTime();
            Process child = cli(data, heap, gcLog, "connect", "ws://127.0.0.1:" + server.port() + "/soak",
                    "--save=soak", "--quiet", "--data-dir", data.toString());
            if (!child.waitFor(3600, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException("the CLI did not finish within an hour");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            FloodServer.Result result = served.get(60, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "soak: exit %d after %.1f s, server sent %,d frames (%.0f frames/s)%n",
                    child.exitValue(), seconds, result.framesSent(), result.framesSent() / seconds);
            System.out.println("soak: CLI said " + out.trim().replace("\n", " | "));
            printHeapAfterGc(gcLog, result.framesSent(), seconds);
            SessionMeta meta = new SessionCatalog(data, SessionCatalog.Settings.defaults()).find("soak");
            boolean exact = meta.framesIn() == result.framesSent() + 1; // + the server's close frame
            System.out.printf(Locale.ROOT, "soak: sessions reports framesIn %,d (= sent + close: %s), framesOut %,d,"
                    + " ended %s, journal %,d MB%n", meta.framesIn(), exact ? "yes" : "NO", meta.framesOut(), meta.how(),
                    Files.size(data.resolve("sessions").resolve(meta.id()).resolve("frames.wsj")) / 1_000_000);
            return result.framesSent();
        }
    }

    /** The heap after each GC from the child's -Xlog:gc lines ("... 120M->24M(256M) ..."), in ten slices of time. */
    private static void printHeapAfterGc(Path gcLog, long frames, double seconds) throws IOException {
        List<double[]> points = new ArrayList<>(); // uptime s, heap after MB
        for (String line : Files.readAllLines(gcLog)) {
            int arrow = line.indexOf("M->");
            int open = arrow < 0 ? -1 : line.indexOf("M(", arrow);
            int up = line.indexOf('[');
            if (arrow < 0 || open < 0 || up < 0 || !line.contains("Pause")) {
                continue;
            }
            double uptime = Double.parseDouble(line.substring(up + 1, line.indexOf('s', up)));
            double after = Double.parseDouble(line.substring(arrow + 3, open));
            points.add(new double[] {uptime, after});
        }
        if (points.isEmpty()) {
            System.out.println("soak: no GC pauses logged");
            return;
        }
        double end = points.get(points.size() - 1)[0];
        StringBuilder sb = new StringBuilder("soak: heap after GC (MB), by tenth of the run (~")
                .append(String.format(Locale.ROOT, "%,d", frames / 10)).append(" frames each):");
        for (int slice = 1; slice <= 10; slice++) {
            double max = -1;
            for (double[] p : points) {
                if (p[0] <= end * slice / 10 && p[0] > end * (slice - 1) / 10) {
                    max = Math.max(max, p[1]);
                }
            }
            sb.append(max < 0 ? " -" : String.format(Locale.ROOT, " %.0f", max));
        }
        System.out.println(sb.append("  (").append(points.size()).append(" pauses)"));
    }

    private static void reopen(Path data, long sent) throws Exception {
        SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults());
        SessionMeta meta = catalog.find("soak");
        for (int round = 1; round <= 3; round++) {
            long t0 = System.nanoTime();
            try (SessionCatalog.Opened opened = catalog.open(meta)) {
                long t1 = System.nanoTime();
                FrameStore f = opened.session().frames();
                long mid = f.size() / 2;
                long t2 = System.nanoTime();
                f.get(mid);
                long t3 = System.nanoTime();
                f.get(f.size() - 2);
                long t4 = System.nanoTime();
                System.out.printf(Locale.ROOT, "reopen %d: %,d frames opened (checked and indexed) in %.2f s; frame #%,d in"
                        + " %.2f ms, #%,d in %.2f ms%n", round, f.size(), (t1 - t0) / 1e9, mid, (t3 - t2) / 1e6,
                        f.size() - 2, (t4 - t3) / 1e6);
            }
        }
    }

    private static void export(Path data, long frames, String heap) throws Exception {
        try (FloodServer server = new FloodServer(true, 100, frames, 600)) {
            CompletableFuture<FloodServer.Result> served = server.serveOne();
            Process child = cli(data, heap, data.resolve("gc-export.log"), "connect",
                    "ws://127.0.0.1:" + server.port() + "/export", "--save=export", "--quiet", "--data-dir", data.toString());
            child.waitFor(600, TimeUnit.SECONDS);
            served.get(60, TimeUnit.SECONDS);
        }
        SessionCatalog catalog = new SessionCatalog(data, SessionCatalog.Settings.defaults());
        try (SessionCatalog.Opened opened = catalog.open(catalog.find("export"))) {
            for (String ext : List.of("har", "jsonl", "pcapng")) {
                Path file = data.resolve("export." + ext);
                long t0 = System.nanoTime();
                CaptureFiles.write(opened.session(), file, false, "bench");
                double s = (System.nanoTime() - t0) / 1e9;
                long size = Files.size(file);
                System.out.printf(Locale.ROOT, "export %,d frames to %-6s %,6d MB in %5.2f s = %,.0f MB/s%n",
                        opened.session().frames().size(), ext, size / 1_000_000, s, size / 1e6 / s);
                Files.delete(file);
            }
        }
    }

    private static Process cli(Path data, String heap, Path gcLog, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "-Xlog:gc:file=" + gcLog,
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
