package dev.wsinspector.core.payload.protocol;

import java.util.List;
import java.util.Optional;

/** Reads a message payload as one sub-protocol. Implementations are stateless, thread-safe and never throw. */
public interface ProtocolDecoder {

    /** The protocol's display name, e.g. {@code STOMP}. */
    String name();

    /** The protocol's machine name: what its {@link Decoded#id()} is, and what {@code --decode} names. */
    ProtocolId id();

    /** Every protocol this decoder reads (Socket.IO's reads Engine.IO too); {@code --decode} accepts each. */
    default List<ProtocolId> ids() {
        return List.of(id());
    }

    /**
     * True when the connection says it speaks this protocol (subprotocol or URL), or the user forced it
     * ({@link ProtocolHint#forces}). A hinted decoder reads every message and reports what it cannot read as
     * {@link Decoded#malformed()}; without the hint it only claims payloads whose shape is unmistakable.
     */
    boolean matchesHint(ProtocolHint hint);

    /**
     * Decodes a complete message.
     *
     * @param payload the message's bytes
     * @param text    true for a text message, false for binary
     * @return the decoded message, or empty when the payload is not (recognisably) this protocol
     */
    Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint);
}
