package dev.wsinspector.core.server;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The app's local echo server as the UI sees it (the implementation lives in transport and is wired in by the
 * app). All methods are safe to call from any thread; start and stop block briefly.
 */
public interface LocalServer {

    /** Binds {@code host}:{@code port} (0 = any free port) and starts echoing; returns the ws:// address. */
    URI start(String host, int port) throws IOException;

    /** Stops the server and disconnects its clients; does nothing when not running. */
    void stop();

    /** The address while running. */
    Optional<URI> address();

    int clientCount();

    /**
     * Moves the log lines written since the last call into {@code into} (connections, errors, message counts, and
     * "warning:" lines for each limit that closed or refused a client).
     */
    void drainLog(List<String> into);

    /** True for addresses other than loopback, which expose the server to the network. */
    static boolean isExposed(String host) {
        String h = host.trim();
        return !(h.equals("127.0.0.1") || h.equals("localhost") || h.equals("::1") || h.equals("[::1]")
                || h.startsWith("127."));
    }
}
