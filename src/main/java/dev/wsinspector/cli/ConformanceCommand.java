package dev.wsinspector.cli;

import dev.wsinspector.core.conformance.CaseResult;
import dev.wsinspector.core.conformance.ConformanceCase;
import dev.wsinspector.core.conformance.ConformanceCases;
import dev.wsinspector.core.conformance.ConformanceOutput;
import dev.wsinspector.core.conformance.ConformanceReport;
import dev.wsinspector.core.conformance.ConformanceRunner;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code conformance URL}: the server-side checks of {@link ConformanceCases}, run from the client's side, one
 * connection per case. Stdout gets one JSON line per case as it ends and a summary line, stderr a table for people,
 * and {@code --junit} / {@code --html} files once the run is over. The cases are listed in {@code --help} from
 * the same data the run uses, so the two cannot drift apart.
 */
@Command(name = "conformance", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run server-side RFC 6455 checks against URL from the client's side, one connection per case, "
                + "each with its own timeout (so the whole run is bounded by their sum).",
            "Stdout: one JSON line per case ({\"type\":\"case\",\"id\":…,\"rfc\":\"5.1\",\"result\":\"pass|fail|skip\","
                    + "\"expected\":…,\"observed\":…}), then a {\"type\":\"summary\"} line; stderr: a table.",
            "A case is skipped (not failed) when the server does not offer what it needs (permessage-deflate)."},
        footerHeading = "%nCases (id, RFC section, what is checked):%n")
final class ConformanceCommand implements Callable<Integer> {

    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "ws:// or wss:// URL of the server to check")
    private String url;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the run as JUnit XML (one testcase per case)")
    private Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the run as one self-contained HTML page")
    private Path html;

    @Option(names = "--json", description = "Only the JSON lines: no table on stderr")
    private boolean jsonOnly;

    @Option(names = "--case-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Each case's time from connecting to its verdict (default: ${DEFAULT-VALUE})")
    private double caseTimeoutSeconds;

    @Option(names = "--case", paramLabel = "ID", split = ",",
            description = "Run only these cases (ids as listed below, comma-separated)")
    private List<String> only;

    @Option(names = {"-k", "--insecure"}, description = "Accept any TLS certificate (wss:// to a test server)")
    private boolean insecure;

    private final Supplier<ConnectionService> connections;
    private final PrintStream out;
    private final PrintStream err;

    ConformanceCommand(Supplier<ConnectionService> connections, PrintStream out, PrintStream err) {
        this.connections = connections;
        this.out = out;
        this.err = err;
    }

    /** Picocli hands in the command's model; the help's footer lists the cases from the data the run uses. */
    @Spec
    void spec(CommandSpec commandSpec) {
        this.spec = commandSpec;
        List<String> footer = new ArrayList<>();
        for (String line : ConformanceCases.describe()) {
            footer.add(line.replace("%", "%%"));
        }
        footer.addAll(List.of("", "Exit codes:", "  0  every case passed or was skipped", "  1  a case failed",
                "  2  usage error"));
        commandSpec.usageMessage().footer(footer.toArray(String[]::new));
    }

    @Override
    public Integer call() throws InterruptedException {
        URI uri = parseUrl();
        List<ConformanceCase> cases = selected();
        Duration timeout = caseTimeout();
        ConformanceRunner runner = new ConformanceRunner(connections.get(), SessionRecorder.inMemory(), timeout);
        if (!jsonOnly) {
            err.println(ConformanceOutput.tableHeader());
        }
        ConformanceReport report = runner.run(ConnectionOptions.of(uri).withInsecure(insecure), cases,
                new ConformanceRunner.Listener() {
                    @Override
                    public void onResult(CaseResult result) {
                        out.println(ConformanceOutput.caseLine(result));
                        out.flush();
                        if (!jsonOnly) {
                            err.println(ConformanceOutput.tableRow(result));
                        }
                    }
                });
        out.println(ConformanceOutput.summaryLine(report));
        out.flush();
        if (!jsonOnly) {
            err.println(ConformanceOutput.summaryText(report));
        }
        if (!write(junit, ConformanceOutput.junitXml(report)) | !write(html, ConformanceOutput.html(report))) {
            return ExitCodes.FAILED;
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<ConformanceCase> selected() {
        List<ConformanceCase> all = ConformanceCases.all();
        if (only == null || only.isEmpty()) {
            return all;
        }
        for (String id : only) {
            if (all.stream().noneMatch(c -> c.id().equals(id))) {
                throw usage("--case " + id + ": no such case (see --help)");
            }
        }
        return all.stream().filter(c -> only.contains(c.id())).toList();
    }

    private boolean write(Path file, String content) {
        return ReportFile.write(file, content, err);
    }

    private Duration caseTimeout() {
        double s = caseTimeoutSeconds;
        if (Double.isNaN(s) || Double.isInfinite(s) || s <= 0 || s > 3600) {
            throw usage("--case-timeout must be more than 0 and at most 3600 seconds");
        }
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    private URI parseUrl() {
        try {
            return WebSocketUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
