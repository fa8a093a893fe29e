/**
 * Decoders for common WebSocket sub-protocols (Socket.IO / Engine.IO, SignalR JSON, JSON-RPC 2.0, STOMP, GraphQL
 * over WebSocket, SocketCluster, ClusterWS, SockJS framing, WAMP JSON, Action Cable) and binary formats (MQTT 3.1.1/5,
 * SignalR's MessagePack hub protocol, MessagePack, CBOR, Protocol Buffers schema-less or with a
 * {@link dev.wsinspector.core.payload.protocol.ProtobufSchema} from a descriptor set): a message's payload becomes a
 * {@link dev.wsinspector.core.payload.protocol.Decoded}, with a one-line summary and name/value rows for people and
 * a JSON object for scripts (the JSONL {@code "decoded"} member), named by a stable
 * {@link dev.wsinspector.core.payload.protocol.ProtocolId}. {@link dev.wsinspector.core.payload.protocol.ProtocolDecoders}
 * picks a decoder from the user's choice, then the connection's negotiated subprotocol and URL
 * ({@link dev.wsinspector.core.payload.protocol.ProtocolHint}), then by content, strictly enough not to label
 * ordinary payloads (raw protobuf is never sniffed). Pure functions, no JavaFX, no I/O (a descriptor set arrives as bytes); they never throw on malformed input. Encoders ({@code core.payload.encode}) and
 * protocol-aware clients do not belong here.
 */
package dev.wsinspector.core.payload.protocol;
