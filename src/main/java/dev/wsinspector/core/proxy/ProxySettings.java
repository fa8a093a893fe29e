package dev.wsinspector.core.proxy;

import dev.wsinspector.core.session.ConnectionOptions;

import java.util.List;
import java.util.Objects;

/**
 * How an {@link Interceptor} listens and where it forwards.
 *
 * @param host            address to bind (loopback unless the user says otherwise)
 * @param port            port to bind, 0 for any free one
 * @param upstream        the upstream's URL ({@code ws://} or {@code wss://}) and how to reach it: connect
 *                        timeout, TLS ({@code insecure}, {@code tls}) verified exactly as the app's own client
 *                        does, and the largest frame accepted ({@code maxFrameSize}, bigger frames close the
 *                        connection with 1009); its headers, subprotocols and deflate are not used (the
 *                        client's are passed on)
 * @param headerRules     the handshake rewrite, in order
 * @param maxQueuedBytes  bytes that may wait per direction (written late by a slow reader, or behind a held
 *                        message); over it the proxy stops reading the sending side (TCP backpressure)
 * @param maxHeld         messages held at once over all clients; a match beyond it is forwarded with a warning
 */
public record ProxySettings(String host, int port, ConnectionOptions upstream, List<HeaderRule> headerRules,
                            long maxQueuedBytes, int maxHeld) {

    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    public static final int DEFAULT_MAX_HELD = 1000;

    public ProxySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(upstream, "upstream");
        headerRules = List.copyOf(headerRules);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        String scheme = upstream.uri().getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("The upstream URL must start with ws:// or wss://, got '" + upstream.uri() + "'");
        }
        if (maxQueuedBytes < 1) {
            throw new IllegalArgumentException("maxQueuedBytes must be positive");
        }
        if (maxHeld < 0) {
            throw new IllegalArgumentException("maxHeld must not be negative");
        }
    }

    /** Loopback, any free port, no rewrite, default limits. */
    public static ProxySettings of(ConnectionOptions upstream) {
        return new ProxySettings("127.0.0.1", 0, upstream, List.of(), DEFAULT_MAX_QUEUED_BYTES, DEFAULT_MAX_HELD);
    }

    public ProxySettings withListen(String host, int port) {
        return new ProxySettings(host, port, upstream, headerRules, maxQueuedBytes, maxHeld);
    }

    public ProxySettings withHeaderRules(List<HeaderRule> rules) {
        return new ProxySettings(host, port, upstream, rules, maxQueuedBytes, maxHeld);
    }

    public ProxySettings withLimits(long maxQueuedBytes, int maxHeld) {
        return new ProxySettings(host, port, upstream, headerRules, maxQueuedBytes, maxHeld);
    }
}
