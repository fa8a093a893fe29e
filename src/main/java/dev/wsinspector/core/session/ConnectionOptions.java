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
 * @param insecure            accept any TLS certificate and host name (explicit opt-in; off by default)
 * @param pingInterval        send a ping when the connection was quiet this long and drop it if no pong comes;
 *                            {@link Duration#ZERO} turns the check off
 * @param maxFrameSize        largest incoming frame payload accepted, bytes; bigger ones close with 1009
 */
public record ConnectionOptions(URI uri, List<HttpHeader> headers, List<String> subprotocols, boolean deflate,
                                Duration connectTimeout, boolean insecure, Duration pingInterval,
                                int maxFrameSize) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_FRAME_SIZE = 64 * 1024 * 1024;

    public ConnectionOptions {
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive");
        }
    }

    /** Defaults for {@code uri}: no headers, no subprotocols, no deflate, 10 s timeout, TLS verified, 60 s ping. */
    public static ConnectionOptions of(URI uri) {
        return new ConnectionOptions(uri, List.of(), List.of(), false, DEFAULT_CONNECT_TIMEOUT, false,
                DEFAULT_PING_INTERVAL, DEFAULT_MAX_FRAME_SIZE);
    }

    public ConnectionOptions withHeaders(List<HttpHeader> value) {
        return new ConnectionOptions(uri, value, subprotocols, deflate, connectTimeout, insecure, pingInterval, maxFrameSize);
    }

    public ConnectionOptions withSubprotocols(List<String> value) {
        return new ConnectionOptions(uri, headers, value, deflate, connectTimeout, insecure, pingInterval, maxFrameSize);
    }

    public ConnectionOptions withDeflate(boolean value) {
        return new ConnectionOptions(uri, headers, subprotocols, value, connectTimeout, insecure, pingInterval, maxFrameSize);
    }

    public ConnectionOptions withConnectTimeout(Duration value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, value, insecure, pingInterval, maxFrameSize);
    }

    public ConnectionOptions withInsecure(boolean value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, value, pingInterval, maxFrameSize);
    }

    public ConnectionOptions withPingInterval(Duration value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, value, maxFrameSize);
    }

    public ConnectionOptions withMaxFrameSize(int value) {
        return new ConnectionOptions(uri, headers, subprotocols, deflate, connectTimeout, insecure, pingInterval, value);
    }
}
