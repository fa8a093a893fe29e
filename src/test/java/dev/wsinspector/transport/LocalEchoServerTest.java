package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wsinspector.testutil.RawWebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The app's echo server keeps the {@link EchoServer}'s limits and puts each one that bites in its log. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalEchoServerTest {

    private final LocalEchoServer server = new LocalEchoServer();

    @AfterEach
    void tearDown() {
        server.stop();
    }

    @Test
    void aClientBreakingTheMaskingRuleIsClosedWith1002AndLogged() throws Exception {
        URI uri = server.start("127.0.0.1", 0);
        try (RawWebSocketClient client = RawWebSocketClient.upgraded(uri, 10_000)) {
            client.sendText("unmasked", false);
            assertThat(client.readFrame().closeCode()).isEqualTo(1002);
        }
        List<String> log = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            server.drainLog(log);
            return log.stream().anyMatch(l -> l.contains("warning: client") && l.contains("1002"));
        });
    }

    @Test
    void anOversizedUpgradeHeadGets431WithTheDefaultCap() throws Exception {
        URI uri = server.start("127.0.0.1", 0);
        try (RawWebSocketClient client = RawWebSocketClient.connect(uri, 10_000)) {
            String head = client.upgrade("X-Padding: " + "p".repeat(EchoServer.DEFAULT_MAX_HEADER_BYTES) + "\r\n");
            assertThat(head).startsWith("HTTP/1.1 431");
        }
        List<String> log = new ArrayList<>();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            server.drainLog(log);
            return log.stream().anyMatch(l -> l.contains("warning:") && l.contains("431"));
        });
    }
}
