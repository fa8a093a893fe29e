package dev.wsinspector.core.pairing;

import dev.wsinspector.core.profile.ProfilePairing;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

import java.time.Duration;

/**
 * How a connection is paired: the timeout after which a request is unanswered, how many requests are tracked,
 * and the user's JSON paths (a profile's {@code "pairing": {"request": "$.id", "reply": "$.id"}}); without paths
 * the protocol's own ids ({@link ProtocolKeys}).
 *
 * @param requestPath null for the protocol's ids
 * @param replyPath   null for the protocol's ids
 * @param methodPath  null for none
 */
public record PairingSettings(Duration timeout, int maxOpen, String requestPath, String replyPath, String methodPath) {

    public static final PairingSettings DEFAULTS = new PairingSettings(
            Duration.ofNanos(PairingEngine.DEFAULT_TIMEOUT_MICROS * 1000), PairingEngine.DEFAULT_MAX_OPEN, null, null, null);

    public PairingSettings {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("the pairing timeout must not be negative");
        }
        if ((requestPath == null) != (replyPath == null)) {
            throw new IllegalArgumentException("pairing by JSON path needs both a request and a reply path");
        }
    }

    public PairingSettings withTimeout(Duration timeout) {
        return new PairingSettings(timeout, maxOpen, requestPath, replyPath, methodPath);
    }

    public PairingSettings withPaths(String request, String reply, String method) {
        return new PairingSettings(timeout, maxOpen, request, reply, method);
    }

    /**
     * A profile's {@code "pairing"} setting over the defaults: its timeout when it gives one, its JSON paths when it
     * gives both (else the protocol's ids). The CLI lays its own options over this; the GUI uses it as is.
     */
    public static PairingSettings of(ProfilePairing profile) {
        PairingSettings s = profile.timeoutSeconds() >= 0
                ? DEFAULTS.withTimeout(Duration.ofNanos((long) (profile.timeoutSeconds() * 1e9))) : DEFAULTS;
        return profile.request() != null && profile.reply() != null
                ? s.withPaths(profile.request(), profile.reply(), profile.method()) : s;
    }

    public boolean byPath() {
        return requestPath != null;
    }

    /** A new engine and its feed, keyed by the paths or by {@code decoders} under {@code hint}. */
    public PairingFeed feed(ProtocolDecoders decoders, ProtocolHint hint) {
        CorrelationKeys keys = byPath() ? new JsonPathKeys(requestPath, replyPath, methodPath)
                : new ProtocolKeys(decoders, hint);
        return new PairingFeed(new PairingEngine(timeout.toNanos() / 1000, maxOpen), keys);
    }
}
