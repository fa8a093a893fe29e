package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.transport.deflate.PermessageDeflateDraft;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link EchoServerWriteWatchdog} against the lost write wake-up in Java-WebSocket's server. The race needs
 * the selector thread to stall between seeing its send queue empty and clearing OP_WRITE; this server's
 * connections stall it there for a millisecond (the library calls {@code isFlushAndClose()} at exactly that
 * point), which without the watchdog strands a burst of echoes in about one round in seven.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerWriteWatchdogTest {

    private static final int ROUNDS = 10;
    private static final int BURST = 20;

    @Test
    void everyEchoOfABurstArrivesThoughTheSelectorStallsAfterEachBatch() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            burstComesBack(new Draft_6455(), new Draft_6455());
            burstComesBack(new PermessageDeflateDraft(), new PermessageDeflateDraft());
        }
    }

    private static void burstComesBack(Draft serverDraft, Draft clientDraft) throws Exception {
        StallingEchoServer server = new StallingEchoServer(serverDraft);
        server.start();
        assertThat(server.started.await(10, TimeUnit.SECONDS)).as("server started").isTrue();
        EchoServerWriteWatchdog watchdog = EchoServerWriteWatchdog.watch(server);
        Client client = new Client(URI.create("ws://127.0.0.1:" + server.getPort() + "/"), clientDraft);
        try {
            assertThat(client.connectBlocking(10, TimeUnit.SECONDS)).as("connected").isTrue();
            for (int i = 0; i < BURST; i++) {
                client.send("message " + i + " " + "x".repeat(200));
            }
            for (int i = 0; i < BURST; i++) {
                assertThat(client.received.poll(10, TimeUnit.SECONDS))
                        .as("echo %d of %d", i + 1, BURST).isEqualTo("message " + i + " " + "x".repeat(200));
            }
        } finally {
            client.closeBlocking();
            watchdog.close();
            server.stop(1000);
        }
    }

    /** Echoes text; its selector thread stalls at the end of every write batch. */
    private static final class StallingEchoServer extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        private volatile Thread selector;

        StallingEchoServer(Draft draft) {
            super(new InetSocketAddress("127.0.0.1", 0), 1, List.of(draft));
            setReuseAddr(true);
            setDaemon(true);
            setConnectionLostTimeout(0);
            setWebSocketFactory(new DefaultWebSocketServerFactory() {
                @Override
                public WebSocketImpl createWebSocket(WebSocketAdapter a, List<Draft> d) {
                    return new WebSocketImpl(a, d) {
                        @Override
                        public boolean isFlushAndClose() {
                            if (Thread.currentThread() == selector) {
                                stall(); // batch() saw the queue empty; interestOps(OP_READ) is next
                            }
                            return super.isFlushAndClose();
                        }
                    };
                }
            });
        }

        private static void stall() {
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void onStart() {
            selector = Thread.currentThread();
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            conn.send(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }
    }

    private static final class Client extends WebSocketClient {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        Client(URI uri, Draft draft) {
            super(uri, draft);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
