package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.journal.JournalException;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.pairing.CaptureStatistics;
import dev.wsinspector.core.pairing.MethodStats;
import dev.wsinspector.core.pairing.PairingEngine;
import dev.wsinspector.core.pairing.PairingSettings;
import dev.wsinspector.core.pairing.Percentiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ws-inspector stats SESSION [--json]}: counts, rates, sizes and latency percentiles of a stored session,
 * per direction, frame type and method; a table for people, or one JSON object with {@code --json}.
 */
@Command(name = "stats", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Print a stored session's figures: frames, bytes, rates, sizes and reply latencies.",
                "Per direction and type: frames, bytes, frames/s, bytes/s and payload sizes; per method:",
                "requests, replies, unanswered and latency percentiles (p50, p95, p99, max)."})
final class StatsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SESSION", description = "Session id, name, or the start of an id")
    private String sessionRef;

    @Option(names = "--json", description = "Print one JSON object instead of tables")
    private boolean json;

    @Option(names = "--decode", paramLabel = "FORMAT", converter = DecoderChoice.class,
            completionCandidates = DecoderChoice.class, defaultValue = "auto",
            description = "The protocol whose ids pair requests and replies: auto (default) or one of ${COMPLETION-CANDIDATES}")
    private String decode;

    @Mixin
    private PairingOptions pairing = new PairingOptions();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default: $WSI_HOME, else the OS convention)")
    private String dataDir;

    private final PrintStream out;
    private final PrintStream err;

    StatsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        PairingSettings pairingSettings;
        try {
            pairingSettings = pairing.settings();
        } catch (IllegalArgumentException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path());
        try (SessionCatalog.Opened opened = catalog.open(catalog.find(sessionRef))) {
            opened.problems().forEach(p -> err.println("ws-inspector: " + p));
            PairingEngine engine = PairingOptions.stored(opened.session(), pairingSettings, decode);
            CaptureStatistics stats = CaptureStatistics.of(opened.session().frames(), engine);
            String id = opened.meta().id();
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(json(stats, id, engine.timeoutMicros())));
            } else {
                text(stats, id, engine.timeoutMicros());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("ws-inspector: " + e.getMessage()); // a bad pairing option
            return ExitCodes.USAGE;
        } catch (JournalException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException | UncheckedIOException e) {
            err.println("ws-inspector: cannot read session '" + sessionRef + "': " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private static ObjectNode json(CaptureStatistics stats, String id, long timeoutMicros) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("type", "stats");
        root.put("session", id);
        root.put("frames", stats.frames());
        root.put("bytes", stats.bytes());
        root.put("durationSeconds", stats.seconds());
        root.put("pairingTimeoutSeconds", timeoutMicros / 1e6);
        ArrayNode groups = root.putArray("groups");
        for (CaptureStatistics.Group g : stats.groups()) {
            ObjectNode n = groups.addObject();
            n.put("dir", g.direction().jsonName());
            n.put("opcode", g.type());
            n.put("frames", g.frames());
            n.put("bytes", g.bytes());
            n.put("framesPerSecond", g.framesPerSecond());
            n.put("bytesPerSecond", g.bytesPerSecond());
            n.set("size", percentiles(n.objectNode(), g.sizes(), 1));
        }
        ObjectNode latency = root.putObject("latencyMs");
        for (Map.Entry<Direction, Percentiles> e : stats.latency().entrySet()) {
            latency.set(e.getKey().jsonName(), percentiles(root.objectNode(), e.getValue(), 1e6));
        }
        ArrayNode methods = root.putArray("methods");
        for (MethodStats m : stats.methods()) {
            ObjectNode n = methods.addObject();
            n.put("method", m.method());
            n.put("requests", m.requests());
            n.put("replies", m.replies());
            n.put("unanswered", m.unanswered());
            n.put("duplicates", m.duplicates());
            n.set("latencyMs", percentiles(n.objectNode(), m.latency(), 1e6));
        }
        return root;
    }

    /** {@code {"count":…,"min":…,"mean":…,"p50":…,"p95":…,"p99":…,"max":…}} with values divided by {@code unit}. */
    private static ObjectNode percentiles(ObjectNode n, Percentiles p, double unit) {
        n.put("count", p.count());
        if (p.count() > 0) {
            n.put("min", p.min() / unit);
            n.put("mean", p.mean() / unit);
            n.put("p50", p.p50() / unit);
            n.put("p95", p.p95() / unit);
            n.put("p99", p.p99() / unit);
            n.put("max", p.max() / unit);
        }
        return n;
    }

    private void text(CaptureStatistics stats, String id, long timeoutMicros) {
        out.printf(Locale.ROOT, "Session %s: %d frames, %d bytes over %.3f s%n%n", id, stats.frames(), stats.bytes(),
                stats.seconds());
        String row = "%-4s %-12s %9s %12s %10s %12s %8s %10s %8s %8s %8s %8s%n";
        out.printf(Locale.ROOT, row, "dir", "type", "frames", "bytes", "frames/s", "bytes/s", "min B", "mean B", "p50 B",
                "p95 B", "p99 B", "max B");
        for (CaptureStatistics.Group g : stats.groups()) {
            Percentiles s = g.sizes();
            out.printf(Locale.ROOT, row, g.direction().jsonName(), g.type(), g.frames(), g.bytes(),
                    fixed(g.framesPerSecond()), fixed(g.bytesPerSecond()), s.min(), fixed(s.mean()), s.p50(), s.p95(), s.p99(), s.max());
        }
        out.printf(Locale.ROOT, "%nLatency of paired replies (request timeout %s s)%n", fixed(timeoutMicros / 1e6));
        String lat = "%-30s %9s %9s %10s %10s %10s %10s %10s %10s%n";
        out.printf(Locale.ROOT, lat, "method", "requests", "replies", "unanswered", "duplicates", "p50 ms", "p95 ms",
                "p99 ms", "max ms");
        for (Map.Entry<Direction, Percentiles> e : stats.latency().entrySet()) {
            Percentiles p = e.getValue();
            if (p.count() > 0) {
                out.printf(Locale.ROOT, lat, "(all replies " + e.getKey().jsonName() + ")", "", p.count(), "", "",
                        ms(p.p50()), ms(p.p95()), ms(p.p99()), ms(p.max()));
            }
        }
        for (MethodStats m : stats.methods()) {
            Percentiles p = m.latency();
            out.printf(Locale.ROOT, lat, m.method().isEmpty() ? "(no method)" : m.method(), m.requests(), m.replies(),
                    m.unanswered(), m.duplicates(), ms(p.p50()), ms(p.p95()), ms(p.p99()), ms(p.max()));
        }
        if (stats.methods().isEmpty()) {
            out.println("(no requests found: no protocol ids, or give --pair-request and --pair-reply)");
        }
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
