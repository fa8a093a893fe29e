package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolId;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileDecoder;
import dev.wsinspector.core.profile.ProfileHeader;
import dev.wsinspector.core.profile.QueryParam;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.profile.TlsSettings;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.TemplateException;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.ReconnectPolicy;
import dev.wsinspector.core.session.TlsOptions;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every field of a profile as editable text and choices, with validation that names the field and says what
 * is wrong (shown inline next to it). {@link #toProfile()} builds the profile on top of the loaded one, so
 * its saved messages and fields this version does not know are kept.
 */
public final class ProfileEditorModel {

    /** Keys of {@link #errors()}: one per field or group that can be wrong. */
    public static final String NAME = "name";
    public static final String URL = "url";
    public static final String QUERY = "query";
    public static final String HEADERS = "headers";
    public static final String TIMEOUT = "timeout";
    public static final String TLS = "tls";
    public static final String PROXY = "proxy";
    public static final String RECONNECT = "reconnect";
    public static final String PING = "ping";
    public static final String MAX_SIZE = "maxSize";
    public static final String DECODER = "decoder";
    public static final String VARIABLES = "variables";

    private final StoredProfile base;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty url = new SimpleStringProperty("");
    private final ObservableList<EditableEntry> queryParams = FXCollections.observableArrayList();
    private final ObservableList<EditableEntry> headers = FXCollections.observableArrayList();
    private final StringProperty subprotocols = new SimpleStringProperty("");
    private final BooleanProperty deflate = new SimpleBooleanProperty();
    private final StringProperty connectTimeoutSeconds = new SimpleStringProperty("");
    private final ObjectProperty<TlsMode> tlsMode = new SimpleObjectProperty<>(TlsMode.VERIFY);
    private final StringProperty trustedCertificateFile = new SimpleStringProperty("");
    private final StringProperty trustedFingerprint = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty clientCertificateFile = new SimpleStringProperty("");
    private final StringProperty clientKeyFile = new SimpleStringProperty("");
    private final ObjectProperty<ProxyOptions.Type> proxyType = new SimpleObjectProperty<>(ProxyOptions.Type.NONE);
    private final StringProperty proxyHost = new SimpleStringProperty("");
    private final StringProperty proxyPort = new SimpleStringProperty("");
    private final StringProperty proxyUser = new SimpleStringProperty("");
    private final StringProperty proxyPassword = new SimpleStringProperty("");
    private final BooleanProperty reconnect = new SimpleBooleanProperty();
    private final StringProperty reconnectAttempts = new SimpleStringProperty("");
    private final StringProperty backoffMillis = new SimpleStringProperty("");
    private final StringProperty backoffCapMillis = new SimpleStringProperty("");
    private final StringProperty jitter = new SimpleStringProperty("");
    private final StringProperty pingSeconds = new SimpleStringProperty("");
    private final StringProperty maxMessageSize = new SimpleStringProperty("");
    private final BooleanProperty lenient = new SimpleBooleanProperty();
    private final StringProperty decoder = new SimpleStringProperty("auto");
    private final StringProperty descriptorSet = new SimpleStringProperty("");
    private final StringProperty messageType = new SimpleStringProperty("");
    private final StringProperty protocol = new SimpleStringProperty("raw");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObservableList<EditableEntry> variables = FXCollections.observableArrayList();
    private final ObservableList<EnvironmentDraft> environments = FXCollections.observableArrayList();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();
    private final BooleanBinding insecure = Bindings.equal(TlsMode.INSECURE, tlsMode);

    private ProfileEditorModel(StoredProfile base, ConnectionProfile p) {
        this.base = base;
        name.set(p.name());
        folder.set(p.folder());
        url.set(p.url());
        p.queryParams().forEach(q -> queryParams.add(new EditableEntry(q.name(), q.value(), q.secret())));
        p.headers().forEach(h -> headers.add(new EditableEntry(h.name(), h.value(), h.secret())));
        subprotocols.set(String.join(", ", p.subprotocols()));
        deflate.set(p.deflate());
        lenient.set(p.lenient());
        decoder.set(p.decoder().choiceName());
        descriptorSet.set(p.decoder().descriptorSet());
        messageType.set(p.decoder().messageType());
        protocol.set(p.protocol().isEmpty() ? "raw" : p.protocol());
        connectTimeoutSeconds.set(seconds(p.connectTimeout()));
        TlsSettings tls = p.tls();
        tlsMode.set(tls.mode());
        trustedCertificateFile.set(tls.pinnedCertificateFile());
        trustedFingerprint.set(tls.pinnedSha256());
        caFile.set(tls.caFile());
        clientCertificateFile.set(tls.clientCertificateFile());
        clientKeyFile.set(tls.clientKeyFile());
        ProxyOptions proxy = p.proxy();
        proxyType.set(proxy.type());
        proxyHost.set(proxy.host());
        proxyPort.set(proxy.enabled() ? Integer.toString(proxy.port()) : "");
        proxyUser.set(proxy.username());
        proxyPassword.set(proxy.password());
        ReconnectPolicy policy = p.reconnect();
        reconnect.set(policy.enabled());
        reconnectAttempts.set(Integer.toString(policy.maxAttempts()));
        backoffMillis.set(Long.toString(policy.initialBackoff().toMillis()));
        backoffCapMillis.set(Long.toString(policy.maxBackoff().toMillis()));
        jitter.set(BigDecimal.valueOf(policy.jitter()).stripTrailingZeros().toPlainString());
        pingSeconds.set(seconds(p.pingInterval()));
        maxMessageSize.set(Integer.toString(p.maxMessageSize()));
        notes.set(p.notes());
        p.variables().forEach((k, v) -> variables.add(new EditableEntry(k, v, false)));
        p.environments().forEach((env, vars) -> {
            EnvironmentDraft draft = new EnvironmentDraft(env);
            vars.forEach((k, v) -> draft.values().add(new EditableEntry(k, v, false)));
            environments.add(draft);
        });
    }

    /** A new profile in {@code folder} with the engine's defaults. */
    public static ProfileEditorModel forNew(String folder) {
        return new ProfileEditorModel(null, ConnectionProfile.builder("", "ws://").folder(folder).build());
    }

    public static ProfileEditorModel of(StoredProfile stored) {
        return new ProfileEditorModel(stored, stored.profile());
    }

    /** The profile as loaded, or null for a new one. */
    public StoredProfile base() {
        return base;
    }

    public boolean isNew() {
        return base == null;
    }

    /** Why this profile cannot be saved (a newer file format); empty when it can. */
    public String readOnlyReason() {
        return base == null ? "" : base.readOnlyReason();
    }

    /** The editor window's title. */
    public String title() {
        return isNew() ? "New profile" : "Edit profile '" + base.name() + "'";
    }

    /** What the TLS choice shows for {@code mode}. */
    public static String describe(TlsMode mode) {
        return switch (mode) {
            case VERIFY -> "Verify the certificate (default)";
            case TRUST_CERTIFICATE -> "Trust this certificate only";
            case INSECURE -> "Insecure: accept any certificate";
        };
    }

    /** What the proxy choice shows for {@code type}. */
    public static String describe(ProxyOptions.Type type) {
        return switch (type) {
            case NONE -> "No proxy";
            case HTTP -> "HTTP proxy (CONNECT)";
            case SOCKS5 -> "SOCKS5 proxy";
        };
    }

    // ---- properties ----

    public StringProperty nameProperty() { return name; }
    public StringProperty folderProperty() { return folder; }
    public StringProperty urlProperty() { return url; }
    public ObservableList<EditableEntry> queryParams() { return queryParams; }
    public ObservableList<EditableEntry> headers() { return headers; }
    public StringProperty subprotocolsProperty() { return subprotocols; }
    public BooleanProperty deflateProperty() { return deflate; }
    /** Keep the connection open on the server's protocol violations (only flag them); off = strict. */
    public BooleanProperty lenientProperty() { return lenient; }
    public StringProperty connectTimeoutSecondsProperty() { return connectTimeoutSeconds; }
    public ObjectProperty<TlsMode> tlsModeProperty() { return tlsMode; }
    public StringProperty trustedCertificateFileProperty() { return trustedCertificateFile; }
    public StringProperty trustedFingerprintProperty() { return trustedFingerprint; }
    public StringProperty caFileProperty() { return caFile; }
    public StringProperty clientCertificateFileProperty() { return clientCertificateFile; }
    public StringProperty clientKeyFileProperty() { return clientKeyFile; }
    public ObjectProperty<ProxyOptions.Type> proxyTypeProperty() { return proxyType; }
    public StringProperty proxyHostProperty() { return proxyHost; }
    public StringProperty proxyPortProperty() { return proxyPort; }
    public StringProperty proxyUserProperty() { return proxyUser; }
    public StringProperty proxyPasswordProperty() { return proxyPassword; }
    public BooleanProperty reconnectProperty() { return reconnect; }
    public StringProperty reconnectAttemptsProperty() { return reconnectAttempts; }
    public StringProperty backoffMillisProperty() { return backoffMillis; }
    public StringProperty backoffCapMillisProperty() { return backoffCapMillis; }
    public StringProperty jitterProperty() { return jitter; }
    public StringProperty pingSecondsProperty() { return pingSeconds; }
    public StringProperty maxMessageSizeProperty() { return maxMessageSize; }
    /** {@code auto}, {@code none} or a protocol id (one of {@link #decoderChoices()}). */
    public StringProperty decoderProperty() { return decoder; }
    /** The protobuf descriptor set file, relative to the profiles directory or absolute. */
    public StringProperty descriptorSetProperty() { return descriptorSet; }
    /** The protobuf message type, e.g. {@code pkg.Msg}. */
    public StringProperty messageTypeProperty() { return messageType; }
    /** The protocol-aware client: {@code raw} or a {@link dev.wsinspector.core.protocol.ClientProtocol} id. */
    public StringProperty protocolProperty() { return protocol; }

    /** What the decoder choice offers: auto, none, then each protocol some decoder reads. */
    public static List<String> decoderChoices() {
        List<String> choices = new ArrayList<>(List.of("auto", "none"));
        new ProtocolDecoders().protocols().stream().map(ProtocolId::id).forEach(choices::add);
        return choices;
    }
    public StringProperty notesProperty() { return notes; }
    public ObservableList<EditableEntry> variables() { return variables; }
    public ObservableList<EnvironmentDraft> environments() { return environments; }

    /** True while "insecure" TLS is chosen: the editor shows a warning. */
    public BooleanBinding insecureProperty() {
        return insecure;
    }

    /** Field key → what is wrong with it, after {@link #validate()}. */
    public ObservableMap<String, String> errors() {
        return errors;
    }

    /** What is wrong with field {@code key}, "" when nothing (shown under the field). */
    public StringBinding errorOf(String key) {
        return Bindings.createStringBinding(() -> errors.getOrDefault(key, ""), errors);
    }

    /** Every problem, one "• …" line each, sorted; "" when there is none. */
    public StringBinding errorSummary() {
        return Bindings.createStringBinding(() -> errors.values().stream().map(e -> "• " + e).sorted()
                .collect(Collectors.joining("\n")), errors);
    }

    // ---- validation and result ----

    /** Checks every field; returns true when the profile can be built. */
    public boolean validate() {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            build();
        } catch (Invalid e) {
            found.putAll(e.errors);
        }
        errors.clear();
        errors.putAll(found);
        return found.isEmpty();
    }

    /**
     * The edited profile.
     *
     * @throws IllegalStateException when a field is invalid (call {@link #validate()} first)
     */
    public ConnectionProfile toProfile() {
        try {
            return build();
        } catch (Invalid e) {
            throw new IllegalStateException("Invalid profile: " + e.errors);
        }
    }

    private ConnectionProfile build() throws Invalid {
        Map<String, String> bad = new LinkedHashMap<>();
        String n = name.get().strip();
        if (n.isEmpty()) {
            bad.put(NAME, "Give the profile a name");
        }
        Map<String, String> vars = entries(variables, VARIABLES, "Variable", bad);
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        for (EnvironmentDraft env : environments) {
            if (env.name().isEmpty()) {
                bad.putIfAbsent(VARIABLES, "Every environment needs a name");
            } else if (envs.containsKey(env.name())) {
                bad.putIfAbsent(VARIABLES, "Two environments are called '" + env.name() + "'");
            } else {
                envs.put(env.name(), entries(env.values(), VARIABLES, "Variable", bad));
            }
        }
        Map<String, String> known = new LinkedHashMap<>(vars);
        envs.values().forEach(known::putAll);
        Templates check = new Templates(known, BuiltIns.system());
        String u = url.get().strip();
        if (u.isEmpty() || u.equals("ws://") || u.equals("wss://")) {
            bad.put(URL, "Enter the server's address, e.g. ws://localhost:8080/");
        } else if (!u.startsWith("{{") && !u.toLowerCase(Locale.ROOT).matches("^wss?://.*")) {
            bad.put(URL, "The URL must start with ws:// or wss://");
        } else {
            templateProblem(check, u).ifPresent(p -> bad.put(URL, p));
        }
        List<QueryParam> query = new ArrayList<>();
        for (EditableEntry e : queryParams) {
            if (e.isBlank()) {
                continue;
            }
            if (e.name().isEmpty()) {
                bad.putIfAbsent(QUERY, "A query parameter needs a name");
            }
            templateProblem(check, e.value()).ifPresent(p -> bad.putIfAbsent(QUERY, p));
            query.add(new QueryParam(e.name(), e.value(), e.secret(), null));
        }
        List<ProfileHeader> hdrs = new ArrayList<>();
        for (EditableEntry e : headers) {
            if (e.isBlank()) {
                continue;
            }
            if (!e.name().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                bad.putIfAbsent(HEADERS, e.name().isEmpty() ? "A header needs a name"
                        : "'" + e.name() + "' is not a valid header name (letters, digits and - only)");
            }
            templateProblem(check, e.value()).ifPresent(p -> bad.putIfAbsent(HEADERS, p));
            hdrs.add(new ProfileHeader(e.name(), e.value(), e.secret()));
        }
        Duration timeout = duration(connectTimeoutSeconds.get(), TIMEOUT, "Connect timeout", false, bad);
        Duration ping = duration(pingSeconds.get(), PING, "Ping interval", true, bad);
        int maxSize = (int) number(maxMessageSize.get(), MAX_SIZE, "Max message size", 1, Integer.MAX_VALUE, bad);
        TlsSettings tls = tls(bad);
        ProxyOptions proxy = proxy(bad);
        ReconnectPolicy policy = reconnectPolicy(bad);
        ProfileDecoder decoding = decoding(bad);
        if (!bad.isEmpty()) {
            throw new Invalid(bad);
        }
        ConnectionProfile.Builder b = base == null ? ConnectionProfile.builder(n, u) : base.profile().toBuilder();
        return b.name(n).folder(folder.get()).url(u).queryParams(query).headers(hdrs)
                .subprotocols(list(subprotocols.get())).deflate(deflate.get()).connectTimeout(timeout)
                .tls(tls).proxy(proxy).reconnect(policy).pingInterval(ping).maxMessageSize(maxSize)
                .lenient(lenient.get()).decoder(decoding).protocol(protocol.get()).notes(notes.get()).variables(vars).environments(envs).build();
    }

    private ProfileDecoder decoding(Map<String, String> bad) {
        String file = descriptorSet.get().strip();
        String type = messageType.get().strip();
        if (file.isEmpty() != type.isEmpty()) {
            bad.put(DECODER, "A protobuf schema needs both the descriptor set file and the message type");
        }
        try {
            return new ProfileDecoder(decoder.get(), file, type);
        } catch (IllegalArgumentException e) {
            bad.put(DECODER, e.getMessage());
            return ProfileDecoder.AUTO;
        }
    }

    private TlsSettings tls(Map<String, String> bad) {
        String cert = trustedCertificateFile.get().strip();
        String sha = TlsOptions.normaliseFingerprint(trustedFingerprint.get());
        if (tlsMode.get() == TlsMode.TRUST_CERTIFICATE && cert.isEmpty() && sha.isEmpty()) {
            bad.put(TLS, "'Trust this certificate' needs the certificate file (PEM) or its SHA-256 fingerprint");
        } else if (!sha.isEmpty() && !sha.matches("[0-9a-f]{64}")) {
            bad.put(TLS, "A SHA-256 fingerprint is 64 hex digits");
        }
        String clientCert = clientCertificateFile.get().strip();
        String clientKey = clientKeyFile.get().strip();
        if (clientCert.isEmpty() != clientKey.isEmpty()) {
            bad.putIfAbsent(TLS, "A client certificate needs both the certificate file and its key file");
        }
        return new TlsSettings(tlsMode.get(), caFile.get().strip(), cert, sha, clientCert, clientKey);
    }

    private ProxyOptions proxy(Map<String, String> bad) {
        if (proxyType.get() == ProxyOptions.Type.NONE) {
            return ProxyOptions.NONE;
        }
        String host = proxyHost.get().strip();
        if (host.isEmpty()) {
            bad.put(PROXY, "The proxy needs a host");
        }
        int port = (int) number(proxyPort.get(), PROXY, "Proxy port", 1, 65535, bad);
        return bad.containsKey(PROXY) ? ProxyOptions.NONE
                : new ProxyOptions(proxyType.get(), host, port, proxyUser.get().strip(), proxyPassword.get());
    }

    private ReconnectPolicy reconnectPolicy(Map<String, String> bad) {
        int attempts = (int) number(reconnectAttempts.get(), RECONNECT, "Attempts", 1, 1000, bad);
        long backoff = number(backoffMillis.get(), RECONNECT, "Backoff", 0, 86_400_000, bad);
        long cap = number(backoffCapMillis.get(), RECONNECT, "Backoff cap", 0, 86_400_000, bad);
        double j = 0;
        try {
            j = Double.parseDouble(jitter.get().strip());
            if (!(j >= 0 && j <= 1)) {
                bad.putIfAbsent(RECONNECT, "Jitter is a share between 0 and 1, e.g. 0.2");
            }
        } catch (NumberFormatException e) {
            bad.putIfAbsent(RECONNECT, "Jitter is a share between 0 and 1, e.g. 0.2");
        }
        if (!bad.containsKey(RECONNECT) && cap < backoff) {
            bad.put(RECONNECT, "The backoff cap cannot be below the first backoff");
        }
        return bad.containsKey(RECONNECT) ? ReconnectPolicy.DISABLED
                : new ReconnectPolicy(reconnect.get(), attempts, Duration.ofMillis(backoff), Duration.ofMillis(cap), j);
    }

    private static Map<String, String> entries(List<EditableEntry> rows, String key, String what,
                                               Map<String, String> bad) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (EditableEntry e : rows) {
            if (e.isBlank()) {
                continue;
            }
            if (!e.name().matches("[A-Za-z0-9_.\\-]+")) {
                bad.putIfAbsent(key, e.name().isEmpty() ? what + " needs a name"
                        : what + " name '" + e.name() + "' may only use letters, digits, _ . -");
            } else if (!seen.add(e.name())) {
                bad.putIfAbsent(key, what + " '" + e.name() + "' is defined twice");
            }
            out.put(e.name(), e.value());
        }
        return out;
    }

    private static java.util.Optional<String> templateProblem(Templates check, String template) {
        try {
            List<String> unknown = check.unknownVariables(template);
            return unknown.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of("Unknown variable" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(v -> "{{" + v + "}}").toList())
                    + ": define it under Variables");
        } catch (TemplateException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static Duration duration(String text, String key, String what, boolean zeroAllowed,
                                     Map<String, String> bad) {
        try {
            BigDecimal s = new BigDecimal(text.strip());
            if (s.signum() < 0 || (!zeroAllowed && s.signum() == 0) || s.compareTo(BigDecimal.valueOf(86_400)) > 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(s.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            bad.put(key, what + " is a number of seconds" + (zeroAllowed ? " (0 turns it off)" : " above 0"));
            return Duration.ofSeconds(1);
        }
    }

    private static long number(String text, String key, String what, long min, long max, Map<String, String> bad) {
        try {
            long v = Long.parseLong(text.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad.putIfAbsent(key, what + " must be a whole number from " + min + " to " + max);
        return Math.max(min, 1);
    }

    private static List<String> list(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    /** Collected field problems. */
    private static final class Invalid extends Exception {
        final Map<String, String> errors;

        Invalid(Map<String, String> errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }
}
