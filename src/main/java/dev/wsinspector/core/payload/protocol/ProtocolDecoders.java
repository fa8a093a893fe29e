package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.payload.DetailFields.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The decoders, asked in a sensible order: with a decoder forced by the user ({@link ProtocolHint#forced()}) that
 * one only; else first those the connection's hint names (negotiated subprotocol, URL), then every decoder by
 * content. A decoder that fails unexpectedly never takes the caller down: for a hinted decoder that is reported
 * as a malformed message, otherwise the next decoder is asked. Thread-safe; meant to run off the FX thread and
 * off the socket's read thread (the CLI decodes where it writes its lines).
 */
public final class ProtocolDecoders {

    /** Larger payloads are not decoded: parsing them is slow, and the JSON and Hex views still show them. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 8 * 1024 * 1024;

    private final List<ProtocolDecoder> decoders;
    private final int maxInputBytes;

    /**
     * The standard decoders, strictest shapes first: SignalR (records end with 0x1E), STOMP, SockJS (whose inner
     * messages the others read), GraphQL over WebSocket, Action Cable, SocketCluster, ClusterWS, Socket.IO, WAMP,
     * JSON-RPC 2.0.
     */
    public ProtocolDecoders() {
        this(standard(DEFAULT_MAX_INPUT_BYTES), DEFAULT_MAX_INPUT_BYTES);
    }

    public ProtocolDecoders(List<ProtocolDecoder> decoders, int maxInputBytes) {
        this.decoders = List.copyOf(decoders);
        this.maxInputBytes = maxInputBytes;
    }

    private static List<ProtocolDecoder> standard(int maxInputBytes) {
        List<ProtocolDecoder> inner = List.of(new SignalRDecoder(), new StompDecoder(), new GraphQlWsDecoder(),
                new ActionCableDecoder(), new SocketClusterDecoder(), new ClusterWsDecoder(), new SocketIoDecoder(),
                new WampDecoder(), new JsonRpcDecoder());
        List<ProtocolDecoder> all = new ArrayList<>(inner);
        all.add(2, new SockJsDecoder(new ProtocolDecoders(inner, maxInputBytes)));
        return all;
    }

    public List<ProtocolDecoder> decoders() {
        return decoders;
    }

    /** Every protocol some decoder here reads, in the decoders' order (for help texts and choices). */
    public List<ProtocolId> protocols() {
        return decoders.stream().flatMap(d -> d.ids().stream()).distinct().toList();
    }

    /** The decoder that reads {@code id}, if there is one. */
    public Optional<ProtocolDecoder> decoder(ProtocolId id) {
        return decoders.stream().filter(d -> d.ids().contains(id)).findFirst();
    }

    /**
     * Decodes one complete message.
     *
     * @param text true for a text message
     * @return the first decoder's reading, or empty when no decoder recognises the payload, the payload is over
     *         the input cap, or the hint turns decoding off
     */
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        ProtocolHint h = hint == null ? ProtocolHint.NONE : hint;
        if (payload == null || payload.length > maxInputBytes || h.off()) {
            return Optional.empty();
        }
        int n = decoders.size();
        boolean[] hints = new boolean[n];
        for (int i = 0; i < n; i++) {
            hints[i] = hinted(decoders.get(i), h);
        }
        ProtocolDecoder[] ordered = new ProtocolDecoder[n];
        boolean[] hintedAt = new boolean[n];
        int count = 0;
        boolean forced = h.forced().isPresent();
        for (int pass = 0; pass < 2; pass++) { // hinted first, then (unless forced) the rest
            for (int i = 0; i < n; i++) {
                if (hints[i] == (pass == 0) && (!forced || hints[i])) {
                    hintedAt[count] = hints[i];
                    ordered[count++] = decoders.get(i);
                }
            }
        }
        for (int i = 0; i < count; i++) {
            ProtocolDecoder decoder = ordered[i];
            Optional<Decoded> decoded;
            boolean hinted = hintedAt[i];
            try {
                decoded = decoder.decode(payload, text, h);
            } catch (RuntimeException | StackOverflowError e) {
                if (!hinted) {
                    continue;
                }
                decoded = Optional.of(Decoded.malformed(decoder.id(), decoder.name(),
                        "could not be decoded (" + e + ")", List.<Field>of()));
            }
            if (decoded != null && decoded.isPresent()) {
                return decoded;
            }
        }
        return Optional.empty();
    }

    private static boolean hinted(ProtocolDecoder decoder, ProtocolHint hint) {
        try {
            return decoder.matchesHint(hint);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
