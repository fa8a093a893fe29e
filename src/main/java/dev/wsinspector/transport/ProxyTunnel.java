package dev.wsinspector.transport;

import dev.wsinspector.core.session.ProxyOptions;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Opens the TCP path to the server through a proxy: an HTTP {@code CONNECT} tunnel (RFC 9110 9.3.6) or
 * SOCKS5 (RFC 1928, user/password per RFC 1929), then TLS inside it for {@code wss://}. Done here rather than
 * with {@code java.net.Proxy}: the JDK has no HTTP CONNECT for plain sockets, takes SOCKS credentials only from
 * the process-wide {@code Authenticator}, and its errors do not say which proxy step failed.
 *
 * <p>The target's host name goes to the proxy unresolved (the proxy does the DNS lookup, as browsers do).
 */
final class ProxyTunnel {

    /** A proxy step failed; the message names the proxy and says what it answered. */
    static final class ProxyException extends IOException {
        ProxyException(String message) {
            super(message);
        }

        ProxyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int MAX_RESPONSE_HEAD = 16 * 1024;

    private ProxyTunnel() {
    }

    /**
     * A socket factory whose {@link #createSocket()} returns a socket already connected to the target through
     * the proxy (the library then skips its own connect), wrapped in TLS when {@code tls} is given.
     */
    static SocketFactory factory(ProxyOptions proxy, String host, int port, Duration timeout, SSLSocketFactory tls,
                                 Consumer<Socket> rawSocketCreated) {
        return new SocketFactory() {
            @Override
            public Socket createSocket() throws IOException {
                Socket raw = new Socket();
                // Handed over before connecting, so a deadline or an abort can close it mid-handshake.
                rawSocketCreated.accept(raw);
                open(raw, proxy, host, port, timeout);
                return tls == null ? raw : tls.createSocket(raw, host, port, true);
            }

            @Override
            public Socket createSocket(String h, int p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String h, int p, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress h, int p) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress a, int p, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Connects {@code socket} to the proxy and asks it for a tunnel to {@code host:port}. */
    static void open(Socket socket, ProxyOptions proxy, String host, int port, Duration timeout) throws IOException {
        String name = proxyName(proxy);
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), millis);
        } catch (IOException e) {
            throw new ProxyException("Cannot reach " + name + ": " + Failures.oneLine(e), e);
        }
        socket.setSoTimeout(millis);
        try {
            if (proxy.type() == ProxyOptions.Type.HTTP) {
                httpConnect(socket, proxy, name, host, port);
            } else {
                socks5(socket, proxy, name, host, port);
            }
        } catch (ProxyException e) {
            throw e;
        } catch (IOException e) {
            throw new ProxyException(name + " failed during the tunnel set-up: " + Failures.oneLine(e), e);
        }
        socket.setSoTimeout(0);
    }

    private static String proxyName(ProxyOptions proxy) {
        return (proxy.type() == ProxyOptions.Type.HTTP ? "HTTP proxy " : "SOCKS5 proxy ") + proxy.host() + ":" + proxy.port();
    }

    private static void httpConnect(Socket socket, ProxyOptions proxy, String name, String host, int port)
            throws IOException {
        String authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        StringBuilder request = new StringBuilder()
                .append("CONNECT ").append(authority).append(" HTTP/1.1\r\n")
                .append("Host: ").append(authority).append("\r\n");
        if (proxy.hasCredentials()) {
            String token = Base64.getEncoder().encodeToString(
                    (proxy.username() + ":" + proxy.password()).getBytes(StandardCharsets.UTF_8));
            request.append("Proxy-Authorization: Basic ").append(token).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // Read byte by byte up to the blank line: anything after it already belongs to the tunnel.
        String head = readHead(socket.getInputStream(), name);
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ", 3);
        int status = parts.length >= 2 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
        if (status / 100 != 2) {
            String hint = status == 407 ? (proxy.hasCredentials() ? " (the proxy credentials were refused)"
                    : " (the proxy wants a user name and password)") : "";
            throw new ProxyException(name + " refused the tunnel to " + authority + ": "
                    + (status == 0 ? "'" + statusLine + "'" : statusLine) + hint);
        }
    }

    private static String readHead(InputStream in, String name) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0D0A0D0A) {
            int b = in.read();
            if (b < 0) {
                throw new ProxyException(name + " closed the connection before answering CONNECT");
            }
            head.write(b);
            last4 = last4 << 8 | b;
            if (head.size() > MAX_RESPONSE_HEAD) {
                throw new ProxyException(name + " sent an over-long answer to CONNECT");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void socks5(Socket socket, ProxyOptions proxy, String name, String host, int port)
            throws IOException {
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        // Greeting: version 5, the methods we offer (0 = none, 2 = user/password).
        out.write(proxy.hasCredentials() ? new byte[]{5, 2, 0, 2} : new byte[]{5, 1, 0});
        out.flush();
        int version = readByte(in, name);
        int method = readByte(in, name);
        if (version != 5) {
            throw new ProxyException(name + " is not a SOCKS5 proxy (answered version " + version + ")");
        }
        if (method == 2) {
            if (!proxy.hasCredentials()) {
                throw new ProxyException(name + " wants a user name and password");
            }
            byte[] user = proxy.username().getBytes(StandardCharsets.UTF_8);
            byte[] pass = proxy.password().getBytes(StandardCharsets.UTF_8);
            if (user.length > 255 || pass.length > 255) {
                throw new ProxyException("SOCKS5 user names and passwords are at most 255 bytes");
            }
            ByteArrayOutputStream auth = new ByteArrayOutputStream();
            auth.write(1);
            auth.write(user.length);
            auth.writeBytes(user);
            auth.write(pass.length);
            auth.writeBytes(pass);
            out.write(auth.toByteArray());
            out.flush();
            readByte(in, name);
            if (readByte(in, name) != 0) {
                throw new ProxyException(name + " refused the user name and password");
            }
        } else if (method == 0xFF) {
            throw new ProxyException(name + " accepts none of our authentication methods"
                    + (proxy.hasCredentials() ? "" : " (it may want a user name and password)"));
        } else if (method != 0) {
            throw new ProxyException(name + " chose an unknown authentication method " + method);
        }
        byte[] hostBytes = host.getBytes(StandardCharsets.UTF_8);
        if (hostBytes.length > 255) {
            throw new ProxyException("Host name too long for SOCKS5: " + host);
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(new byte[]{5, 1, 0, 3, (byte) hostBytes.length}); // CONNECT, by domain name
        request.writeBytes(hostBytes);
        request.write(port >> 8);
        request.write(port & 0xFF);
        out.write(request.toByteArray());
        out.flush();
        readByte(in, name);
        int reply = readByte(in, name);
        readByte(in, name);
        int addressType = readByte(in, name);
        if (reply != 0) {
            throw new ProxyException(name + " could not connect to " + host + ":" + port + ": " + socksReply(reply));
        }
        int addressLength = switch (addressType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readByte(in, name);
            default -> throw new ProxyException(name + " answered with an unknown address type " + addressType);
        };
        in.readFully(new byte[addressLength + 2]); // bound address and port: not needed
    }

    private static int readByte(DataInputStream in, String name) throws IOException {
        try {
            return in.readUnsignedByte();
        } catch (EOFException e) {
            throw new ProxyException(name + " closed the connection during the SOCKS5 handshake");
        }
    }

    private static String socksReply(int code) {
        return switch (code) {
            case 1 -> "general failure";
            case 2 -> "not allowed by the proxy's rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "error " + code;
        };
    }
}
