package dev.wsinspector.core.profile;

import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.ReconnectPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved connection: where to connect, how, and what to send. Immutable; edit with {@link #toBuilder()} or
 * the {@code with…} shortcuts. The file format is {@link ProfileJson}'s; nothing here knows about files.
 *
 * @param name           shown in the sidebar; also how {@code connect --profile NAME} finds it
 * @param folder         group in the sidebar, {@code "/"}-separated for nesting; empty for the top level
 * @param url            {@code ws://} or {@code wss://} URL, may contain {@code {{variables}}}
 * @param queryParams    appended to the URL's query, in order
 * @param headers        extra handshake headers, in order
 * @param subprotocols   offered subprotocols, in preference order
 * @param deflate        offer permessage-deflate
 * @param connectTimeout TCP + TLS + upgrade deadline
 * @param tls            certificate checking, CA file, client certificate
 * @param proxy          HTTP CONNECT or SOCKS5 proxy, or none
 * @param reconnect      automatic reconnection after a drop
 * @param pingInterval   keep-alive ping after this much quiet; zero turns it off
 * @param maxMessageSize largest incoming frame payload accepted, bytes
 * @param lenient        keep the connection open when the server breaks RFC 6455, only reporting it
 * @param decoder        which decoder shows the messages, and a protobuf schema ({@link ProfileDecoder#AUTO}: auto)
 * @param protocol       the protocol-aware client's name ({@link ClientProtocol#id()}), "" for raw (none)
 * @param notes          free text
 * @param variables      {@code {{name}}} values of this profile
 * @param environments   named variable sets (e.g. local, staging) that override {@code variables} when chosen
 * @param messages       the message library, in the user's order
 * @param filters        the timeline's saved filters, in the user's order (the file's {@code "filters"}; absent: none)
 * @param unknown        fields of the file this version does not know, written back unchanged
 */
public record ConnectionProfile(String name, String folder, String url, List<QueryParam> queryParams,
                                List<ProfileHeader> headers, List<String> subprotocols, boolean deflate,
                                Duration connectTimeout, TlsSettings tls, ProxyOptions proxy,
                                ReconnectPolicy reconnect, Duration pingInterval, int maxMessageSize, boolean lenient,
                                ProfileDecoder decoder, String protocol, String notes,
                                Map<String, String> variables, Map<String, Map<String, String>> environments,
                                List<SavedMessage> messages, List<SavedFilter> filters, UnknownFields unknown) {

    public ConnectionProfile {
        Objects.requireNonNull(name, "name");
        folder = normaliseFolder(folder);
        url = url == null ? "" : url;
        queryParams = List.copyOf(queryParams);
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        tls = tls == null ? TlsSettings.VERIFY : tls;
        proxy = proxy == null ? ProxyOptions.NONE : proxy;
        reconnect = reconnect == null ? ReconnectPolicy.DISABLED : reconnect;
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (maxMessageSize <= 0) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
        decoder = ProfileDecoder.orAuto(decoder);
        String given = protocol == null ? "" : protocol;
        protocol = ClientProtocol.byId(given).map(c -> c == ClientProtocol.RAW ? "" : c.id())
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol \"" + given + "\" (one of "
                        + String.join(", ", ClientProtocol.ids()) + ")"));
        notes = notes == null ? "" : notes;
        variables = orderedCopy(variables);
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        environments.forEach((env, vars) -> envs.put(Objects.requireNonNull(env), orderedCopy(vars)));
        environments = Collections.unmodifiableMap(envs);
        messages = List.copyOf(messages);
        filters = filters == null ? List.of() : List.copyOf(filters);
        unknown = unknown == null ? UnknownFields.NONE : unknown;
    }

    /** A new profile with the engine's defaults. */
    public static ConnectionProfile of(String name, String url) {
        return new Builder(name, url).build();
    }

    public static Builder builder(String name, String url) {
        return new Builder(name, url);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ConnectionProfile withName(String value) {
        return toBuilder().name(value).build();
    }

    public ConnectionProfile withFolder(String value) {
        return toBuilder().folder(value).build();
    }

    public ConnectionProfile withUrl(String value) {
        return toBuilder().url(value).build();
    }

    public ConnectionProfile withMessages(List<SavedMessage> value) {
        return toBuilder().messages(value).build();
    }

    public ConnectionProfile withFilters(List<SavedFilter> value) {
        return toBuilder().filters(value).build();
    }

    public ConnectionProfile withVariables(Map<String, String> value) {
        return toBuilder().variables(value).build();
    }

    /** Messages marked to go out right after the connection opens, in library order. */
    public List<SavedMessage> sendOnConnect() {
        return messages.stream().filter(SavedMessage::sendOnConnect).toList();
    }

    public Optional<SavedMessage> message(String messageName) {
        return messages.stream().filter(m -> m.name().equals(messageName)).findFirst();
    }

    /**
     * The variables in force with environment {@code environment} chosen (null or empty for none): the
     * environment's values override the profile's.
     *
     * @throws IllegalArgumentException for an environment the profile does not have, naming the ones it has
     */
    public Map<String, String> variablesFor(String environment) {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        if (environment != null && !environment.isEmpty()) {
            Map<String, String> env = environments.get(environment);
            if (env == null) {
                throw new IllegalArgumentException("Profile '" + name + "' has no environment '" + environment
                        + "'" + (environments.isEmpty() ? "" : " (it has: " + String.join(", ", environments.keySet()) + ")"));
            }
            merged.putAll(env);
        }
        return Collections.unmodifiableMap(merged);
    }

    /** "a / b/" and "a/b" are the same folder. */
    static String normaliseFolder(String folder) {
        if (folder == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : folder.split("/")) {
            if (!part.isBlank()) {
                parts.add(part.trim());
            }
        }
        return String.join("/", parts);
    }

    private static Map<String, String> orderedCopy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "variable name"), v == null ? "" : v));
        return Collections.unmodifiableMap(copy);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private String folder = "";
        private String url;
        private List<QueryParam> queryParams = List.of();
        private List<ProfileHeader> headers = List.of();
        private List<String> subprotocols = List.of();
        private boolean deflate;
        private Duration connectTimeout = ConnectionOptions.DEFAULT_CONNECT_TIMEOUT;
        private TlsSettings tls = TlsSettings.VERIFY;
        private ProxyOptions proxy = ProxyOptions.NONE;
        private ReconnectPolicy reconnect = ReconnectPolicy.DISABLED;
        private Duration pingInterval = ConnectionOptions.DEFAULT_PING_INTERVAL;
        private int maxMessageSize = ConnectionOptions.DEFAULT_MAX_FRAME_SIZE;
        private boolean lenient;
        private ProfileDecoder decoder = ProfileDecoder.AUTO;
        private String protocol = "";
        private String notes = "";
        private Map<String, String> variables = Map.of();
        private Map<String, Map<String, String>> environments = Map.of();
        private List<SavedMessage> messages = List.of();
        private List<SavedFilter> filters = List.of();
        private UnknownFields unknown = UnknownFields.NONE;

        private Builder(String name, String url) {
            this.name = name;
            this.url = url;
        }

        private Builder(ConnectionProfile p) {
            name = p.name;
            folder = p.folder;
            url = p.url;
            queryParams = p.queryParams;
            headers = p.headers;
            subprotocols = p.subprotocols;
            deflate = p.deflate;
            connectTimeout = p.connectTimeout;
            tls = p.tls;
            proxy = p.proxy;
            reconnect = p.reconnect;
            pingInterval = p.pingInterval;
            maxMessageSize = p.maxMessageSize;
            lenient = p.lenient;
            decoder = p.decoder;
            protocol = p.protocol;
            notes = p.notes;
            variables = p.variables;
            environments = p.environments;
            messages = p.messages;
            filters = p.filters;
            unknown = p.unknown;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder folder(String v) { folder = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder queryParams(List<QueryParam> v) { queryParams = v; return this; }
        public Builder headers(List<ProfileHeader> v) { headers = v; return this; }
        public Builder subprotocols(List<String> v) { subprotocols = v; return this; }
        public Builder deflate(boolean v) { deflate = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder tls(TlsSettings v) { tls = v; return this; }
        public Builder proxy(ProxyOptions v) { proxy = v; return this; }
        public Builder reconnect(ReconnectPolicy v) { reconnect = v; return this; }
        public Builder pingInterval(Duration v) { pingInterval = v; return this; }
        public Builder maxMessageSize(int v) { maxMessageSize = v; return this; }
        public Builder lenient(boolean v) { lenient = v; return this; }
        public Builder decoder(ProfileDecoder v) { decoder = v; return this; }
        public Builder protocol(String v) { protocol = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder variables(Map<String, String> v) { variables = v; return this; }
        public Builder environments(Map<String, Map<String, String>> v) { environments = v; return this; }
        public Builder messages(List<SavedMessage> v) { messages = v; return this; }
        public Builder filters(List<SavedFilter> v) { filters = v; return this; }
        public Builder unknown(UnknownFields v) { unknown = v; return this; }

        public ConnectionProfile build() {
            return new ConnectionProfile(name, folder, url, queryParams, headers, subprotocols, deflate,
                    connectTimeout, tls, proxy, reconnect, pingInterval, maxMessageSize, lenient, decoder, protocol, notes,
                    variables, environments, messages, filters, unknown);
        }
    }
}
