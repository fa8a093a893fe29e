package dev.wsinspector.core.filter;

import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.util.Objects;

/**
 * What a filter is bound to besides the frames: the connection's protocol hint for the decoded-field terms,
 * the decoders, and the pairing engine (null until there is one). (The zone for times written without an offset
 * is the filter's own, given to {@link Filter#parse(String, java.time.ZoneId)}.)
 */
public record FilterContext(ProtocolHint hint, ProtocolDecoders decoders, Pairing pairing) {

    public FilterContext {
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(decoders, "decoders");
    }

    /** No hint, the standard decoders, no pairing. */
    public static FilterContext defaults() {
        return new FilterContext(ProtocolHint.NONE, new ProtocolDecoders(), null);
    }

    public FilterContext withHint(ProtocolHint hint) {
        return new FilterContext(hint, decoders, pairing);
    }

    public FilterContext withPairing(Pairing pairing) {
        return new FilterContext(hint, decoders, pairing);
    }
}
