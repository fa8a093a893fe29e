package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.testutil.RawWebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@link EchoServer}'s limits against raw clients on 127.0.0.1, each with the limit made small so it bites at
 * once: the outgoing queue, the handshake timeout, the header cap, the connection cap and the masking rule.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerLimitsTest {

    private static final int READ_TIMEOUT = 10_000;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<RawWebSocketClient> clients = new ArrayList<>();
    private EchoServer server;

    @AfterEach
    void tearDown() throws IOException {
        for (RawWebSocketClient c : clients) {
            c.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    private URI start(EchoServer.Builder builder) throws IOException {
        server = builder.listener(new EchoServer.Listener() {
            @Override
            public void onWarning(String message) {
                warnings.add(message);
            }
        }).build();
        return server.start();
    }

    private RawWebSocketClient keep(RawWebSocketClient client) {
        clients.add(client);
        return client;
    }

    private static void assertEchoes(RawWebSocketClient client, String text) throws IOException {
        client.sendText(text, true);
        RawWebSocketClient.Frame echo = client.readFrame();
        assertThat(echo.firstByte()).isEqualTo(0x81);
        assertThat(echo.text()).isEqualTo(text);
    }

    @Test
    void anUnmaskedClientFrameIsAnsweredWithClose1002() throws Exception {
        URI uri = start(EchoServer.builder());
        RawWebSocketClient client = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        assertEchoes(client, "masked is fine");

        client.sendText("not masked", false);

        RawWebSocketClient.Frame close = client.readFrame();
        assertThat(close.firstByte()).as("FIN + close, not an echo").isEqualTo(0x88);
        assertThat(close.closeCode()).isEqualTo(1002);
        assertThat(new String(close.payload(), 2, close.payload().length - 2)).isEqualTo("unmasked frame from client");
        assertThat(client.readsEndOfStream()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> warnings.stream().anyMatch(w -> w.contains("1002")));
    }

    @Test
    void connectionsThatNeverFinishTheirUpgradeAreClosedOnTime() throws Exception {
        URI uri = start(EchoServer.builder().handshakeTimeout(Duration.ofMillis(400)));
        List<RawWebSocketClient> halfOpen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RawWebSocketClient c = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT));
            if (i % 2 == 0) {
                c.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes()); // half a head; the others send nothing
            }
            halfOpen.add(c);
        }
        RawWebSocketClient upgraded = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        long start = System.nanoTime();

        for (RawWebSocketClient c : halfOpen) {
            assertThat(c.readsEndOfStream()).as("closed by the server before the read timeout").isTrue();
        }
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(tookMillis).as("all closed within the timeout and a few sweeps").isLessThan(4_000);
        assertEchoes(upgraded, "an upgraded client is not affected");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> warnings.stream().anyMatch(w -> w.contains("no complete upgrade request within 400 ms")));
        assertThat(server.clientCount()).isEqualTo(1);
    }

    @Test
    void anUpgradeRequestOverTheHeaderCapGets431() throws Exception {
        URI uri = start(EchoServer.builder().maxHeaderBytes(1024));
        RawWebSocketClient big = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT));
        String head = big.upgrade("X-Padding: " + "p".repeat(2_000) + "\r\n");
        assertThat(head).startsWith("HTTP/1.1 431");
        assertThat(big.readsEndOfStream()).isTrue();

        RawWebSocketClient small = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT));
        assertThat(small.upgrade("X-Padding: " + "p".repeat(500) + "\r\n")).startsWith("HTTP/1.1 101");
        assertEchoes(small, "under the cap");
        await().atMost(Duration.ofSeconds(5)).until(() -> warnings.stream().anyMatch(w -> w.contains("431")));
    }

    @Test
    void pastTheConnectionCapAnUpgradeGets503UntilOneLeaves() throws Exception {
        URI uri = start(EchoServer.builder().maxConnections(2));
        RawWebSocketClient first = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        RawWebSocketClient second = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));

        RawWebSocketClient third = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT));
        assertThat(third.upgrade("")).startsWith("HTTP/1.1 503");
        assertThat(third.readsEndOfStream()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> warnings.stream().anyMatch(w -> w.contains("503")));
        assertEchoes(first, "the first two are served");
        assertEchoes(second, "as before");

        second.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (RawWebSocketClient again = RawWebSocketClient.connect(uri, READ_TIMEOUT)) {
                return again.upgrade("").startsWith("HTTP/1.1 101");
            }
        });
    }

    @Test
    void aClientThatSendsAndNeverReadsIsClosedWith1008AndOthersAreServed() throws Exception {
        URI uri = start(EchoServer.builder().maxQueuedBytes(256 * 1024));
        RawWebSocketClient other = keep(RawWebSocketClient.upgraded(uri, READ_TIMEOUT));
        RawWebSocketClient flood = keep(RawWebSocketClient.connect(uri, READ_TIMEOUT, 4096));
        assertThat(flood.upgrade("")).startsWith("HTTP/1.1 101");

        byte[] frame = RawWebSocketClient.frame(0x2, new byte[64 * 1024], true);
        AtomicLong sent = new AtomicLong();
        CompletableFuture<IOException> cut = CompletableFuture.supplyAsync(() -> {
            try {
                for (int i = 0; i < 4096; i++) { // 256 MiB at most
                    flood.write(frame);
                    sent.addAndGet(frame.length);
                }
                return null;
            } catch (IOException e) {
                return e; // the server ended the connection
            }
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> warnings.stream().anyMatch(w -> w.contains("1008")));
        assertEchoes(other, "still served");
        assertThat(cut.get(20, TimeUnit.SECONDS)).as("the flood's connection was ended").isNotNull();
        assertThat(sent.get()).isLessThan(256L << 20);
        assertThat(warnings.stream().filter(w -> w.contains("1008")).count()).as("one line").isEqualTo(1);
        assertEchoes(other, "and after");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.clientCount() == 1);
    }
}
