package dev.wsinspector.transport;

import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Session;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One client's upgrade through the proxy (for {@link ProxiedConnection}): reads the client's request, dials the
 * upstream and passes the request on (through {@link ProxyHandshake}), passes the answer back, and records the
 * legs' events: both opened, or why not. When the upstream cannot be reached it answers 502 itself; a refusal
 * from the upstream is passed on as it was; a head over the limit gets 431, anything but an upgrade 400.
 */
final class ProxyUpgrade {

    /** The upgrade went through: the upstream socket, its buffered input, the extensions the client was told. */
    record Upgraded(Socket upstream, InputStream upstreamIn, String acceptedExtensions) {
    }

    private final InterceptingProxy proxy;
    private final Socket clientSocket;
    private final InputStream clientIn;
    private final ProxiedClient client;
    private volatile Socket upstreamSocket;

    ProxyUpgrade(InterceptingProxy proxy, Socket clientSocket, InputStream clientIn, ProxiedClient client) {
        this.proxy = proxy;
        this.clientSocket = clientSocket;
        this.clientIn = clientIn;
        this.client = client;
    }

    /** The upstream socket once dialled (also when the upgrade failed after), for the teardown to close. */
    Socket upstreamSocket() {
        return upstreamSocket;
    }

    /** Passes the upgrade on; null when the connection ends here (answered, refused or gone), else the sockets. */
    Upgraded run() throws IOException {
        clientSocket.setTcpNoDelay(true);
        clientSocket.setSoTimeout((int) Math.max(1, proxy.settings().upstream().connectTimeout().toMillis()));
        HttpHead request;
        try {
            request = ProxyHandshake.readHead(clientIn);
        } catch (ProxyHandshake.HeadTooLarge e) {
            refuse(431, "Request Header Fields Too Large", "The upgrade request's head is over "
                    + ProxyHandshake.MAX_HEAD + " bytes", null);
            return null;
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (request == null) {
            return null;
        }
        if (!ProxyHandshake.isUpgrade(request)) {
            refuse(400, "Bad Request", "This is a WebSocket proxy: send a WebSocket upgrade (GET with Upgrade: websocket)",
                    null);
            return null;
        }
        var upstream = proxy.settings().upstream();
        String target = ProxyHandshake.target(upstream.uri(), ProxyHandshake.targetOf(request.startLine()));
        String requestLine = "GET " + target + " HTTP/1.1";
        List<HttpHeader> upHeaders = ProxyHandshake.upstreamHeaders(request.headers(), upstream.uri(),
                proxy.settings().headerRules());
        Session server = client.serverLeg();
        server.onEvent(new ConnectionEvent.Connecting(micros(server), 0, upstream.uri().toString()));
        Socket up;
        try {
            up = ProxyHandshake.dial(upstream, proxy.tls());
        } catch (ProxyHandshake.TlsTimeout e) {
            Failures.Failure f = Failures.ofDeadline(upstream.connectTimeout(), upstream.uri().getHost(),
                    ProxyHandshake.port(upstream.uri()), true, true);
            failUpstream(request, f.kind(), f.message(), null);
            return null;
        } catch (IOException | RuntimeException e) {
            Failures.Failure f = Failures.ofConnectError(e, upstream.uri().getHost(), ProxyHandshake.port(upstream.uri()));
            failUpstream(request, f.kind(), f.message(), null);
            return null;
        }
        upstreamSocket = up;
        InputStream upIn = new BufferedInputStream(up.getInputStream(), 64 * 1024);
        HttpHead response;
        try {
            ProxyHandshake.write(up.getOutputStream(), ProxyHandshake.head(requestLine, upHeaders));
            response = ProxyHandshake.readHead(upIn);
        } catch (SocketTimeoutException e) {
            Failures.Failure f = Failures.ofDeadline(upstream.connectTimeout(), upstream.uri().getHost(),
                    ProxyHandshake.port(upstream.uri()), true, false);
            failUpstream(request, f.kind(), f.message(), null);
            return null;
        } catch (IOException e) {
            failUpstream(request, FailureKind.CONNECTION_LOST, "The upstream " + ProxyHandshake.authority(upstream.uri())
                    + " failed during the upgrade: " + Failures.oneLine(e), null);
            return null;
        }
        if (response == null) {
            failUpstream(request, FailureKind.CONNECTION_LOST, "The upstream " + ProxyHandshake.authority(upstream.uri())
                    + " closed the connection without answering the upgrade", null);
            return null;
        }
        List<HttpHeader> toClient = HeaderRule.apply(proxy.settings().headerRules(),
                HeaderRule.Side.RESPONSE, response.headers());
        Handshake serverHandshake = new Handshake(requestLine, upHeaders, response.statusCode(), response.startLine(),
                response.headers(), new byte[0]);
        Handshake clientHandshake = new Handshake(request.startLine(), request.headers(), response.statusCode(),
                response.startLine(), toClient, new byte[0]);
        if (response.statusCode() != 101) {
            byte[] body = readBody(upIn, response);
            ProxyHandshake.write(clientSocket.getOutputStream(), ProxyHandshake.head(response.startLine(), toClient));
            clientSocket.getOutputStream().write(body);
            clientSocket.getOutputStream().flush();
            String message = "The upstream refused the upgrade: " + response.startLine();
            Handshake refused = new Handshake(requestLine, upHeaders, response.statusCode(), response.startLine(),
                    response.headers(), body);
            server.onEvent(new ConnectionEvent.Failed(micros(server), 0, FailureKind.HANDSHAKE_REJECTED, message, refused));
            Session c = client.clientLeg();
            c.onEvent(new ConnectionEvent.Failed(micros(c), 0, FailureKind.HANDSHAKE_REJECTED, message,
                    new Handshake(request.startLine(), request.headers(), response.statusCode(), response.startLine(),
                            toClient, body)));
            proxy.fire(l -> l.upstreamFailed(client, message));
            return null;
        }
        ProxyHandshake.write(clientSocket.getOutputStream(), ProxyHandshake.head(response.startLine(), toClient));
        clientSocket.setSoTimeout(0);
        up.setSoTimeout(0);
        server.onEvent(new ConnectionEvent.Opened(micros(server), 0, upstream.uri().toString(), serverHandshake));
        Session c = client.clientLeg();
        c.onEvent(new ConnectionEvent.Opened(micros(c), 0, proxy.addressText(), clientHandshake));
        return new Upgraded(up, upIn, clientHandshake.extensions().orElse(null));
    }

    private static byte[] readBody(InputStream in, HttpHead response) {
        try {
            long length = response.contentLength().orElse(0);
            return in.readNBytes((int) Math.min(length, 1 << 20));
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private void failUpstream(HttpHead request, FailureKind kind, String message, Handshake handshake) throws IOException {
        Session server = client.serverLeg();
        server.onEvent(new ConnectionEvent.Failed(micros(server), 0, kind, message, handshake));
        refuse(502, "Bad Gateway", message, request);
        proxy.fire(l -> l.upstreamFailed(client, message));
    }

    /** Answers the client with an HTTP error itself and ends the connection. */
    private void refuse(int status, String reason, String message, HttpHead request) throws IOException {
        byte[] answer = ProxyHandshake.answer(status, reason, message);
        Session c = client.clientLeg();
        if (request != null) {
            HttpHead parsed = HttpHead.parse(ByteBuffer.wrap(answer), 0, answer.length);
            c.onEvent(new ConnectionEvent.Failed(micros(c), 0, FailureKind.HANDSHAKE_REJECTED, message,
                    new Handshake(request.startLine(), request.headers(), status, parsed.startLine(), parsed.headers(),
                            (message + "\n").getBytes(StandardCharsets.UTF_8))));
        }
        ProxyHandshake.write(clientSocket.getOutputStream(), answer);
        lingerBeforeClose();
    }

    /**
     * Half-closes and reads what the client still sends (up to 1 MiB, 1 s) before the socket is closed: closing
     * with unread input sends a reset, which can destroy our answer before the client reads it.
     */
    private void lingerBeforeClose() {
        try {
            clientSocket.shutdownOutput();
            clientSocket.setSoTimeout(1_000);
            InputStream in = clientIn;
            byte[] sink = new byte[8192];
            long total = 0;
            int n;
            while (total < (1 << 20) && (n = in.read(sink)) >= 0) {
                total += n;
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static long micros(Session s) {
        var clock = s.frames().clock();
        return clock.epochMicrosAt(clock.nanoTime());
    }
}
