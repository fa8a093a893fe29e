package dev.wsinspector.core.session;

import java.util.Objects;

/**
 * How to reach the server: directly, through an HTTP proxy (CONNECT tunnel) or a SOCKS5 proxy.
 * TLS (for {@code wss://}) runs end to end inside the tunnel, so the proxy never sees the WebSocket traffic.
 *
 * @param type     {@link Type#NONE} for a direct connection (then the other fields are ignored)
 * @param host     proxy host
 * @param port     proxy port (1..65535)
 * @param username optional user name (HTTP Basic for CONNECT, RFC 1929 for SOCKS5); empty for none
 * @param password optional password; a credential, masked wherever profiles are shown or exported
 */
public record ProxyOptions(Type type, String host, int port, String username, String password) {

    public enum Type {
        NONE, HTTP, SOCKS5
    }

    public static final ProxyOptions NONE = new ProxyOptions(Type.NONE, "", 0, "", "");

    public ProxyOptions {
        Objects.requireNonNull(type, "type");
        host = host == null ? "" : host.trim();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (type != Type.NONE) {
            if (host.isEmpty()) {
                throw new IllegalArgumentException("A " + type + " proxy needs a host");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Proxy port must be 1..65535, got " + port);
            }
        }
    }

    public static ProxyOptions http(String host, int port) {
        return new ProxyOptions(Type.HTTP, host, port, "", "");
    }

    public static ProxyOptions socks5(String host, int port) {
        return new ProxyOptions(Type.SOCKS5, host, port, "", "");
    }

    public ProxyOptions withCredentials(String user, String pass) {
        return new ProxyOptions(type, host, port, user, pass);
    }

    public boolean enabled() {
        return type != Type.NONE;
    }

    public boolean hasCredentials() {
        return !username.isEmpty();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return type == Type.NONE ? "no proxy"
                : type + " proxy " + host + ":" + port + (hasCredentials() ? " as " + username : "");
    }
}
