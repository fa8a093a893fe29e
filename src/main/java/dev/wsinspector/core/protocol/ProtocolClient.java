package dev.wsinspector.core.protocol;

import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.Encoded;

import java.util.List;

/**
 * One sub-protocol's client side, as a state machine: each method returns the messages to send now, in order.
 * Not thread-safe: one thread (the {@link ProtocolDriver}'s scheduler) calls it. Never throws on what the server
 * sends; a refusal (a handshake error) is reported by {@link #problem()}.
 */
public interface ProtocolClient {

    /** The WebSocket connection opened at {@code nowMillis}. */
    List<Encoded> onOpen(long nowMillis);

    /** A complete message arrived. */
    List<Encoded> onMessage(byte[] payload, boolean text, long nowMillis);

    /** Time passed: keep-alives that are due. */
    List<Encoded> onTick(long nowMillis);

    /** True once the protocol's own handshake completed: the user's messages may go. */
    boolean ready();

    /** Why the protocol session failed (a refused handshake), or "" while it has not. */
    String problem();

    /** {@code --emit NAME JSON}: the protocol's natural message (Socket.IO event, SignalR invocation, …). */
    Encoded emit(String name, String json) throws EncodeException;

    /** {@code --call NAME JSON}: the message that expects an answer (an ack, an invocation id, a receipt…). */
    Encoded call(String name, String json) throws EncodeException;

    /** Records the time a message was sent (keep-alives count from the last message out). */
    default void sent(long nowMillis) {
    }
}
