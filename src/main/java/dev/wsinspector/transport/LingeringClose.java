package dev.wsinspector.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends the echo server's TCP connections the polite way. Java-WebSocket's server closes a connection's socket as
 * soon as its close frame is written; if the client is still sending (say the rest of a message the server just
 * refused with 1009), that input is never read, and closing a socket with unread input makes the kernel answer
 * with a reset. The client library then often fails its own close reply with "connection reset" before its
 * reader has handled our close frame, and reports 1006 instead of the code and reason we sent (measured: 5 of 40
 * clients that sent 1 MiB over a 64 KiB limit).
 *
 * <p>So {@link #wrap} gives the library a channel whose {@code close()} only half-closes: it shuts down output
 * (our FIN follows the close frame), then reads and discards whatever the client still sends until the client
 * closes too, for at most {@code grace}, and only then closes the socket. This is the "lingering close" web
 * servers do after an error response. {@link #close()} ends every connection still lingering at once (the
 * server is stopping).
 */
final class LingeringClose implements AutoCloseable {

    /** How often lingering sockets are drained, and how much of their input one look reads at most. */
    private static final long POLL_MILLIS = 10;
    private static final int DRAIN_CHUNK = 64 * 1024;
    private static final int MAX_CHUNKS_PER_LOOK = 16;

    private final long graceNanos;
    private final Set<Lingering> lingering = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "echo-server-linger");
        t.setDaemon(true);
        return t;
    });
    private final ByteBuffer scratch = ByteBuffer.allocate(DRAIN_CHUNK); // poller thread only

    LingeringClose(Duration grace) {
        this.graceNanos = grace.toNanos();
        poller.scheduleWithFixedDelay(this::drainAll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The channel to hand the library for {@code socket}: reads and writes go straight through. */
    ByteChannel wrap(SocketChannel socket) {
        return new Channel(socket);
    }

    /** Closes every connection still lingering, and stops. */
    @Override
    public void close() {
        poller.shutdownNow();
        for (Lingering l : lingering) {
            closeQuietly(l.socket);
        }
        lingering.clear();
    }

    /** Connections whose close is still under way (tests). */
    int lingeringCount() {
        return lingering.size();
    }

    private void drainAll() {
        long now = System.nanoTime();
        for (Lingering l : lingering) {
            if (drain(l.socket) || now - l.since > graceNanos) {
                lingering.remove(l);
                closeQuietly(l.socket);
            }
        }
    }

    /** Reads and drops what is waiting; true when the client has closed its side (or the socket broke). */
    private boolean drain(SocketChannel socket) {
        try {
            for (int i = 0; i < MAX_CHUNKS_PER_LOOK; i++) {
                scratch.clear();
                int n = socket.read(scratch);
                if (n < 0) {
                    return true;
                }
                if (n == 0) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway: nothing else to release
        }
    }

    private record Lingering(SocketChannel socket, long since) {
    }

    private final class Channel implements ByteChannel {
        private final SocketChannel socket;
        private volatile boolean closed;

        Channel(SocketChannel socket) {
            this.socket = socket;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return socket.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return socket.write(src);
        }

        @Override
        public boolean isOpen() {
            return !closed && socket.isOpen();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!socket.isOpen()) {
                return;
            }
            try {
                socket.shutdownOutput();
            } catch (IOException e) {
                closeQuietly(socket); // already broken: nothing to be polite about
                return;
            }
            if (poller.isShutdown()) {
                closeQuietly(socket);
            } else {
                lingering.add(new Lingering(socket, System.nanoTime()));
            }
        }
    }
}
