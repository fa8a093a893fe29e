package dev.wsinspector.core.payload.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stable machine name of each protocol and format: what the JSONL {@code "decoded":{"protocol":…}} says and
 * what {@code --decode} and a profile's {@code "decoder"} accept. These names are a contract (add, never rename);
 * the display name may change.
 */
public enum ProtocolId {
    SOCKET_IO("socket.io", "Socket.IO"),
    ENGINE_IO("engine.io", "Engine.IO"),
    SIGNALR("signalr", "SignalR"),
    JSON_RPC("json-rpc", "JSON-RPC 2.0"),
    STOMP("stomp", "STOMP"),
    GRAPHQL_WS("graphql-ws", "GraphQL over WebSocket"),
    SOCKETCLUSTER("socketcluster", "SocketCluster"),
    CLUSTERWS("clusterws", "ClusterWS"),
    SOCKJS("sockjs", "SockJS"),
    MQTT("mqtt", "MQTT"),
    WAMP("wamp", "WAMP"),
    MSGPACK("msgpack", "MessagePack"),
    CBOR("cbor", "CBOR"),
    PROTOBUF("protobuf", "Protocol Buffers"),
    ACTION_CABLE("action-cable", "Action Cable");

    private final String id;
    private final String displayName;

    ProtocolId(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The machine name, e.g. {@code socket.io}. */
    public String id() {
        return id;
    }

    /** The name people read, e.g. {@code Socket.IO}. */
    public String displayName() {
        return displayName;
    }

    /** The protocol of a machine name, ignoring case; empty for an unknown name. */
    public static Optional<ProtocolId> byId(String id) {
        String lower = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(lower)).findFirst();
    }

    /** Every machine name, in declaration order (for help texts). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ProtocolId::id).toList();
    }
}
