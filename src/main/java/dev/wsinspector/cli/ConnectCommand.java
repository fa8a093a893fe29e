package dev.wsinspector.cli;

import dev.wsinspector.core.DataDirectory;
import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.pairing.PairingFeed;
import dev.wsinspector.core.profile.ProfileFormatException;
import dev.wsinspector.core.profile.ProfilePairing;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.journal.SessionCatalog;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.JsonRpcIds;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.protocol.ProtocolClient;
import dev.wsinspector.core.profile.ProfileDecoder;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.ProfileResolver;
import dev.wsinspector.core.replay.SendOnConnect;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ConnectionService;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.ReconnectingConnectionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code ws-inspector connect URL [options]}: the headless client. The options are the DESIGN.md contract. */
@Command(name = "connect", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Connect to a WebSocket server and print every frame, both directions, as one JSON object per line.",
            "",
            "After the upgrade the --send* messages (crafted frames and raw bytes too) go out in the order given. The client then stays connected,"
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

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "ws:// or wss:// URL (optional with --profile, then it replaces the profile's URL)")
    private String url;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Use this saved profile (name or file name): its URL, headers, TLS, proxy, reconnect and"
                    + " other settings, and its send-on-connect messages before any --send*. Options given here"
                    + " apply on top (-H adds or replaces headers, -p replaces the subprotocols).")
    private String profile;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment of the profile whose variables to use")
    private String environment;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory holding profiles/ and sessions/ (default: $WSI_HOME, else the OS convention)")
    private String dataDir;

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

    // Crafting (issue #12): what a well-behaved client never sends, in order with the --send* options above.
    @Option(names = "--send-frame", paramLabel = "SPEC", parameterConsumer = SendOptionConsumer.class,
            description = {"Send a crafted frame, past the client's encoder and checks (repeatable; printed with"
                    + " \"crafted\":true). SPEC: " + FrameSpec.SYNTAX + ". E.g. 'op=ping,hex=0102' or"
                    + " 'op=text,fin=0,rsv1=1,mask=off,len=200,text=hello'. The server will probably close the connection."})
    private List<String> sendFrameShape;

    @Option(names = "--send-raw", paramLabel = "HEX", parameterConsumer = SendOptionConsumer.class,
            description = "Write these bytes to the socket as they are, after the upgrade (repeatable); printed as the"
                    + " frames they make, marked crafted")
    private List<String> sendRawShape;

    @Option(names = "--protocol", paramLabel = "NAME", converter = ProtocolChoice.class,
            completionCandidates = ProtocolChoice.class,
            description = {"Speak this sub-protocol for you: ${COMPLETION-CANDIDATES} (default: raw, nothing sent for"
                    + " you). socket.io: waits for Engine.IO's open, connects the --namespace (with --protocol-payload as"
                    + " auth), answers every ping 2 with 3 (a bare ws://host:port gets /socket.io/?EIO=4&transport=websocket);"
                    + " signalr: the JSON hub handshake, pings (type 6); graphql-ws: connection_init (payload:"
                    + " --protocol-payload), pongs every ping; stomp: CONNECT with heart-beats, then heart-beat EOLs;"
                    + " mqtt: CONNECT (MQTT 3.1.1, keep-alive 60 s), PINGREQ when quiet, PUBACK for QoS 1."
                    + " graphql-ws, stomp and mqtt offer their subprotocol unless -p is given. The --send*, --emit and"
                    + " --call messages go out, in order, once the protocol's handshake completed;"
                    + " every message the client sends for you is printed like any frame."})
    private ClientProtocol protocol;

    @Option(names = "--emit", arity = "2", paramLabel = "NAME JSON", hideParamSyntax = true, parameterConsumer = SendOptionConsumer.class,
            description = {"Send a protocol message (repeatable, in order with --send*), with --protocol:"
                    + " socket.io: event NAME with JSON the arguments (an array; one value = one argument);"
                    + " signalr: invocation of hub method NAME, JSON its arguments; graphql-ws: subscribe with"
                    + " operation name NAME ('' for none), JSON the query text or {\"query\":…,\"variables\":…};"
                    + " stomp: SEND to destination NAME with body JSON (any text); mqtt: PUBLISH to topic NAME, QoS 0,"
                    + " payload JSON (any text)"})
    private List<String> emitShape;

    @Option(names = "--call", arity = "2", paramLabel = "NAME JSON", hideParamSyntax = true, parameterConsumer = SendOptionConsumer.class,
            description = {"Send a message that expects an answer (repeatable): without --protocol a JSON-RPC 2.0"
                    + " call of method NAME with params JSON and ids 1, 2, …; socket.io: event with an ack id;"
                    + " signalr: invocation with an invocationId; stomp: SEND with a receipt header; mqtt: PUBLISH"
                    + " QoS 1; graphql-ws: as --emit"})
    private List<String> callShape;

    @Option(names = "--protocol-payload", paramLabel = "JSON",
            description = "With --protocol socket.io: the namespace CONNECT's auth object; graphql-ws: the"
                    + " connection_init payload (e.g. '{\"token\":\"…\"}')")
    private String protocolPayload;

    @Option(names = "--namespace", paramLabel = "NS", description = "With --protocol socket.io: the namespace to"
            + " connect, e.g. /admin (default: /)")
    private String namespace;

    @Option(names = "--no-auto-pong",
            description = "Do not answer the server's pings (they are still printed), to test its ping timeout")
    private boolean noAutoPong;

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

    @Option(names = "--lenient",
            description = "Keep the connection open when the server breaks RFC 6455 (masked frames, reserved opcodes"
                    + " or RSV bits, bad control or close frames, fragments out of order) and only report it, as a"
                    + " note; by default such a frame fails the connection with 1002 (1007 for a close reason that is"
                    + " not UTF-8) and the run exits 1")
    private boolean lenient;

    @Option(names = "--record", paramLabel = "FILE", converter = RecordTarget.Converter.class,
            description = "Also write the capture to FILE: .har (HAR 1.2, Chrome's _webSocketMessages) or .jsonl")
    private RecordTarget record;

    @Option(names = "--save", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Journal the run as a session in the data directory (optionally named NAME): kept on disk"
                    + " as it arrives, listed by 'sessions', printed by 'show', exported by 'export'")
    private String save;

    @Option(names = "--include-secrets",
            description = "Do not mask credentials (Authorization, Cookie, *token* headers; password and token"
                    + " URL parameters) in the output and the --record file")
    private boolean includeSecrets;

    @Option(names = "--filter", paramLabel = "EXPR", description = FilterOption.DESCRIPTION
            + "; --count, --record, --save and --quiet's summary still count every frame")
    private String filter;

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

    @Option(names = "--pong-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "After a keep-alive ping, wait this long for anything from the server before the connection"
                    + " counts as lost (default: 0 = the larger of 10 s and --ping-interval)")
    private double pongTimeoutSeconds;

    @Option(names = "--max-frame-size", paramLabel = "BYTES", defaultValue = "" + ConnectionOptions.DEFAULT_MAX_FRAME_SIZE,
            description = "Largest incoming frame payload; bigger ones close the connection with 1009 (default: ${DEFAULT-VALUE})")
    private int maxFrameSize;

    @Option(names = "--decode", paramLabel = "FORMAT", converter = DecoderChoice.class,
            completionCandidates = DecoderChoice.class, defaultValue = "auto",
            description = "Add \"decoded\":{\"protocol\":…} to each frame line whose message this protocol's decoder"
                    + " reads: auto (default, unless the profile says otherwise: chosen by the subprotocol, the URL, then the"
                    + " content), none (off), or one"
                    + " of ${COMPLETION-CANDIDATES}")
    private String decode;

    @Option(names = "--proto-descriptor", paramLabel = "FILE",
            description = "Read protobuf payloads with field names: a descriptor set (protoc --descriptor_set_out"
                    + " --include_imports), with --proto-type")
    private Path protoDescriptor;

    @Option(names = "--proto-type", paramLabel = "NAME", description = "The protobuf message type, e.g. pkg.Msg")
    private String protoType;

    @Mixin
    private PairingOptions pairingOptions = new PairingOptions();

    private PairingFeed pairing;

    private final List<SendItem> sends = new ArrayList<>();
    private final Supplier<ConnectionService> connections;
    private final PrintStream out;
    private final PrintStream err;

    ConnectCommand(Supplier<ConnectionService> connections, PrintStream out, PrintStream err) {
        this.connections = connections;
        this.out = out;
        this.err = err;
    }

    /** Called by {@link SendOptionConsumer} for each --send* occurrence, in command-line order. */
    void addSend(SendItem item) {
        sends.add(item);
    }

    @Override
    public Integer call() {
        ProfileSettings fromProfile = profile == null ? null : loadProfile();
        ConnectionOptions options = fromProfile == null ? connectionOptions() : withExplicitOptions(fromProfile.options());
        ConnectRun.Settings settings = new ConnectRun.Settings(options,
                fromProfile == null ? List.of() : fromProfile.onConnect(),
                fromProfile == null ? null : fromProfile.templates(), List.copyOf(sends),
                count == null ? 0 : count, timeoutSeconds == null ? null : seconds("--timeout", timeoutSeconds, false),
                close, quiet, includeSecrets, record, save, profile == null ? "" : profile, !noAutoPong,
                boundFilter(options, pairing(options, fromProfile == null ? ProfilePairing.NONE : fromProfile.pairing())));
        ClientProtocol speak = protocol != null ? protocol : fromProfile == null ? ClientProtocol.RAW
                : ClientProtocol.byId(fromProfile.protocol()).orElse(ClientProtocol.RAW);
        ClientProtocol.Settings protocolSettings = protocolSettings(speak, options);
        if (speak != ClientProtocol.RAW) {
            if (!speak.subprotocol().isEmpty() && options.subprotocols().isEmpty()) {
                options = options.withSubprotocols(List.of(speak.subprotocol()));
            }
            options = options.withUri(speak.connectUri(options.uri()));
            settings = settings.withOptions(options);
        }
        DecoderSetup decoding;
        try {
            decoding = DecoderSetup.resolve(given("--decode") ? decode : null, protoDescriptor, protoType,
                    fromProfile == null ? null : fromProfile.decoder(), fromProfile == null ? null : fromProfile.dir());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        ConnectionService service = connections.get();
        if (options.reconnect().enabled()) {
            service = new ReconnectingConnectionService(service);
        }
        if (!settings.journaled()) {
            // No journal, but the memory budget of the data directory's settings still applies.
            return new ConnectRun(settings, service, SessionCatalog.of(DataDirectory.resolve(dataDir).path()), out,
                    err).decode(decoding).speak(speak, protocolSettings).pairing(pairing)
                    .run();
        }
        try (SessionCatalog catalog = SessionCatalog.of(DataDirectory.resolve(dataDir).path())) {
            return new ConnectRun(settings, service, catalog, out, err).decode(decoding).speak(speak, protocolSettings).pairing(pairing)
                    .run();
        }
    }

    /**
     * The protocol client's settings; options that need another protocol, and --emit/--call messages that cannot
     * be encoded, are usage errors (exit 2) before connecting.
     */
    private ClientProtocol.Settings protocolSettings(ClientProtocol speak, ConnectionOptions options) {
        if (namespace != null && speak != ClientProtocol.SOCKET_IO) {
            throw usage("--namespace needs --protocol socket.io");
        }
        if (protocolPayload != null && speak != ClientProtocol.SOCKET_IO && speak != ClientProtocol.GRAPHQL_WS) {
            throw usage("--protocol-payload needs --protocol socket.io or graphql-ws");
        }
        ClientProtocol.Settings s = ClientProtocol.Settings.defaults().withHost(options.uri().getHost())
                .withNamespace(namespace == null ? "/" : namespace)
                .withPayload(protocolPayload == null ? "" : protocolPayload);
        ProtocolClient probe;
        try {
            probe = speak.create(s).orElse(null);
        } catch (IllegalArgumentException e) {
            throw usage("--protocol-payload: " + e.getMessage());
        }
        JsonRpcIds ids = new JsonRpcIds();
        for (SendItem item : sends) {
            if (item instanceof SendItem.Emit e) {
                try {
                    e.encode(probe, ids);
                } catch (EncodeException ex) {
                    throw usage((e.call() ? "--call " : "--emit ") + e.name() + ": " + ex.getMessage());
                }
            }
        }
        return s;
    }

    /** A profile's options (variables resolved) and its send-on-connect messages with their variables. */
    private record ProfileSettings(ConnectionOptions options, List<SavedMessage> onConnect, Templates templates,
                                   ProfileDecoder decoder, Path dir, String protocol,
                                   ProfilePairing pairing) {
    }

    /** Profile problems (none of that name, unknown variables, bad hex) are usage errors: exit 2 before connecting. */
    private ProfileSettings loadProfile() {
        ProfileRepository repository = new ProfileRepository(DataDirectory.resolve(dataDir).path());
        try {
            repository.reload();
            for (ProfileProblem problem : repository.problems()) {
                err.println("ws-inspector: " + problem.describe());
            }
            StoredProfile stored = repository.find(profile);
            Templates templates = Templates.forProfile(stored.profile(), environment, BuiltIns.system());
            ProfileResolver resolver = new ProfileResolver(templates, repository.directory());
            ConnectionOptions options = resolver.options(stored.profile());
            if (url != null) {
                options = options.withUri(parseUrl());
            }
            List<SavedMessage> onConnect = stored.profile().sendOnConnect();
            // The tab would connect and note these in its timeline; a script is better off told before connecting.
            List<String> problems = SendOnConnect.problems(onConnect, templates);
            if (!problems.isEmpty()) {
                throw usage("Profile '" + profile + "': " + String.join("\n", problems));
            }
            return new ProfileSettings(options, onConnect, templates, stored.profile().decoder(), repository.directory(),
                    stored.profile().protocol(), ProfilePairing.of(stored.profile()));
        } catch (IOException e) {
            throw usage("Cannot read profiles: " + e.getMessage());
        } catch (IllegalArgumentException | ProfileFormatException e) {
            throw usage("Profile '" + profile + "': " + e.getMessage());
        }
    }

    /** The profile's options with whatever was given on the command line on top. */
    private ConnectionOptions withExplicitOptions(ConnectionOptions base) {
        checkCounts();
        List<HttpHeader> merged = new ArrayList<>(base.headers());
        for (HttpHeader h : headers) {
            merged.removeIf(existing -> existing.is(h.name()));
        }
        merged.addAll(headers);
        ConnectionOptions o = base.withHeaders(merged).withDeflate(base.deflate() || deflate)
                .withInsecure(base.insecure() || insecure).withLenient(base.lenient() || lenient);
        if (!subprotocols.isEmpty()) {
            o = o.withSubprotocols(subprotocols);
        }
        if (given("--connect-timeout")) {
            o = o.withConnectTimeout(seconds("--connect-timeout", connectTimeoutSeconds, false));
        }
        if (given("--ping-interval")) {
            o = o.withPingInterval(seconds("--ping-interval", pingIntervalSeconds, true));
        }
        if (given("--pong-timeout")) {
            o = o.withPongTimeout(seconds("--pong-timeout", pongTimeoutSeconds, true));
        }
        if (given("--max-frame-size")) {
            o = o.withMaxFrameSize(maxFrameSize);
        }
        return o;
    }

    /** Pairs the printed frames ("replyTo", "latencyMs"; the filter's pairing terms); its open's hint comes later. */
    private PairingFeed pairing(ConnectionOptions options, ProfilePairing fromProfile) {
        try {
            pairing = pairingOptions.settings(fromProfile).feed(new ProtocolDecoders(), new ProtocolHint("", options.uri().toString()));
            return pairing;
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The subprotocol is not known before the upgrade: decoded terms have the URL to go by. */
    private BoundFilter boundFilter(ConnectionOptions options, PairingFeed pairing) {
        try {
            return filter == null ? null : FilterOption.bind(filter, new ProtocolHint("", options.uri().toString()),
                    pairing.engine());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private void checkCounts() {
        if (count != null && count < 1) {
            throw usage("--count must be at least 1");
        }
        if (maxFrameSize < 1) {
            throw usage("--max-frame-size must be positive");
        }
    }

    /** Checks what picocli's types cannot; a {@link ParameterException} here still exits 2 with usage. */
    private ConnectionOptions connectionOptions() {
        checkCounts();
        if (url == null) {
            throw usage("Missing URL (or --profile NAME)");
        }
        return ConnectionOptions.of(parseUrl())
                .withHeaders(headers)
                .withSubprotocols(subprotocols)
                .withDeflate(deflate)
                .withInsecure(insecure)
                .withLenient(lenient)
                .withConnectTimeout(seconds("--connect-timeout", connectTimeoutSeconds, false))
                .withPingInterval(seconds("--ping-interval", pingIntervalSeconds, true))
                .withPongTimeout(seconds("--pong-timeout", pongTimeoutSeconds, true))
                .withMaxFrameSize(maxFrameSize);
    }

    /**
     * A URL that is not ws:// or wss:// with a host is rejected here as a usage error (exit 2): it is a typo in
     * the command, not a connection that failed.
     */
    private URI parseUrl() {
        try {
            return WebSocketUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
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
