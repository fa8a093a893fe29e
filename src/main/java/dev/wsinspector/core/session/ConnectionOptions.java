package dev.wsinspector.core.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one connection.
 *
 * @param uri                 {@code ws://} or {@code wss://} URL
 * @param headers             extra handshake headers, in order
 * @param subprotocols        offered subprotocols, in preference order
 * @param deflate             offer permessage-deflate
 * @param connectTimeout      TCP connect + TLS + upgrade must finish within this
 * @param insecure            accept any TLS certificate and host name (explicit opt-in; off by default); wins
 *                            over everything in {@code tls}
 * @param pingInterval        send a ping when the connection was quiet this long and drop it if no pong comes;
 *                            {@link Duration#ZERO} turns the check off
 * @param maxFrameSize        largest incoming frame payload accepted, bytes; bigger ones close with 1009
 * @param tls                 custom CA, pinned server certificate, client certificate
 * @param proxy               HTTP CONNECT or SOCKS5 proxy, or {@link ProxyOptions#NONE}
 * @param reconnect           automatic reconnection; honoured by {@link ReconnectingConnectionService}
 * @param pongTimeout         how long to wait, after a keep-alive ping, for anything from the server before the
 *                            connection counts as lost; {@link Duration#ZERO}: the larger of 10 s and
 *                            {@code pingInterval} ({@link #effectivePongTimeout()})
 * @param lenient             keep the connection open when the server breaks RFC 6455 and only report it; by
 *                            default (false) every violation fails the connection with 1002 (1007 for a close
 *                            reason that is not UTF-8)
 */
public record ConnectionOptions(URI uri, List<HttpHeader> headers, List<String> subprotocols, boolean deflate,
                                Duration connectTimeout, boolean insecure, Duration pingInterval,
                                int maxFrameSize, TlsOptions tls, ProxyOptions proxy, ReconnectPolicy reconnect,
                                Duration pongTimeout, boolean lenient) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024 * 1024;
    /**
     * The shortest automatic pong deadline. A pong that is late because either side is busy (a loaded CPU, a
     * flood queued ahead of it) must not read as a dead server, as a deadline of 1.5 × a short interval did.
     */
    public static final Duration MIN_AUTO_PONG_TIMEOUT = Duration.ofSeconds(10);

    public ConnectionOptions {
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive");
        }
        tls = tls == null ? TlsOptions.DEFAULT : tls;
        proxy = proxy == null ? ProxyOptions.NONE : proxy;
        reconnect = reconnect == null ? ReconnectPolicy.DISABLED : reconnect;
        pongTimeout = pongTimeout == null ? Duration.ZERO : pongTimeout;
        if (pongTimeout.isNegative()) {
            throw new IllegalArgumentException("pongTimeout must not be negative");
        }
    }

    /** The twelve settings before the lenient switch: strict, as by default. */
    public ConnectionOptions(URI uri, List<HttpHeader> headers, List<String> subprotocols, boolean deflate,
                             Duration connectTimeout, boolean insecure, Duration pingInterval, int maxFrameSize,
                             TlsOptions tls, ProxyOptions proxy, ReconnectPolicy reconnect, Duration pongTimeout) {
        this(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval, maxFrameSize, tls, proxy,
                reconnect, pongTimeout, false);
    }

    /** The eleven settings before the pong deadline: the deadline is automatic. */
    public ConnectionOptions(URI uri, List<HttpHeader> headers, List<String> subprotocols, boolean deflate,
                             Duration connectTimeout, boolean insecure, Duration pingInterval, int maxFrameSize,
                             TlsOptions tls, ProxyOptions proxy, ReconnectPolicy reconnect) {
        this(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval, maxFrameSize, tls, proxy,
                reconnect, Duration.ZERO);
    }

    /** The pong deadline in force: the one set, else the larger of 10 s and the ping interval. */
    public Duration effectivePongTimeout() {
        if (!pongTimeout.isZero()) {
            return pongTimeout;
        }
        return pingInterval.compareTo(MIN_AUTO_PONG_TIMEOUT) > 0 ? pingInterval : MIN_AUTO_PONG_TIMEOUT;
    }

    public ConnectionOptions withPongTimeout(Duration value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, value, lenient);
    }

    /** The original eight settings, with default TLS extras, no proxy and no reconnect. */
    public ConnectionOptions(URI uri, List<HttpHeader> headers, List<String> subprotocols, boolean deflate,
                             Duration connectTimeout, boolean insecure, Duration pingInterval, int maxFrameSize) {
        this(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval, maxFrameSize,
                TlsOptions.DEFAULT, ProxyOptions.NONE, ReconnectPolicy.DISABLED);
    }

    /** Defaults for {@code uri}: no headers, no subprotocols, no deflate, 10 s timeout, TLS verified, 60 s ping. */
    public static ConnectionOptions of(URI uri) {
        return new ConnectionOptions(uri, List.of(), List.of(), false, DEFAULT_CONNECT_TIMEOUT, false,
                DEFAULT_PING_INTERVAL, DEFAULT_MAX_FRAME_SIZE);
    }

    public ConnectionOptions withUri(URI value) {
        return new ConnectionOptions(value, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withHeaders(List<HttpHeader> value) {
        return new ConnectionOptions(uri, value, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withSubprotocols(List<String> value) {
        return new ConnectionOptions(uri, headers, value, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withDeflate(boolean value) {
        return new ConnectionOptions(uri, headers, subprotocols, value, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withConnectTimeout(Duration value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, value, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withInsecure(boolean value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, value, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withPingInterval(Duration value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, value,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withMaxFrameSize(int value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                value, tls, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withTls(TlsOptions value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, value, proxy, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withProxy(ProxyOptions value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, value, reconnect, pongTimeout, lenient);
    }

    public ConnectionOptions withLenient(boolean value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, reconnect, pongTimeout, value);
    }

    public ConnectionOptions withReconnect(ReconnectPolicy value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval,
                maxFrameSize, tls, proxy, value, pongTimeout, lenient);
    }
}
