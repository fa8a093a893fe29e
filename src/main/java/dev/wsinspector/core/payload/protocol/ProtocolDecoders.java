package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.payload.DetailFields.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decoders, asked in a sensible order: first those the connection's hint names (negotiated subprotocol,
 * Socket.IO URL), then every decoder by content. A decoder that fails unexpectedly never takes the caller
 * down: for a hinted decoder that is reported as a malformed message, otherwise the next decoder is asked.
 * Thread-safe; meant to run off the FX thread.
 */
public final class ProtocolDecoders {

    /** Larger payloads are not decoded: parsing them is slow, and the JSON and Hex views still show them. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;

    private final List<ProtocolDecoder> decoders;
    private final int maxInputBytes;

    /** The standard decoders: STOMP, GraphQL over WebSocket, Socket.IO, JSON-RPC 2.0. */
    public ProtocolDecoders() {
        this(List.of(new StompDecoder(), new GraphQlWsDecoder(), new SocketIoDecoder(), new JsonRpcDecoder()),
                DEFAULT_MAX_INPUT_BYTES);
    }

    public ProtocolDecoders(List<ProtocolDecoder> decoders, int maxInputBytes) {
        this.decoders = List.copyOf(decoders);
        this.maxInputBytes = maxInputBytes;
    }

    public List<ProtocolDecoder> decoders() {
        return decoders;
    }

    /**
     * Decodes one complete message.
     *
     * @param text true for a text message
     * @return the first decoder's reading, or empty when no decoder recognises the payload
     */
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        if (payload.length > maxInputBytes) {
            return Optional.empty();
        }
        ProtocolHint h = hint == null ? ProtocolHint.NONE : hint;
        List<ProtocolDecoder> ordered = new ArrayList<>(decoders.size());
        decoders.stream().filter(d -> d.matchesHint(h)).forEach(ordered::add);
        decoders.stream().filter(d -> !ordered.contains(d)).forEach(ordered::add);
        for (ProtocolDecoder decoder : ordered) {
            Optional<Decoded> decoded;
            boolean hinted = decoder.matchesHint(h);
            try {
                decoded = decoder.decode(payload, text, h);
            } catch (RuntimeException | StackOverflowError e) {
                if (!hinted) {
                    continue;
                }
                decoded = Optional.of(Decoded.malformed(decoder.name(), "could not be decoded (" + e + ")",
                        List.<Field>of()));
            }
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        return Optional.empty();
    }
}
