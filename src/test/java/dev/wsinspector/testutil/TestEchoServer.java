package dev.wsinspector.testutil;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stock Java-WebSocket server on loopback that echoes text and binary (test-only; the app's own echo server
 * is tested separately). Optional permessage-deflate, subprotocols and TLS.
 */
public final class TestEchoServer extends WebSocketServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);
    private final boolean secure;

    /** Subject of the client certificate the last TLS client presented, when the server asked for one. */
    private volatile String peerSubject;

    private TestEchoServer(Draft draft, SSLContext tls, boolean needClientAuth) {
        super(new InetSocketAddress("127.0.0.1", 0), List.of(draft));
        this.secure = tls != null;
        if (tls != null && needClientAuth) {
            javax.net.ssl.SSLParameters parameters = new javax.net.ssl.SSLParameters();
            parameters.setNeedClientAuth(true);
            setWebSocketFactory(new org.java_websocket.server.SSLParametersWebSocketServerFactory(tls, parameters));
        } else if (tls != null) {
            setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        }
        setReuseAddr(true);
        setDaemon(true);
    }

    /** Starts a server; {@code subprotocols} may be empty; {@code tls} null for ws://. */
    public static TestEchoServer launch(boolean deflate, List<String> subprotocols, SSLContext tls) throws InterruptedException {
        return launch(deflate, subprotocols, tls, false);
    }

    /** A wss:// echo that refuses clients without a certificate its {@code tls} context trusts. */
    public static TestEchoServer launchRequiringClientCertificate(SSLContext tls) throws InterruptedException {
        return launch(false, List.of(), tls, true);
    }

    private static TestEchoServer launch(boolean deflate, List<String> subprotocols, SSLContext tls,
                                         boolean needClientAuth) throws InterruptedException {
        List<IExtension> extensions = deflate ? List.of(new PerMessageDeflateExtension()) : List.of();
        List<IProtocol> protocols = new ArrayList<>();
        subprotocols.forEach(p -> protocols.add(new Protocol(p)));
        protocols.add(new Protocol(""));
        TestEchoServer server = new TestEchoServer(new Draft_6455(extensions, protocols), tls, needClientAuth);
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("echo server did not start");
        }
        return server;
    }

    public static TestEchoServer launch() throws InterruptedException {
        return launch(false, List.of(), null);
    }

    public URI uri(String host) {
        return URI.create((secure ? "wss://" : "ws://") + host + ":" + getPort() + "/echo");
    }

    public URI uri() {
        return uri("127.0.0.1");
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        if (secure) {
            try {
                peerSubject = conn.getSSLSession().getPeerPrincipal().getName();
            } catch (Exception e) {
                peerSubject = null; // the client presented no certificate (none was asked for)
            }
        }
    }

    public String peerSubject() {
        return peerSubject;
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        // The plain library server can lose a write wake-up (see EchoServerWriteWatchdog): cover it here too.
        watchdog = dev.wsinspector.transport.EchoServerWriteWatchdog.watch(this);
        started.countDown();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            stop(2000);
        } finally {
            if (watchdog != null) {
                watchdog.close();
            }
        }
    }

    private volatile dev.wsinspector.transport.EchoServerWriteWatchdog watchdog;
}
