/**
 * Encoders: what the user writes (JSON, an event name, a topic…) made into one WebSocket message payload of a
 * format or sub-protocol — MessagePack, CBOR, a Protocol Buffers message (JSON → DynamicMessage with a
 * {@link dev.wsinspector.core.payload.protocol.ProtobufSchema}), Socket.IO events, SignalR invocations, STOMP frames,
 * MQTT packets, graphql-transport-ws messages and JSON-RPC 2.0 calls. {@link dev.wsinspector.core.payload.encode.MessageFormat}
 * lists them with their inputs ({@link dev.wsinspector.core.payload.encode.Param}) for the composer and saved
 * messages; every encoder is a pure function that fails only with an
 * {@link dev.wsinspector.core.payload.encode.EncodeException} whose message is for people. No JavaFX, no I/O.
 * Decoders live in {@code core.payload.protocol}; this package uses it, never the other way round.
 */
package dev.wsinspector.core.payload.encode;
