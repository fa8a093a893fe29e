/**
 * Protocol-aware clients: a {@link dev.wsinspector.core.protocol.ProtocolClient} per sub-protocol (Socket.IO v4,
 * SignalR JSON, graphql-transport-ws, STOMP, MQTT) that turns received messages and the passing of time into
 * messages to send (handshakes, heartbeat answers, keep-alives) and encodes the user's emits and calls. The clients
 * are plain state machines without threads or sockets, unit-tested with a fake clock;
 * {@link dev.wsinspector.core.protocol.ProtocolDriver} runs one against a live connection on a scheduler the caller
 * gives it, reading the received messages from the capture (never on the socket's read thread), so every reply
 * it sends is captured like any other frame.
 */
package dev.wsinspector.core.protocol;
