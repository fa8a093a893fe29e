package dev.wsinspector.bench;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.scenario.Scenario;
import dev.wsinspector.core.scenario.ScenarioReader;
import dev.wsinspector.core.scenario.ScenarioResult;
import dev.wsinspector.core.scenario.ScenarioRunner;
import dev.wsinspector.transport.EchoServer;
import dev.wsinspector.transport.JwsConnectionService;
import java.net.URI;
import java.util.Locale;

/**
 * Scenario runner speed (issue 15): one scenario of N request/reply rounds (a {@code send} of a JSON message with
 * the round's number and an {@code expect} of its JSON path, so 2 N steps) against the project's echo server on
 * loopback, in this JVM. The target: 10,000 rounds in at most 5 s. docs/BENCHMARKS.md, "Scenarios", has the figures.
 */
public final class ScenarioBenchmark {

    private ScenarioBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 10_000;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "cores %d, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        try (EchoServer server = EchoServer.builder().build()) {
            URI uri = server.start();
            Scenario scenario = ScenarioReader.parse("bench.json", "{\"schemaVersion\":1,\"connection\":{\"url\":\""
                    + uri + "\"},\"steps\":[{\"repeat\":" + rounds + ",\"as\":\"i\",\"steps\":["
                    + "{\"send\":{\"json\":{\"type\":\"req\",\"n\":\"{{i}}\"}}},"
                    + "{\"expect\":{\"json\":{\"$.type\":\"req\",\"$.n\":\"{{i}}\"}}}]}]}", false);
            ScenarioRunner runner = new ScenarioRunner(new JwsConnectionService(), SessionRecorder.inMemory());
            for (int run = 1; run <= runs; run++) {
                long t0 = System.nanoTime();
                ScenarioResult r = runner.run(scenario, new ScenarioRunner.Listener() { });
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %s, %d steps (%d rounds) in %.2f s: %.0f steps/s, %.0f rounds/s%n",
                        run, r.passed() ? "passed" : "FAILED " + r.summary(), r.steps().size(), rounds, s,
                        r.steps().size() / s, rounds / s);
            }
        }
    }
}
