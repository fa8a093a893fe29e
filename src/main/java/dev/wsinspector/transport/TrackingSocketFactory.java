package dev.wsinspector.transport;

import javax.net.SocketFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Hands the library's socket to the connection as soon as it exists, so a connect deadline or an abort can
 * close it (the only way to stop a blocking connect) and tell whether TCP got through. Java-WebSocket only
 * calls {@link #createSocket()}; the rest delegate for completeness.
 */
final class TrackingSocketFactory extends SocketFactory {

    private final SocketFactory delegate;
    private final Consumer<Socket> onCreated;

    TrackingSocketFactory(SocketFactory delegate, Consumer<Socket> onCreated) {
        this.delegate = delegate;
        this.onCreated = onCreated;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = delegate.createSocket();
        onCreated.accept(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
