package dev.wsinspector.cli;

import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.proxy.Flow;
import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.HeldMessage;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.TlsOptions;
import dev.wsinspector.transport.InterceptingProxy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ws-inspector proxy --listen PORT UPSTREAM_URL}: the intercepting proxy, headless. The first stdout line
 * is {@code listening ws://HOST:PORT/}; then both legs of every client as {@code connect}'s JSON lines with
 * {@code "leg"} and {@code "client"} ({@link ProxyPrinter}); people's lines on stderr. SIGINT/SIGTERM close
 * every client with 1001 and end the process.
 */
@Command(name = "proxy", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Run an intercepting WebSocket proxy until stopped (Ctrl-C or SIGTERM): clients connect to "
                + "--listen instead of UPSTREAM_URL, each gets its own connection upstream, and every frame of both "
                + "legs is printed.",
            "The first line on stdout is \"listening ws://HOST:PORT/\", then one JSON object per frame or event as "
                + "'connect' prints them, with \"leg\":\"client\"|\"server\" and \"client\":N. Frames are passed on "
                + "byte for byte; permessage-deflate is negotiated end to end."})
final class ProxyCommand implements Callable<Integer> {

    private static final int SIGTERM_STATUS = 143;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "UPSTREAM_URL", description = "ws:// or wss:// URL to forward to")
    private String upstream;

    @Option(names = "--listen", paramLabel = "PORT", required = true,
            description = "Port to listen on (0 = any free port)")
    private int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to bind (default: ${DEFAULT-VALUE}; 0.0.0.0 exposes the proxy to the network)")
    private String host;

    @Option(names = "--request-header", paramLabel = "'NAME: VALUE'",
            description = "Set this header on the upgrade sent upstream, replacing the client's (repeatable)")
    private List<String> requestHeaders = new ArrayList<>();

    @Option(names = "--remove-request-header", paramLabel = "NAME",
            description = "Remove this header from the upgrade sent upstream (repeatable)")
    private List<String> removeRequestHeaders = new ArrayList<>();

    @Option(names = "--response-header", paramLabel = "'NAME: VALUE'",
            description = "Set this header on the upgrade's answer returned to the client (repeatable)")
    private List<String> responseHeaders = new ArrayList<>();

    @Option(names = "--remove-response-header", paramLabel = "NAME",
            description = "Remove this header from the answer returned to the client (repeatable)")
    private List<String> removeResponseHeaders = new ArrayList<>();

    @Option(names = "--drop-to-server", paramLabel = "EXPR",
            description = "Drop the client's messages that match this filter expression (see 'Filters' in the README):"
                    + " the server never sees them; they stay in the client leg's lines")
    private String dropToServer;

    @Option(names = "--drop-to-client", paramLabel = "EXPR",
            description = "Drop the server's messages that match this filter expression")
    private String dropToClient;

    @Option(names = "--insecure", description = "Accept any TLS certificate and host name from the upstream")
    private boolean insecure;

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "PEM file with CA certificates trusted for the upstream, besides the JDK's")
    private Path caFile;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "The upstream's TCP connect, TLS and upgrade must finish within this (default: ${DEFAULT-VALUE})")
    private double connectTimeout;

    @Option(names = "--max-queue", paramLabel = "SIZE", defaultValue = "16MiB", converter = ByteSize.class,
            description = "Bytes that may wait per direction and client; over it the sending side is no longer read "
                    + "until the other side catches up (default: ${DEFAULT-VALUE})")
    private long maxQueue;

    @Option(names = "--include-secrets",
            description = "Do not mask credentials (Authorization, Cookie, *token* headers) in the output")
    private boolean includeSecrets;

    private final PrintStream out;
    private final PrintStream err;

    ProxyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        InterceptingProxy proxy = new InterceptingProxy(settings(), SessionRecorder.inMemory());
        try {
            proxy.setBreakpoint(Flow.TO_SERVER, dropToServer);
            proxy.setBreakpoint(Flow.TO_CLIENT, dropToClient);
        } catch (FilterSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--drop-*: at " + e.position() + ": " + e.problem());
        }
        proxy.addListener(new StderrLog(proxy, err));
        if (LocalServer.isExposed(host)) {
            err.println("warning: listening on " + host + " exposes the proxy (and the upstream) to the network");
        }
        URI address;
        try {
            address = proxy.start();
        } catch (Exception e) {
            err.println("ws-inspector: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        Writer lines = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ProxyPrinter printer = new ProxyPrinter(proxy, lines, includeSecrets);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread deadline = new Thread(ProxyCommand::haltAfterDeadline, "ws-inspector-proxy-deadline");
        deadline.setDaemon(true);
        Thread hook = new Thread(() -> {
            deadline.start();
            proxy.stop();
            printer.printNew(); // the JVM ends with this hook: the last lines are printed here, not by the loop
            stopped.countDown();
        }, "ws-inspector-proxy-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("listening " + address);
        out.flush();
        try {
            while (!stopped.await(20, TimeUnit.MILLISECONDS)) {
                printer.printNew();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // embedded use (tests): interrupting the caller stops the proxy
        } finally {
            proxy.stop();
            printer.printNew();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
        return ExitCodes.OK;
    }

    private ProxySettings settings() {
        URI uri;
        try {
            uri = WebSocketUrl.parse(upstream);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--listen must be a port 0-65535");
        }
        if (!(connectTimeout > 0) || connectTimeout > 86_400) {
            throw new ParameterException(spec.commandLine(), "--connect-timeout must be more than 0 and at most 86400 s");
        }
        if (maxQueue < 1) {
            throw new ParameterException(spec.commandLine(), "--max-queue must be at least 1 byte");
        }
        List<HeaderRule> rules = new ArrayList<>();
        try {
            requestHeaders.forEach(h -> rules.add(HeaderRule.set(HeaderRule.Side.REQUEST, h)));
            removeRequestHeaders.forEach(h -> rules.add(HeaderRule.remove(HeaderRule.Side.REQUEST, h)));
            responseHeaders.forEach(h -> rules.add(HeaderRule.set(HeaderRule.Side.RESPONSE, h)));
            removeResponseHeaders.forEach(h -> rules.add(HeaderRule.remove(HeaderRule.Side.RESPONSE, h)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        ConnectionOptions options = ConnectionOptions.of(uri).withInsecure(insecure)
                .withConnectTimeout(Duration.ofNanos(Math.round(connectTimeout * 1e9)))
                .withTls(caFile == null ? TlsOptions.DEFAULT : new TlsOptions(caFile, null, null, null, null));
        return new ProxySettings(host, port, options, rules, maxQueue, ProxySettings.DEFAULT_MAX_HELD);
    }

    private static void haltAfterDeadline() {
        try {
            Thread.sleep(EchoServerCommand.STOP_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        Runtime.getRuntime().halt(SIGTERM_STATUS);
    }

    /** People's lines: clients, failures and warnings; a --drop-* match is dropped here as soon as it is held. */
    private static final class StderrLog implements InterceptListener {
        private final InterceptingProxy proxy;
        private final PrintStream err;

        StderrLog(InterceptingProxy proxy, PrintStream err) {
            this.proxy = proxy;
            this.err = err;
        }

        @Override
        public void legOpened(ProxiedClient client, Leg leg) {
            if (leg == Leg.CLIENT) {
                err.println("client " + client.id() + " connected from " + client.remote());
            }
        }

        @Override
        public void legClosed(ProxiedClient client, Leg leg, int code, String reason) {
            if (leg == Leg.CLIENT) {
                err.println("client " + client.id() + " closed (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
            }
        }

        @Override
        public void upstreamFailed(ProxiedClient client, String message) {
            err.println("error: client " + client.id() + ": " + message);
        }

        @Override
        public void held(HeldMessage message) {
            proxy.drop(message.id());
        }

        @Override
        public void dropped(HeldMessage message) {
            err.println("dropped: client " + message.client() + " " + (message.flow() == Flow.TO_SERVER
                    ? "to server" : "to client") + ", " + message.length() + " bytes (seq " + message.sourceSeq()
                    + " on the " + message.flow().source().jsonName() + " leg)");
        }

        @Override
        public void warning(String message) {
            err.println("warning: " + message);
        }
    }
}
