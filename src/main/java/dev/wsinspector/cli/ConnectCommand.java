package dev.wsinspector.cli;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.HttpHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code ws-inspector connect URL [options]}: the headless client. The options are the DESIGN.md contract. */
@Command(name = "connect", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Connect to a WebSocket server and print every frame, both directions, as one JSON object per line.",
            "",
            "After the upgrade the --send* messages go out in the order given. The client then stays connected,"
                    + " printing frames, until --count data frames were received (then it closes with --close"
                    + " and exits 0), the server closes (exit 0 after a clean close, 1 after a dropped"
                    + " connection or before --count was reached), --timeout expires (exit 3) or it is"
                    + " interrupted (Ctrl-C closes cleanly). For a one-shot request/response use"
                    + " e.g. -s hello -n 1.",
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ok", "  1  connection or handshake failed, or the connection was lost",
                "  2  usage error", "  3  --timeout expired"})
final class ConnectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "ws:// or wss:// URL")
    private String url;

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", converter = HeaderConverter.class,
            description = "Extra handshake header (repeatable)")
    private List<HttpHeader> headers = new ArrayList<>();

    @Option(names = {"-p", "--subprotocol"}, paramLabel = "NAME",
            description = "Offer this subprotocol (repeatable, in preference order)")
    private List<String> subprotocols = new ArrayList<>();

    // The three --send options feed one ordered list through SendOptionConsumer; these fields only give
    // picocli the option's shape (repeatable, one value) for parsing and help, and stay empty.
    @Option(names = {"-s", "--send"}, paramLabel = "TEXT", parameterConsumer = SendOptionConsumer.class,
            description = "Send a text message after the connection opens (repeatable; all --send* options keep their order)")
    private List<String> sendTextShape;

    @Option(names = "--send-hex", paramLabel = "HEX", parameterConsumer = SendOptionConsumer.class,
            description = "Send a binary message given in hex, e.g. 'de ad be ef' (repeatable)")
    private List<String> sendHexShape;

    @Option(names = "--send-base64", paramLabel = "B64", parameterConsumer = SendOptionConsumer.class,
            description = "Send a binary message given in base64 (repeatable)")
    private List<String> sendBase64Shape;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Close and exit 0 once N data frames (text, binary or continuation) were received")
    private Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up after this long in total (connecting included), close, and exit 3")
    private Double timeoutSeconds;

    @Option(names = "--close", paramLabel = "CODE[:REASON]", converter = CloseSpec.Converter.class,
            description = "Close code (and reason) to send when done (default: 1000)")
    private CloseSpec close = CloseSpec.NORMAL;

    @Option(names = "--deflate", description = "Offer permessage-deflate")
    private boolean deflate;

    @Option(names = "--insecure", description = "Accept any TLS certificate and host name")
    private boolean insecure;

    @Option(names = "--record", paramLabel = "FILE", converter = RecordTarget.Converter.class,
            description = "Also write the capture to FILE: .har (HAR 1.2, Chrome's _webSocketMessages) or .jsonl")
    private RecordTarget record;

    @Option(names = "--include-secrets",
            description = "Do not mask credentials (Authorization, Cookie, *token* headers; password and token"
                    + " URL parameters) in the output and the --record file")
    private boolean includeSecrets;

    @Option(names = {"-q", "--quiet"},
            description = "Print only one final line: {\"type\":\"summary\",\"framesIn\":…,\"framesOut\":…,"
                    + "\"bytesIn\":…,\"bytesOut\":…,\"seconds\":…}")
    private boolean quiet;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "TCP connect, TLS and upgrade must finish within this (default: ${DEFAULT-VALUE})")
    private double connectTimeoutSeconds;

    // Off by default, unlike the GUI: the CLI prints every frame and counts them, so it must not add pings
    // nobody asked for (they would show up in the output and in --quiet measurements).
    @Option(names = "--ping-interval", paramLabel = "SECONDS", defaultValue = "0",
            description = "Ping when the connection was quiet this long and drop it without a pong (default: 0 = off)")
    private double pingIntervalSeconds;

    @Option(names = "--max-frame-size", paramLabel = "BYTES", defaultValue = "" + ConnectionOptions.DEFAULT_MAX_FRAME_SIZE,
            description = "Largest incoming frame payload; bigger ones close the connection with 1009 (default: ${DEFAULT-VALUE})")
    private int maxFrameSize;

    private final List<SendItem> sends = new ArrayList<>();
    private final Supplier<ConnectionService> connections;
    private final Supplier<FrameStore> stores;
    private final PrintStream out;
    private final PrintStream err;

    ConnectCommand(Supplier<ConnectionService> connections, Supplier<FrameStore> stores, PrintStream out,
                   PrintStream err) {
        this.connections = connections;
        this.stores = stores;
        this.out = out;
        this.err = err;
    }

    /** Called by {@link SendOptionConsumer} for each --send* occurrence, in command-line order. */
    void addSend(SendItem item) {
        sends.add(item);
    }

    @Override
    public Integer call() {
        ConnectRun.Settings settings = new ConnectRun.Settings(connectionOptions(), List.copyOf(sends),
                count == null ? 0 : count, timeoutSeconds == null ? null : seconds("--timeout", timeoutSeconds, false),
                close, quiet, includeSecrets, record);
        return new ConnectRun(settings, connections.get(), stores.get(), out, err).run();
    }

    /** Checks what picocli's types cannot; a {@link ParameterException} here still exits 2 with usage. */
    private ConnectionOptions connectionOptions() {
        if (count != null && count < 1) {
            throw usage("--count must be at least 1");
        }
        if (maxFrameSize < 1) {
            throw usage("--max-frame-size must be positive");
        }
        return ConnectionOptions.of(parseUrl())
                .withHeaders(headers)
                .withSubprotocols(subprotocols)
                .withDeflate(deflate)
                .withInsecure(insecure)
                .withConnectTimeout(seconds("--connect-timeout", connectTimeoutSeconds, false))
                .withPingInterval(seconds("--ping-interval", pingIntervalSeconds, true))
                .withMaxFrameSize(maxFrameSize);
    }

    /**
     * A URL that is not ws:// or wss:// with a host is rejected here as a usage error (exit 2): it is a typo in
     * the command, not a connection that failed.
     */
    private URI parseUrl() {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw usage("Invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw usage("URL must start with ws:// or wss://, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw usage("URL has no host: '" + url + "'");
        }
        return uri;
    }

    private Duration seconds(String option, double value, boolean zeroAllowed) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || (!zeroAllowed && value == 0)) {
            throw usage(option + " must be " + (zeroAllowed ? "0 or more" : "more than 0") + " seconds");
        }
        return Duration.ofNanos(Math.round(value * 1e9));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
