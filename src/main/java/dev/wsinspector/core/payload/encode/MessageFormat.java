package dev.wsinspector.core.payload.encode;

import dev.wsinspector.core.payload.protocol.ProtocolId;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Every format the composer can write, with its inputs: what a format picker lists ({@link #label()}), what a saved
 * message stores ({@link #id()}, a contract: add, never rename) and what turns the input into bytes
 * ({@link #encode}).
 */
public enum MessageFormat {
    TEXT("text", "Text (as typed)", null, "Text", List.of(), request -> Encoded.text(request.body())),
    MSGPACK("msgpack", "MessagePack (from JSON)", ProtocolId.MSGPACK, "JSON value", List.of(), new MsgPackEncoder()),
    CBOR("cbor", "CBOR (from JSON)", ProtocolId.CBOR, "JSON value", List.of(), new CborEncoder()),
    PROTOBUF("protobuf", "Protocol Buffers (from JSON)", ProtocolId.PROTOBUF,
            "JSON object of the profile's message type", List.of(), new ProtobufEncoder()),
    SOCKET_IO_EVENT("socket.io-event", "Socket.IO event", ProtocolId.SOCKET_IO, "Arguments: a JSON array (one value = one argument)",
            List.of(Param.text("event", "Event", "", "the event name, e.g. chat:message"),
                    Param.text("namespace", "Namespace", "/", "e.g. /admin"),
                    Param.bool("expectAck", "Expect ack", false, "ask the server to acknowledge (the next ack id)"),
                    Param.number("ackId", "Ack id", "", "blank: the connection's next id")),
            new SocketIoEncoder()),
    SIGNALR_INVOCATION("signalr-invocation", "SignalR invocation", ProtocolId.SIGNALR,
            "Arguments: a JSON array (one value = one argument)",
            List.of(Param.text("target", "Hub method", "", "e.g. SendMessage"),
                    Param.bool("expectResult", "Expect result", false, "give it an invocation id (the next id)"),
                    Param.text("invocationId", "Invocation id", "", "blank: none, or the next id with Expect result")),
            new SignalREncoder()),
    STOMP_FRAME("stomp", "STOMP frame", ProtocolId.STOMP, "Body",
            List.of(Param.choice("command", "Command", "SEND", StompEncoder.COMMANDS, "the frame's command"),
                    Param.text("destination", "Destination", "", "e.g. /topic/chat (the destination header)"),
                    Param.lines("headers", "Headers", "name:value, one a line")),
            new StompEncoder()),
    MQTT_PUBLISH("mqtt-publish", "MQTT PUBLISH", ProtocolId.MQTT, "Payload (UTF-8)",
            List.of(Param.text("topic", "Topic", "", "e.g. sensors/1 (no wildcards)"),
                    Param.choice("qos", "QoS", "0", List.of("0", "1", "2"), "quality of service"),
                    Param.bool("retain", "Retain", false, "the broker keeps it for new subscribers"),
                    Param.number("packetId", "Packet id", "", "QoS 1 and 2; blank: the connection's next id"),
                    version()),
            new MqttEncoder(MqttEncoder.Packet.PUBLISH)),
    MQTT_SUBSCRIBE("mqtt-subscribe", "MQTT SUBSCRIBE", ProtocolId.MQTT, "",
            List.of(Param.lines("topic", "Topic filters", "one a line, + and # allowed"),
                    Param.choice("qos", "QoS", "0", List.of("0", "1", "2"), "maximum QoS"),
                    Param.number("packetId", "Packet id", "", "blank: the connection's next id"), version()),
            new MqttEncoder(MqttEncoder.Packet.SUBSCRIBE)),
    MQTT_CONNECT("mqtt-connect", "MQTT CONNECT", ProtocolId.MQTT, "",
            List.of(Param.text("clientId", "Client id", "", "blank: the broker assigns one"),
                    Param.number("keepAlive", "Keep-alive (s)", "60", "0 turns it off"),
                    Param.bool("cleanStart", "Clean session", true, "start without stored state"),
                    Param.text("username", "User name", "", ""), Param.text("password", "Password", "", ""), version()),
            new MqttEncoder(MqttEncoder.Packet.CONNECT)),
    MQTT_PINGREQ("mqtt-pingreq", "MQTT PINGREQ", ProtocolId.MQTT, "", List.of(), new MqttEncoder(MqttEncoder.Packet.PINGREQ)),
    MQTT_DISCONNECT("mqtt-disconnect", "MQTT DISCONNECT", ProtocolId.MQTT, "", List.of(version()),
            new MqttEncoder(MqttEncoder.Packet.DISCONNECT)),
    GRAPHQL_WS("graphql-ws", "GraphQL over WebSocket (graphql-transport-ws)", ProtocolId.GRAPHQL_WS,
            "subscribe: the query, or {\"query\":…,\"variables\":…}; others: optional payload object",
            List.of(Param.choice("type", "Message", "subscribe", GraphQlWsEncoder.TYPES, "the message type"),
                    Param.text("id", "Operation id", "", "subscribe: blank for the next id; complete: required"),
                    Param.text("operationName", "Operation name", "", "optional")),
            new GraphQlWsEncoder()),
    JSON_RPC("json-rpc", "JSON-RPC 2.0 call", ProtocolId.JSON_RPC, "Params: a JSON array or object (optional)",
            List.of(Param.text("method", "Method", "", "e.g. eth_blockNumber"),
                    Param.text("id", "Id", "", "blank: the connection's next id"),
                    Param.bool("notification", "Notification", false, "no id, no answer expected")),
            new JsonRpcEncoder());

    /** A text encoder that needs no context. */
    private interface Plain extends MessageEncoder {
        Encoded encode(EncodeRequest request) throws EncodeException;

        @Override
        default Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
            return encode(request);
        }
    }

    private final String id;
    private final String label;
    private final ProtocolId protocol;
    private final String bodyHint;
    private final List<Param> params;
    private final MessageEncoder encoder;

    MessageFormat(String id, String label, ProtocolId protocol, String bodyHint, List<Param> params, Plain encoder) {
        this(id, label, protocol, bodyHint, params, (MessageEncoder) encoder);
    }

    MessageFormat(String id, String label, ProtocolId protocol, String bodyHint, List<Param> params, MessageEncoder encoder) {
        this.id = id;
        this.label = label;
        this.protocol = protocol;
        this.bodyHint = bodyHint;
        this.params = params;
        this.encoder = encoder;
    }

    private static Param version() {
        return Param.choice("version", "MQTT version", "3.1.1", List.of("3.1.1", "5"), "the protocol level");
    }

    /** The machine name saved messages store, e.g. {@code socket.io-event}. */
    public String id() {
        return id;
    }

    /** The name a picker shows. */
    public String label() {
        return label;
    }

    /** The protocol whose decoder reads what this writes (to preview it), empty for plain text. */
    public Optional<ProtocolId> protocol() {
        return Optional.ofNullable(protocol);
    }

    /** What the body holds, for a prompt; empty when the format has no body. */
    public String bodyHint() {
        return bodyHint;
    }

    public boolean hasBody() {
        return !bodyHint.isEmpty();
    }

    /** The inputs besides the body, in the order to show them. */
    public List<Param> params() {
        return params;
    }

    /** True when the result is a binary message. */
    public boolean binary() {
        return this == MSGPACK || this == CBOR || this == PROTOBUF || name().startsWith("MQTT_");
    }

    /** The message, or an {@link EncodeException} saying what is wrong with the input. */
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(context, "context");
        try {
            return encoder.encode(request, context);
        } catch (RuntimeException e) { // a bug must not take the composer down: say so instead
            throw new EncodeException(label + ": could not encode (" + e + ")");
        }
    }

    @Override
    public String toString() {
        return label;
    }

    /** The format of a machine name, ignoring case; empty for an unknown name. */
    public static Optional<MessageFormat> byId(String id) {
        String lower = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(lower)).findFirst();
    }

    /** Every machine name, in declaration order (for help texts). */
    public static List<String> ids() {
        return Arrays.stream(values()).map(MessageFormat::id).toList();
    }
}
