package dev.wsinspector.core.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The protocol-aware clients by machine name: what {@code connect --protocol} and a profile's {@code "protocol"}
 * accept (a contract: add, never rename). {@link #RAW} is today's behaviour: nothing is sent for the user.
 */
public enum ClientProtocol {
    RAW("raw", "Raw WebSocket", "", "", ""),
    SOCKET_IO("socket.io", "Socket.IO v4", "", "event name", "event with ack"),
    SIGNALR("signalr", "SignalR (JSON hub protocol)", "", "hub method (invocation)", "invocation with an id"),
    GRAPHQL_WS("graphql-ws", "GraphQL over WebSocket (graphql-transport-ws)", "graphql-transport-ws",
            "subscribe (operation name)", "subscribe"),
    STOMP("stomp", "STOMP 1.2", "v12.stomp", "SEND destination", "SEND with a receipt"),
    MQTT("mqtt", "MQTT 3.1.1", "mqtt", "PUBLISH topic (QoS 0)", "PUBLISH QoS 1");

    /** What a client is made with; blank/absent parts take the defaults. */
    public record Settings(String payload, String namespace, String host, long keepAliveMillis, String clientId) {

        public static Settings defaults() {
            return new Settings("", "/", "", 0, "");
        }

        public Settings withPayload(String json) {
            return new Settings(json, namespace, host, keepAliveMillis, clientId);
        }

        public Settings withNamespace(String ns) {
            return new Settings(payload, ns, host, keepAliveMillis, clientId);
        }

        public Settings withHost(String h) {
            return new Settings(payload, namespace, h, keepAliveMillis, clientId);
        }

        public Settings withKeepAliveMillis(long millis) {
            return new Settings(payload, namespace, host, millis, clientId);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String label;
    private final String subprotocol;
    private final String emitMeaning;
    private final String callMeaning;

    ClientProtocol(String id, String label, String subprotocol, String emitMeaning, String callMeaning) {
        this.id = id;
        this.label = label;
        this.subprotocol = subprotocol;
        this.emitMeaning = emitMeaning;
        this.callMeaning = callMeaning;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The subprotocol the server expects to be offered ("" for none): MQTT and graphql-ws brokers insist. */
    public String subprotocol() {
        return subprotocol;
    }

    /** What {@code --emit NAME} names, for help texts. */
    public String emitMeaning() {
        return emitMeaning;
    }

    public String callMeaning() {
        return callMeaning;
    }

    /**
     * The URL to connect to: for Socket.IO a bare server URL gets Engine.IO's path and query
     * ({@code /socket.io/?EIO=4&transport=websocket}); others are used as given.
     */
    public URI connectUri(URI uri) {
        if (this != SOCKET_IO || (uri.getRawQuery() != null && uri.getRawQuery().contains("EIO="))) {
            return uri;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? "/socket.io/" : uri.getRawPath();
        String query = (uri.getRawQuery() == null ? "" : uri.getRawQuery() + "&") + "EIO=4&transport=websocket";
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
    }

    /**
     * A new client for one connection.
     *
     * @throws IllegalArgumentException when the settings' payload is not a JSON object
     */
    public Optional<ProtocolClient> create(Settings s) {
        JsonNode payload = payload(s.payload());
        return Optional.ofNullable(switch (this) {
            case RAW -> null;
            case SOCKET_IO -> new SocketIoClient(s.namespace(), payload);
            case SIGNALR -> new SignalRClient(s.keepAliveMillis() > 0 ? s.keepAliveMillis() : 15_000);
            case GRAPHQL_WS -> new GraphQlWsClient(payload);
            case STOMP -> new StompClient(s.host(), s.keepAliveMillis() > 0 ? s.keepAliveMillis() : 10_000);
            case MQTT -> new MqttClient(s.clientId().isBlank() ? "ws-inspector-" + UUID.randomUUID().toString().substring(0, 8)
                    : s.clientId(), (int) Math.max(1, (s.keepAliveMillis() > 0 ? s.keepAliveMillis() : 60_000) / 1000), 4);
        });
    }

    private static JsonNode payload(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the protocol payload is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the protocol payload must be a JSON object {…}");
        }
        return node;
    }

    /** The protocol of a machine name, ignoring case ("" and "raw" are {@link #RAW}); empty for an unknown one. */
    public static Optional<ClientProtocol> byId(String name) {
        String lower = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return Optional.of(RAW);
        }
        return Arrays.stream(values()).filter(p -> p.id.equals(lower)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ClientProtocol::id).toList();
    }
}
