package dev.wsinspector.transport;

import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.InterceptListener;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.testutil.RawWebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The upgrade through the proxy: headers, subprotocol and target passed on and rewritten; upstream failures. */
@Timeout(30)
class InterceptingProxyHandshakeTest {

    private InterceptingProxy proxy;

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.stop();
        }
    }

    @Test
    void headersAndSubprotocolPassThroughAndTheRulesRewriteThem() throws Exception {
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        CompletableFuture<String> line = new CompletableFuture<>();
        try (RawWebSocketServer upstream = new RawWebSocketServer(peer -> {
            peer.upgrade("Sec-WebSocket-Protocol: chat", "X-Upstream: 1");
            line.complete(peer.requestLine());
            seen.complete(List.copyOf(peer.requestHeaderLines()));
            peer.awaitClose();
        })) {
            proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(URI.create("ws://127.0.0.1:" + upstream.port()
                    + "/api?k=v")).withHeaderRules(List.of(
                    HeaderRule.set(HeaderRule.Side.REQUEST, "Authorization: Bearer t0k"),
                    HeaderRule.remove(HeaderRule.Side.REQUEST, "X-Drop"),
                    HeaderRule.add(HeaderRule.Side.RESPONSE, "X-Via: ws-inspector"),
                    HeaderRule.remove(HeaderRule.Side.RESPONSE, "X-Upstream"))));
            StringBuilder head = new StringBuilder();
            try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/room",
                    "Sec-WebSocket-Protocol: chat, other\r\nX-Drop: yes\r\nOrigin: http://app.test\r\n", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 101").contains("Sec-WebSocket-Protocol: chat\r\n")
                        .contains("X-Via: ws-inspector\r\n").doesNotContain("X-Upstream");
                assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("GET /api/room?k=v HTTP/1.1");
                assertThat(seen.get(10, TimeUnit.SECONDS)).contains("Host: 127.0.0.1:" + upstream.port(),
                                "Sec-WebSocket-Protocol: chat, other", "Origin: http://app.test",
                                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Authorization: Bearer t0k")
                        .noneMatch(h -> h.startsWith("X-Drop"));
                ProxiedClient c = proxy.clients().get(0);
                var opened = c.serverLeg().opened().orElseThrow();
                assertThat(opened.handshake().subprotocol()).contains("chat");
                assertThat(c.clientLeg().opened().orElseThrow().handshake().responseHeader("X-Via")).contains("ws-inspector");
                client.getOutputStream().write(RawWebSocketServer.Peer.maskedFrame(0x88, 1,
                        RawWebSocketServer.Peer.closePayload(1000)));
            }
        }
    }

    @Test
    void anUpstreamThatRefusesConnectionsGets502WithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        List<String> failures = new CopyOnWriteArrayList<>();
        proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(URI.create("ws://127.0.0.1:" + closedPort + "/")));
        proxy.addListener(new InterceptListener() {
            @Override
            public void upstreamFailed(ProxiedClient client, String message) {
                failures.add(message);
            }
        });
        StringBuilder head = new StringBuilder();
        try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
            assertThat(head.toString()).startsWith("HTTP/1.1 502 Bad Gateway");
            String body = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(body).contains("Connection refused by 127.0.0.1:" + closedPort);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.size() == 1);
        ProxiedClient c = proxy.clients().get(0);
        assertThat(c.serverLeg().lastFailure().orElseThrow().kind()).isEqualTo(FailureKind.CONNECTION_REFUSED);
        assertThat(c.clientLeg().lastFailure().orElseThrow().handshake().statusCode()).isEqualTo(502);
    }

    @Test
    void aTlsFailureUpstreamIsOneClearLineAnd502() throws Exception {
        // wss:// to a server that speaks plain HTTP: the TLS handshake fails
        try (RawWebSocketServer plain = new RawWebSocketServer(peer -> peer.writeAscii("HTTP/1.1 400 Bad Request\r\n\r\n"))) {
            proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(URI.create("wss://127.0.0.1:" + plain.port() + "/")));
            StringBuilder head = new StringBuilder();
            try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 502");
                String body = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(body).startsWith("TLS").doesNotContain("Exception").doesNotContain("\tat ");
            }
            assertThat(proxy.clients().get(0).serverLeg().lastFailure().orElseThrow().kind()).isEqualTo(FailureKind.TLS);
        }
    }

    @Test
    void anUpstreamRefusalIsPassedOnAsItWas() throws Exception {
        try (RawWebSocketServer upstream = new RawWebSocketServer(peer -> {
            peer.readRequest();
            peer.writeAscii("HTTP/1.1 403 Forbidden\r\nContent-Length: 7\r\nX-Why: token\r\n\r\nno way\n");
        })) {
            proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(upstream.uri("/")));
            StringBuilder head = new StringBuilder();
            try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 403 Forbidden").contains("X-Why: token");
                assertThat(new String(client.getInputStream().readNBytes(7), StandardCharsets.UTF_8)).isEqualTo("no way\n");
            }
            // The answer reaches the client as the proxy records it: wait for the record, bounded.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    !proxy.clients().isEmpty() && proxy.clients().get(0).serverLeg().lastFailure().isPresent());
            ConnectionEvent.Failed f = proxy.clients().get(0).serverLeg().lastFailure().orElseThrow();
            assertThat(f.kind()).isEqualTo(FailureKind.HANDSHAKE_REJECTED);
            assertThat(f.handshake().statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aRequestThatIsNoUpgradeIsAnswered400() throws Exception {
        try (RawWebSocketServer upstream = new RawWebSocketServer(peer -> peer.readRequest())) {
            proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(upstream.uri("/")));
            URI a = proxy.address().orElseThrow();
            try (Socket s = new Socket(a.getHost(), a.getPort())) {
                s.setSoTimeout(10_000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .startsWith("HTTP/1.1 400").contains("WebSocket proxy");
            }
        }
    }

    @Test
    void anUpstreamThatNeverAnswersTlsIsATlsTimeout() throws Exception {
        try (RawWebSocketServer silent = new RawWebSocketServer(peer -> peer.readRequest())) {
            proxy = InterceptingProxyTest.started(dev.wsinspector.core.proxy.ProxySettings.of(
                    dev.wsinspector.core.session.ConnectionOptions.of(URI.create("wss://127.0.0.1:" + silent.port() + "/"))
                            .withConnectTimeout(Duration.ofSeconds(1))));
            StringBuilder head = new StringBuilder();
            try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 502");
                assertThat(new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .contains("TLS handshake with 127.0.0.1:" + silent.port() + " did not finish");
            }
        }
    }

    @Test
    void anOversizedUpgradeRequestIsAnswered431() throws Exception {
        try (RawWebSocketServer upstream = new RawWebSocketServer(peer -> peer.readRequest())) {
            proxy = InterceptingProxyTest.started(InterceptingProxyTest.to(upstream.uri("/")));
            StringBuilder head = new StringBuilder();
            try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/",
                    "X-Big: " + "a".repeat(20_000) + "\r\n", head)) {
                assertThat(head.toString()).startsWith("HTTP/1.1 431");
            }
            assertThat(proxy.clients().get(0).serverLeg().opened()).isEmpty();
        }
    }
}
