package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.transport.LocalEchoServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The app's embedded echo server, always on one loopback port: a profile saved against it still points at it
 * after the app was restarted (the app itself asks for port 0, a new port each start).
 */
final class FixedPortEchoServer implements LocalServer {

    private final LocalEchoServer delegate = new LocalEchoServer();
    private final int port;

    FixedPortEchoServer(int port) {
        this.port = port;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public URI start(String host, int ignored) throws IOException {
        return delegate.start("127.0.0.1", port);
    }

    @Override
    public void stop() {
        delegate.stop();
    }

    @Override
    public Optional<URI> address() {
        return delegate.address();
    }

    @Override
    public int clientCount() {
        return delegate.clientCount();
    }

    @Override
    public void drainLog(List<String> into) {
        delegate.drainLog(into);
    }
}
