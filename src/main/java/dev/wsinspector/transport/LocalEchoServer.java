package dev.wsinspector.transport;

import dev.wsinspector.core.server.LocalServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The app's {@link LocalServer}: an {@link EchoServer} that can be stopped and started again on another
 * address, with a log the UI drains on its pulse (server threads only enqueue lines). It runs with the
 * {@link EchoServer}'s default limits (outgoing queue, handshake timeout, header size, connections).
 */
public final class LocalEchoServer implements LocalServer {

    private static final int LOG_QUEUE_LIMIT = 2_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private EchoServer server;

    @Override
    public synchronized URI start(String host, int port) throws IOException {
        stop();
        EchoServer next = EchoServer.builder().host(host).port(port).deflate(true).listener(new LogListener()).build();
        URI uri = next.start();
        server = next;
        write("listening on " + uri);
        return uri;
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
            write("stopped");
        }
    }

    @Override
    public synchronized Optional<URI> address() {
        return server == null ? Optional.empty() : Optional.of(server.uri());
    }

    @Override
    public synchronized int clientCount() {
        return server == null ? 0 : server.clientCount();
    }

    @Override
    public void drainLog(List<String> into) {
        for (String line = log.poll(); line != null; line = log.poll()) {
            queued.decrementAndGet();
            into.add(line);
        }
    }

    private void write(String line) {
        log.add(LocalTime.now().format(CLOCK) + "  " + line);
        // Many clients and nobody draining must not grow the queue without bound; the oldest lines go first.
        if (queued.incrementAndGet() > LOG_QUEUE_LIMIT && log.poll() != null) {
            queued.decrementAndGet();
        }
    }

    private final class LogListener implements EchoServer.Listener {
        /** Messages echoed per client: logged once when the client leaves, not once per message (floods). */
        private final Map<InetSocketAddress, LongAdder> echoed = new ConcurrentHashMap<>();

        @Override
        public void onClientConnected(InetSocketAddress remote) {
            echoed.put(remote, new LongAdder());
            write("client :" + remote.getPort() + " connected");
        }

        @Override
        public void onClientDisconnected(InetSocketAddress remote, int code, String reason) {
            LongAdder count = remote == null ? null : echoed.remove(remote);
            write("client :" + (remote == null ? "?" : remote.getPort()) + " left (" + code
                    + (reason == null || reason.isEmpty() ? "" : " " + reason) + ") after "
                    + (count == null ? 0 : count.sum()) + " messages");
        }

        @Override
        public void onMessage(InetSocketAddress remote, boolean text, byte[] payload) {
            LongAdder count = echoed.get(remote);
            if (count != null) {
                count.increment();
            }
        }

        @Override
        public void onError(String message) {
            write("error: " + message);
        }

        @Override
        public void onWarning(String message) {
            write("warning: " + message); // and EchoServer puts it in the app's log file
        }
    }
}
