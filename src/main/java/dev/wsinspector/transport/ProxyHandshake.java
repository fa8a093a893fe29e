package dev.wsinspector.transport;

import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.HttpHeader;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy's side of the upgrade: reading a head, the request forwarded upstream (the client's headers in
 * order, {@code Host} for the upstream, then the rewrite rules), the upstream socket (TLS exactly as the app's
 * own client: {@link TlsContexts} or the verified default, host name checked unless insecure or pinned, SNI),
 * and the answers the proxy makes itself (502).
 */
final class ProxyHandshake {

    /** The largest request or response head read. */
    static final int MAX_HEAD = 16 * 1024;

    /** The head was over {@link #MAX_HEAD}. */
    static final class HeadTooLarge extends IOException {
        HeadTooLarge() {
            super("the head is over " + MAX_HEAD + " bytes");
        }
    }

    /** The TLS handshake with the upstream did not finish in time (TCP was connected). */
    static final class TlsTimeout extends IOException {
        TlsTimeout(Throwable cause) {
            super("the TLS handshake did not finish in time", cause);
        }
    }

    private ProxyHandshake() {
    }

    /** Reads one head byte by byte (the stream is buffered), or returns null at the end of the stream. */
    static HttpHead readHead(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        int b;
        int newlines = 0;
        while ((b = in.read()) >= 0) {
            bytes.write(b);
            if (b == '\n') {
                if (++newlines == 2) {
                    break;
                }
            } else if (b != '\r') {
                newlines = 0;
            }
            if (bytes.size() > MAX_HEAD) {
                throw new HeadTooLarge();
            }
        }
        if (b < 0) {
            return null;
        }
        byte[] head = bytes.toByteArray();
        return HttpHead.parse(ByteBuffer.wrap(head), 0, head.length);
    }

    /** True for a GET that asks to upgrade to WebSocket. */
    static boolean isUpgrade(HttpHead request) {
        String upgrade = request.header("Upgrade");
        return request.startLine().startsWith("GET ") && upgrade != null
                && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /**
     * The request target upstream: the upstream URL's path and query, and what the client asked for beyond
     * {@code /} appended to that path ({@code ws://up/api} + client {@code /chat?x=1} = {@code /api/chat?x=1}).
     */
    static String target(URI upstream, String clientTarget) {
        String path = upstream.getRawPath() == null || upstream.getRawPath().isEmpty() ? "/" : upstream.getRawPath();
        String query = upstream.getRawQuery();
        String base = path + (query == null ? "" : "?" + query);
        if (clientTarget == null || clientTarget.isEmpty() || clientTarget.equals("/") || !clientTarget.startsWith("/")) {
            return base;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (query == null || clientTarget.contains("?")) {
            return trimmed + clientTarget;
        }
        return trimmed + clientTarget + "?" + query;
    }

    /** The request target of a request line ({@code GET /x HTTP/1.1} → {@code /x}). */
    static String targetOf(String requestLine) {
        String[] parts = requestLine.split(" ");
        return parts.length >= 2 ? parts[1] : "/";
    }

    /** {@code host[:port]} as the Host header names the upstream (the port only when not the scheme's default). */
    static String authority(URI upstream) {
        String host = upstream.getHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = upstream.getPort();
        return port < 0 || port == defaultPort(upstream) ? host : host + ":" + port;
    }

    static int defaultPort(URI uri) {
        return "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static int port(URI uri) {
        return uri.getPort() < 0 ? defaultPort(uri) : uri.getPort();
    }

    /** The client's headers as sent upstream: {@code Host} replaced, then the request rules. */
    static List<HttpHeader> upstreamHeaders(List<HttpHeader> client, URI upstream, List<HeaderRule> rules) {
        List<HttpHeader> headers = new ArrayList<>(client.size() + 1);
        boolean host = false;
        for (HttpHeader h : client) {
            if (h.is("Host")) {
                if (!host) {
                    headers.add(new HttpHeader(h.name(), authority(upstream)));
                    host = true;
                }
            } else {
                headers.add(h);
            }
        }
        if (!host) {
            headers.add(0, new HttpHeader("Host", authority(upstream)));
        }
        return HeaderRule.apply(rules, HeaderRule.Side.REQUEST, headers);
    }

    static byte[] head(String startLine, List<HttpHeader> headers) {
        StringBuilder sb = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> sb.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens the upstream socket, TLS handshake included for {@code wss://}. */
    static Socket dial(ConnectionOptions upstream, SSLContext tls) throws IOException {
        URI uri = upstream.uri();
        String host = uri.getHost();
        int port = port(uri);
        int timeout = (int) Math.min(Integer.MAX_VALUE, Math.max(1, upstream.connectTimeout().toMillis()));
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeout);
            if (!"wss".equalsIgnoreCase(uri.getScheme())) {
                return socket;
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, host, port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(upstream.insecure() || upstream.tls().pinned() ? null : "HTTPS");
            if (!(host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
                try {
                    parameters.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException notAnSniName) {
                    // connect without SNI rather than fail, as the client does
                }
            }
            ssl.setSSLParameters(parameters);
            ssl.setSoTimeout(timeout);
            try {
                ssl.startHandshake();
            } catch (java.net.SocketTimeoutException e) {
                throw new TlsTimeout(e);
            }
            return ssl;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Answers the client with {@code status} and a one-line text body, then the socket is to be closed. */
    static byte[] answer(int status, String reason, String message) {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        return (("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n") + message + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
