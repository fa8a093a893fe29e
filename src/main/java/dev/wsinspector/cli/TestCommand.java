package dev.wsinspector.cli;

import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.scenario.Scenario;
import dev.wsinspector.core.scenario.ScenarioFormatException;
import dev.wsinspector.core.scenario.ScenarioOutput;
import dev.wsinspector.core.scenario.ScenarioReader;
import dev.wsinspector.core.scenario.ScenarioRecorder;
import dev.wsinspector.core.scenario.ScenarioResult;
import dev.wsinspector.core.scenario.ScenarioRunner;
import dev.wsinspector.core.scenario.StepResult;
import dev.wsinspector.core.session.ConnectionService;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code test FILE_OR_DIR...}: reads every scenario first (a directory: its .json, .yaml and .yml files, sorted),
 * runs the well-formed ones in order, and writes one JSON line per step, per scenario and a summary on stdout, a
 * line per scenario for people on stderr, and {@code --junit} / {@code --html} files at the end. Exit code 2 when
 * a file is malformed (each named as file:line:col on stderr), else 1 when a scenario failed, else 0.
 */
@Command(name = "test", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run scenario files (WebSocket tests with assertions; README, \"Tests (scenarios)\").",
            "Stdout: {\"type\":\"step\",…} per step, {\"type\":\"scenario\",…} per scenario, then {\"type\":\"summary\"}; "
                    + "a malformed file is a {\"type\":\"malformed\",\"file\":…,\"line\":…,\"column\":…} line."},
        footer = {"", "Exit codes:", "  0  every scenario passed", "  1  a scenario failed",
            "  2  a scenario file is malformed (file:line:col on stderr), or a usage error"})
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*",
            description = "Scenario files or directories of them (with --from-session: the scenario file to write)")
    private List<Path> paths;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment of the profiles the scenarios use")
    private String environment;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (one testcase per scenario)")
    private Path junit;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write one self-contained HTML page")
    private Path html;

    @Option(names = "--json", description = "Only the JSON lines: nothing on stderr but errors")
    private boolean jsonOnly;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory for profiles (default: $WSI_HOME, else the OS convention)")
    private String dataDir;

    @Option(names = "--from-session", paramLabel = "SESSION",
            description = "Save as test: write the stored session SESSION (id or name) as a scenario to FILE, "
                    + "with UUIDs, timestamps and ids loosened into captures (listed on stderr), instead of running")
    private String fromSession;

    private final Supplier<ConnectionService> connections;
    private final PrintStream out;
    private final PrintStream err;
    private ProfileRepository profiles;

    TestCommand(Supplier<ConnectionService> connections, PrintStream out, PrintStream err) {
        this.connections = connections;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (fromSession != null) {
            return saveAsTest();
        }
        long start = System.nanoTime();
        List<Scenario> scenarios = new ArrayList<>();
        List<ScenarioFormatException> malformed = new ArrayList<>();
        for (Path file : files()) {
            try {
                scenarios.add(ScenarioReader.read(file));
            } catch (ScenarioFormatException e) {
                malformed.add(e);
                out.println(ScenarioOutput.malformedLine(e));
                err.println("ws-inspector: " + e.getMessage());
            } catch (IOException e) {
                malformed.add(new ScenarioFormatException(file.toString(), dev.wsinspector.core.scenario.Position.UNKNOWN,
                        "cannot read it: " + e.getMessage()));
                err.println("ws-inspector: cannot read " + file + ": " + e.getMessage());
            }
        }
        if (scenarios.isEmpty() && malformed.isEmpty()) {
            err.println("ws-inspector: no scenario files (.json, .yaml, .yml) in " + paths);
            return ExitCodes.USAGE;
        }
        ScenarioRunner runner = new ScenarioRunner(connections.get(), SessionRecorder.inMemory(), this::profile,
                profilesDir(), environment);
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioResult r = runner.run(s, new ScenarioRunner.Listener() {
                @Override
                public void onStep(StepResult step) {
                    out.println(ScenarioOutput.stepLine(s, step));
                }
            });
            results.add(r);
            out.println(ScenarioOutput.scenarioLine(r));
            out.flush();
            if (!jsonOnly || !r.passed()) {
                err.println(ScenarioOutput.text(r));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println(ScenarioOutput.summaryLine(results, malformed.size(), millis));
        out.flush();
        boolean written = write(junit, ScenarioOutput.junitXml(results, malformed, millis))
                & write(html, ScenarioOutput.html(results, malformed, millis));
        if (!malformed.isEmpty()) {
            return ExitCodes.USAGE;
        }
        return written && results.stream().allMatch(ScenarioResult::passed) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code --from-session SESSION FILE}: the session as a scenario, its loosenings as JSON lines and on stderr. */
    private int saveAsTest() {
        if (paths.size() != 1) {
            err.println("ws-inspector: --from-session takes one FILE to write");
            return ExitCodes.USAGE;
        }
        SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path());
        try (SessionCatalog.Opened opened = catalog.open(catalog.find(fromSession))) {
            String name = opened.meta().name() == null || opened.meta().name().isBlank() ? opened.meta().id()
                    : opened.meta().name();
            ScenarioRecorder.Recorded recorded = ScenarioRecorder.record(opened.session(), name);
            for (ScenarioRecorder.Loosening l : recorded.loosenings()) {
                out.println(ScenarioOutput.looseningLine(l));
                if (!jsonOnly) {
                    err.println("loosened #" + l.seq() + " " + l.where() + " " + l.original() + " -> "
                            + l.replacement() + " (" + l.why() + ")");
                }
            }
            if (!write(paths.get(0), recorded.json())) {
                return ExitCodes.FAILED;
            }
            if (!jsonOnly) {
                err.println("wrote " + paths.get(0) + ": " + recorded.sends() + " sends, " + recorded.expects()
                        + " expects, " + recorded.loosenings().size() + " loosened values");
            }
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("ws-inspector: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IOException | RuntimeException e) {
            err.println("ws-inspector: cannot read session " + fromSession + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> list = Files.list(p)) {
                    list.filter(f -> Files.isRegularFile(f) && ScenarioReader.isScenarioFile(f)).sorted()
                            .forEach(files::add);
                } catch (IOException e) {
                    err.println("ws-inspector: cannot list " + p + ": " + e.getMessage());
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private Optional<ConnectionProfile> profile(String name) {
        try {
            if (profiles == null) {
                profiles = new ProfileRepository(DataDirectory.resolve(dataDir).path());
                profiles.reload();
            }
            return Optional.of(profiles.find(name).profile());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Path profilesDir() {
        return DataDirectory.resolve(dataDir).path().resolve(ProfileRepository.DIRECTORY);
    }

    private boolean write(Path file, String content) {
        return ReportFile.write(file, content, err);
    }
}
