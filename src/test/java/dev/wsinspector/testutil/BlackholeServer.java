package dev.wsinspector.testutil;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port where TCP connects hang: a listening socket with backlog 1 that never accepts, its queue
 * filled by our own sockets, so the kernel drops further SYNs and a connect times out (measured on Linux).
 */
public final class BlackholeServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    public BlackholeServer() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            fillers.add(s);
            try {
                s.connect(server.getLocalSocketAddress(), 300);
            } catch (SocketTimeoutException full) {
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled up; cannot make connects hang here");
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
