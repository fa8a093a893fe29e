package dev.wsinspector.transport;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One accepted socket of a {@link MockServer}, between the library and the socket: the faults the library cannot
 * show. It answers a refused upgrade with any HTTP status (the library only knows 404 and 500: its own answer is
 * swallowed), stops reading for a while (backpressure: the key loses {@code OP_READ}, and reads return nothing
 * even when the library turns it back on), and cuts the TCP connection without a close frame.
 */
final class MockGate implements ByteChannel {

    private final SocketChannel socket;
    private final SelectionKey key;
    private final ByteChannel inner;
    private volatile boolean swallow;
    private volatile long pausedUntil;

    MockGate(SocketChannel socket, SelectionKey key, ByteChannel inner) {
        this.socket = socket;
        this.key = key;
        this.inner = inner;
    }

    /** Writes the refusal before anything else and drops whatever the library writes after it. */
    void refuse(int status) {
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        swallow = true;
        try {
            socket.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII))); // nothing else went out yet
            socket.shutdownOutput(); // the library would leave a refused connection open until its timeout
        } catch (IOException e) {
            // the client is gone already
        }
    }

    /** Reads nothing for {@code millis}; {@link #resume} (scheduled by the server) reads again. */
    void pause(long millis) {
        pausedUntil = System.nanoTime() + millis * 1_000_000L;
        setReading(false);
    }

    void resume() {
        pausedUntil = 0;
        setReading(true);
    }

    /** Cuts the connection at once: no close frame, a reset (SO_LINGER 0) rather than an orderly FIN. */
    void drop() {
        try {
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | UnsupportedOperationException e) {
            // closing is what matters
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
        // A channel registered with a selector is only really closed at the selector's next round.
        key.selector().wakeup();
    }

    private void setReading(boolean on) {
        try {
            key.interestOps(on ? key.interestOps() | SelectionKey.OP_READ : key.interestOps() & ~SelectionKey.OP_READ);
            key.selector().wakeup();
        } catch (CancelledKeyException e) {
            // closed meanwhile
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long until = pausedUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            setReading(false); // the library turns reading back on whenever its queue drains
            return 0;
        }
        return inner.read(dst);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (swallow) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }
        return inner.write(src);
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Refused";
        };
    }
}
