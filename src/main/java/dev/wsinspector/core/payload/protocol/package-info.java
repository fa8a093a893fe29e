/**
 * Decoders for common WebSocket sub-protocols (Socket.IO / Engine.IO, JSON-RPC 2.0, STOMP, GraphQL over
 * WebSocket): a frame's payload becomes a protocol name, a one-line summary, name/value fields and a body.
 * {@link dev.wsinspector.core.payload.protocol.ProtocolDecoders} picks a decoder from the connection's
 * negotiated subprotocol and URL ({@link dev.wsinspector.core.payload.protocol.ProtocolHint}) first, then by
 * content, strictly enough not to label ordinary payloads. Pure functions, no JavaFX; they never throw on
 * malformed input.
 */
package dev.wsinspector.core.payload.protocol;
