package dev.wsinspector.cli;

import dev.wsinspector.transport.EchoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ws-inspector echo-server [--host 127.0.0.1] [--port 0]}: runs the local echo server until the process
 * is stopped. The first stdout line is exactly {@code listening ws://HOST:PORT/} (with the real port when
 * {@code --port 0}) so scripts can start it in the background and read where to connect.
 */
@Command(name = "echo-server", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run a local WebSocket echo server until stopped (Ctrl-C or SIGTERM).",
            "The first line on stdout is \"listening ws://HOST:PORT/\"; connections are logged to stderr."})
final class EchoServerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes it to the network)")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Port to bind (default: ${DEFAULT-VALUE} = any free port)")
    private int port;

    private final PrintStream out;
    private final PrintStream err;

    EchoServerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535");
        }
        EchoServer server = EchoServer.builder().host(host).port(port).listener(new StderrLog(err)).build();
        try {
            server.start();
        } catch (Exception e) {
            err.println("ws-inspector: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT/SIGTERM run shutdown hooks: stop the server there so clients get a close frame, not a reset.
        Thread hook = new Thread(() -> {
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

    /** {@code ws://HOST:PORT/} with the host as given and the port actually bound; IPv6 hosts in brackets. */
    private static String listeningUri(String host, int boundPort) {
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
    }
}
