package dev.wsinspector.ui.server;

import dev.wsinspector.core.server.LocalServer;
import dev.wsinspector.transport.LocalEchoServer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The echo-server panel's model against the real local server, without the toolkit. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServerViewModelTest {

    private final LocalEchoServer server = new LocalEchoServer();
    private final ServerViewModel model = new ServerViewModel(server);

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void startsOnLoopbackAndCountsClients() throws Exception {
        model.start();
        assertThat(model.runningProperty().get()).isTrue();
        assertThat(model.addressProperty().get()).startsWith("ws://127.0.0.1:");
        assertThat(model.exposedProperty().get()).isFalse();

        WebSocketClient client = new WebSocketClient(URI.create(model.addressProperty().get())) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            model.refresh();
            return model.clientsProperty().get() == 1;
        });
        assertThat(model.statusProperty().get()).endsWith("· 1 client");
        client.closeBlocking();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            model.refresh();
            return model.log().stream().anyMatch(l -> l.contains("left (1000"));
        });
        assertThat(model.log()).anyMatch(l -> l.contains("connected"));

        model.stop();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Local echo server stopped");
    }

    @Test
    void warnsAboutNonLoopbackHostsAndRejectsBadPorts() {
        model.hostProperty().set("0.0.0.0");
        assertThat(model.exposedProperty().get()).isTrue();
        assertThat(LocalServer.isExposed("localhost")).isFalse();
        assertThat(LocalServer.isExposed("::1")).isFalse();
        model.hostProperty().set("127.0.0.1");
        model.portProperty().set("70000");
        model.start();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.log()).anyMatch(l -> l.contains("Port must be a number"));
    }

    @Test
    void aTakenPortIsReportedNotThrown() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            model.portProperty().set(Integer.toString(taken.getLocalPort()));
            model.start();
            assertThat(model.runningProperty().get()).isFalse();
            assertThat(model.log()).anyMatch(l -> l.startsWith("Could not start on 127.0.0.1:" + taken.getLocalPort()));
        }
    }
}
