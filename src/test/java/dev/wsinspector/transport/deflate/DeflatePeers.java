package dev.wsinspector.transport.deflate;

import dev.wsinspector.transport.EchoServerWriteWatchdog;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;

/** Real Java-WebSocket peers for the permessage-deflate tests, all on 127.0.0.1. */
final class DeflatePeers {

    static final long WAIT_SECONDS = 10;

    private DeflatePeers() {
    }

    /** Takes the next message (String or byte[]) or fails after a bounded wait. */
    static Object next(BlockingQueue<Object> queue) throws InterruptedException {
        Object message = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT_SECONDS + " s");
        }
        return message;
    }

    static IExtension negotiatedExtension(WebSocket socket) {
        return ((Draft_6455) ((org.java_websocket.WebSocketImpl) socket).getDraft()).getExtension();
    }

    /** A server that records what it receives and can echo it back. */
    static final class RecordingServer extends WebSocketServer {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<WebSocket> firstClient = new CompletableFuture<>();
        final CompletableFuture<Integer> firstCloseCode = new CompletableFuture<>();
        private final CountDownLatch started = new CountDownLatch(1);
        private final boolean echo;
        /** The library can strand an echo in its send queue; see EchoServerWriteWatchdog. */
        private volatile EchoServerWriteWatchdog watchdog;

        RecordingServer(Draft draft, boolean echo) {
            super(new InetSocketAddress("127.0.0.1", 0), 1, List.of(draft));
            this.echo = echo;
            setReuseAddr(true);
            setDaemon(true);
            setConnectionLostTimeout(0);
        }

        RecordingServer startAndWait() throws InterruptedException {
            start();
            if (!started.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("server did not start");
            }
            return this;
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + getPort() + "/");
        }

        void stopQuietly() {
            try {
                stop(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                EchoServerWriteWatchdog w = watchdog;
                if (w != null) {
                    w.close();
                }
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            firstClient.complete(conn);
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            firstCloseCode.complete(code);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
            if (echo) {
                conn.send(message);
            }
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            byte[] bytes = new byte[message.remaining()];
            message.get(bytes);
            received.add(bytes);
            if (echo) {
                conn.send(bytes);
            }
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // a failing connection shows up as its close code, which the tests check
        }

        @Override
        public void onStart() {
            watchdog = EchoServerWriteWatchdog.watch(this);
            started.countDown();
        }
    }

    /** A client that records what it receives. */
    static final class RecordingClient extends WebSocketClient {
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        volatile ServerHandshake handshake;

        RecordingClient(URI uri, Draft draft) {
            super(uri, draft);
            setConnectionLostTimeout(0);
        }

        RecordingClient connectOrFail() throws InterruptedException {
            if (!connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("client could not connect to " + getURI());
            }
            return this;
        }

        @Override
        public void onOpen(ServerHandshake handshakedata) {
            handshake = handshakedata;
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            received.add(copy);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode.complete(code);
        }

        @Override
        public void onError(Exception ex) {
            // reported through the close code
        }
    }

    /** One frame as written to the wire. */
    record WireFrame(int opcode, boolean fin, boolean rsv1, int payloadLength) {
    }

    /** A {@link PermessageDeflateDraft} that records the header of every frame it writes. */
    static final class SpyDraft extends PermessageDeflateDraft {
        final List<WireFrame> sent;

        SpyDraft(IExtension extension) {
            this(List.of(extension), Collections.synchronizedList(new ArrayList<>()));
        }

        private SpyDraft(List<IExtension> extensions, List<WireFrame> sent) {
            super(extensions);
            this.sent = sent;
        }

        @Override
        public ByteBuffer createBinaryFrame(org.java_websocket.framing.Framedata framedata) {
            ByteBuffer wire = super.createBinaryFrame(framedata);
            int b0 = wire.get(wire.position()) & 0xff;
            int len7 = wire.get(wire.position() + 1) & 0x7f;
            int length = len7 < 126 ? len7
                    : len7 == 126 ? wire.getShort(wire.position() + 2) & 0xffff
                    : (int) wire.getLong(wire.position() + 2);
            sent.add(new WireFrame(b0 & 0x0f, (b0 & 0x80) != 0, (b0 & 0x40) != 0, length));
            return wire;
        }

        /** Payload lengths of the data frames written so far (text, binary, continuation). */
        List<Integer> dataFrameLengths() {
            synchronized (sent) {
                return sent.stream().filter(f -> f.opcode() <= 2).map(WireFrame::payloadLength).toList();
            }
        }

        List<WireFrame> dataFrames() {
            synchronized (sent) {
                return sent.stream().filter(f -> f.opcode() <= 2).toList();
            }
        }

        @Override
        public Draft copyInstance() {
            return new SpyDraft(copyExtensions(), sent);
        }
    }
}
