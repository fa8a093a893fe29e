package dev.wsinspector.core.payload.encode;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;

import java.util.Objects;
import java.util.Optional;

/**
 * What an encoder needs beyond the user's input: the connection's id counters and, for protobuf, the message type
 * from the profile's descriptor set.
 *
 * @param ids       request ids of the connection (JSON-RPC, SignalR, Socket.IO acks, graphql-ws operations)
 * @param packetIds MQTT packet ids of the connection
 * @param protobuf  the message type protobuf messages are written as, or null when none is chosen
 */
public record EncodeContext(JsonRpcIds ids, MqttPacketIds packetIds, ProtobufSchema protobuf) {

    public EncodeContext {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(packetIds, "packetIds");
    }

    /** Fresh counters, no protobuf type. */
    public static EncodeContext fresh() {
        return new EncodeContext(new JsonRpcIds(), new MqttPacketIds(), null);
    }

    public EncodeContext withProtobuf(ProtobufSchema schema) {
        return new EncodeContext(ids, packetIds, schema);
    }

    public Optional<ProtobufSchema> protobufSchema() {
        return Optional.ofNullable(protobuf);
    }
}
