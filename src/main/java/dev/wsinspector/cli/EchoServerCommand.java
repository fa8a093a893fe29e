package dev.wsinspector.cli;

import dev.wsinspector.transport.EchoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ws-inspector echo-server [--host 127.0.0.1] [--port 0] [limits]}: runs the local echo server until the
 * process is stopped. The first stdout line is exactly {@code listening ws://HOST:PORT/} (with the real port when
 * {@code --port 0}) so scripts can start it in the background and read where to connect.
 *
 * <p>SIGTERM must end the process even when stopping the server does not (a stuck client, a heap near its limit):
 * the shutdown hook gives the orderly stop {@link #STOP_DEADLINE}, then halts.
 */
@Command(name = "echo-server", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run a local WebSocket echo server until stopped (Ctrl-C or SIGTERM).",
            "The first line on stdout is \"listening ws://HOST:PORT/\"; connections are logged to stderr.",
            "One client cannot stop it serving others: the limits below close or refuse it, with a \"warning:\" "
                    + "line on stderr. A client that breaks an RFC 6455 rule (an unmasked frame, a reserved opcode or "
                    + "RSV bit, a bad control or close frame, broken fragmentation, text that is not UTF-8) is closed "
                    + "with 1002 or 1007 and the rule and its RFC section are logged."})
final class EchoServerCommand implements Callable<Integer> {

    /** How long SIGTERM waits for the orderly stop (close frames, the port released) before the process halts. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(8);
    /** The exit status of a process ended by SIGTERM (128 + 15), also when the deadline halts it. */
    private static final int SIGTERM_STATUS = 143;

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network)")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port to bind (default: ${DEFAULT-VALUE} = any free port)")
    private int port;

    @Option(names = "--max-queue", paramLabel = "SIZE", defaultValue = "16MiB", converter = ByteSize.class,
            description = "Bytes that may wait to be sent to one client; a client that reads slower is no longer "
                    + "read and is closed with 1008 (default: ${DEFAULT-VALUE}; e.g. 1048576, 64KiB, 16MiB)")
    private long maxQueue;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "A connection that has not sent its complete upgrade request by then is closed "
                    + "(default: ${DEFAULT-VALUE})")
    private double handshakeTimeout;

    @Option(names = "--max-header", paramLabel = "SIZE", defaultValue = "16KiB", converter = ByteSize.class,
            description = "Largest upgrade request head (request line and headers); bigger ones get "
                    + "431 (default: ${DEFAULT-VALUE})")
    private long maxHeader;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "256",
            description = "Connections open at once, upgraded or not; more are answered 503 (default: ${DEFAULT-VALUE})")
    private int maxConnections;

    private final PrintStream out;
    private final PrintStream err;

    EchoServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        EchoServer server = configured().listener(new StderrLog(err)).build();
        try {
            server.start();
        } catch (Exception e) {
            err.println("ws-inspector: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT/SIGTERM run shutdown hooks: stop the server there so clients get a close frame, not a reset.
        // The deadline thread exists before it is needed: a hook may run with next to no heap left.
        Thread deadline = new Thread(EchoServerCommand::haltAfterDeadline, "ws-inspector-echo-deadline");
        deadline.setDaemon(true);
        Thread hook = new Thread(() -> {
            deadline.start();
            server.stop();
            stopped.countDown();
        }, "ws-inspector-echo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening " + listeningUri(host, server.address().getPort()));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Embedded use (tests, the launcher): interrupting the calling thread stops the server.
            Thread.currentThread().interrupt();
        } finally {
            server.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down: the hook is running, nothing to remove.
            }
        }
        return ExitCodes.OK;
    }

    private EchoServer.Builder configured() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535");
        }
        if (maxQueue < 1) {
            throw new ParameterException(spec.commandLine(), "--max-queue must be at least 1 byte");
        }
        if (!(handshakeTimeout > 0) || handshakeTimeout > 86_400) {
            throw new ParameterException(spec.commandLine(), "--handshake-timeout must be more than 0 and at most 86400 s");
        }
        if (maxHeader < 64 || maxHeader > Integer.MAX_VALUE) {
            throw new ParameterException(spec.commandLine(), "--max-header must be 64 bytes to 2 GiB");
        }
        if (maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be at least 1");
        }
        return EchoServer.builder().host(host).port(port).maxQueuedBytes(maxQueue)
                .handshakeTimeout(Duration.ofNanos(Math.round(handshakeTimeout * 1e9)))
                .maxHeaderBytes((int) maxHeader).maxConnections(maxConnections);
    }

    static void haltAfterDeadline() {
        try {
            Thread.sleep(STOP_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        Runtime.getRuntime().halt(SIGTERM_STATUS);
    }

    /** {@code ws://HOST:PORT/} with the host as given and the port actually bound; IPv6 hosts in brackets. */
    static String listeningUri(String host, int boundPort) {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return "ws://" + h + ":" + boundPort + "/";
    }

    /** Connections and errors on stderr, one line each, so stdout keeps only the "listening" line. */
    private static final class StderrLog implements EchoServer.Listener {
        private final PrintStream err;

        StderrLog(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onClientConnected(InetSocketAddress remote) {
            err.println("connected: " + remote);
        }

        @Override
        public void onClientDisconnected(InetSocketAddress remote, int code, String reason) {
            err.println("disconnected: " + remote + " (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
        }

        @Override
        public void onError(String message) {
            err.println("error: " + message);
        }

        @Override
        public void onWarning(String message) {
            err.println("warning: " + message);
        }
    }
}
