package dev.wsinspector.cli;

import dev.wsinspector.core.mock.MockEngine;
import dev.wsinspector.core.mock.MockFormatException;
import dev.wsinspector.core.mock.MockProfile;
import dev.wsinspector.core.mock.MockProfileRepository;
import dev.wsinspector.core.mock.MockServers;
import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.transport.MockServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ws-inspector mock FILE [--port P] [--host H]}: runs the server profile FILE until stopped. The first stdout
 * line is {@code listening ws://HOST:PORT/}; then one JSON line per frame (and per client's open and close) as
 * {@code connect} prints them, each with {@code "client": N} and, on a received message a rule answered,
 * {@code "rule": N} ({@link MockPrinter}). SIGINT/SIGTERM close every client with 1001 and exit.
 */
@Command(name = "mock", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run a mock WebSocket server from a server profile file (rules, replies, faults) until stopped.",
            "The first line on stdout is \"listening ws://HOST:PORT/\"; then one JSON line per frame as connect prints "
                    + "them, with \"client\": N (numbered from 1) and, on a message a rule answered, \"rule\": N.",
            "The file's format is in the README, section \"Mock server\". A file that cannot be read exits with 2 "
                    + "and FILE:LINE:COLUMN: what is wrong."})
final class MockCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The server profile (JSON)")
    private Path file;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network)")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port to bind, instead of the file's \"port\" (0 = any free port)")
    private Integer port;

    private final PrintStream out;
    private final PrintStream err;

    MockCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (port != null && (port < 0 || port > 65_535)) {
            err.println("ws-inspector: --port must be 0-65535");
            return ExitCodes.USAGE;
        }
        MockProfile profile;
        try {
            profile = MockProfileRepository.readFile(file);
        } catch (MockFormatException e) {
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        } catch (NoSuchFileException e) {
            err.println("ws-inspector: no such file: " + file);
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("ws-inspector: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        MockServer server = MockServer.builder(MockEngine.of(profile)).host(host)
                .port(port != null ? port : profile.port()).listener(new StderrLog(err)).build();
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            err.println("ws-inspector: cannot listen on " + host + ":" + (port != null ? port : profile.port()) + ": "
                    + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (LocalServer.isExposed(host)) {
            err.println("warning: the mock server listens on " + host + ", not only on this machine: anyone who can"
                    + " reach it gets its replies");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread deadline = new Thread(EchoServerCommand::haltAfterDeadline, "ws-inspector-mock-deadline");
        deadline.setDaemon(true);
        MockPrinter printer = new MockPrinter(out);
        Thread hook = new Thread(() -> {
            deadline.start();
            server.close();
            stopped.countDown();
        }, "ws-inspector-mock-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening " + EchoServerCommand.listeningUri(host, server.uri().getPort()));
        out.flush();
        try {
            while (!stopped.await(5, TimeUnit.MILLISECONDS)) {
                printer.print(server.clients());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // embedded use (tests): interrupting the thread stops the server
        } finally {
            server.close();
            printer.print(server.clients());
            printer.finish(server.clients());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    /** Refusals and warnings on stderr, one line each; stdout keeps only JSON after the "listening" line. */
    private static final class StderrLog implements MockServers.Listener {
        private final PrintStream err;

        StderrLog(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onRefused(String remote, int status, String why) {
            err.println("refused: " + remote + " with " + status + " (" + why + ")");
        }

        @Override
        public void onWarning(String message) {
            err.println("warning: " + message);
        }
    }
}
