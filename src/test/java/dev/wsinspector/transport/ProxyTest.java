package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.TestEchoServer;
import dev.wsinspector.testutil.TestProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.awaitFrames;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP CONNECT and SOCKS5 proxies on loopback in front of an echo server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyTest {

    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private TestEchoServer server;
    private TestProxy proxy;
    private Connection connection;

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ProxyOptions options(TestProxy.Kind kind, int port) {
        return kind == TestProxy.Kind.HTTP ? ProxyOptions.http("127.0.0.1", port) : ProxyOptions.socks5("127.0.0.1", port);
    }

    private ConnectionOptions through(ProxyOptions p) {
        return ConnectionOptions.of(server.uri("localhost")).withConnectTimeout(Duration.ofSeconds(5)).withProxy(p);
    }

    @ParameterizedTest
    @EnumSource(TestProxy.Kind.class)
    void messagesGoThroughTheTunnel(TestProxy.Kind kind) throws Exception {
        server = TestEchoServer.launch();
        proxy = TestProxy.start(kind);
        connection = new JwsConnectionService().connect(through(options(kind, proxy.port())), store, events);

        events.await(ConnectionEvent.Opened.class);
        connection.sendText("via proxy").get(5, TimeUnit.SECONDS);
        List<Frame> frames = awaitFrames(store, 2);
        assertThat(new String(frames.get(1).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("via proxy");
        // The proxy resolves the name: it was asked for "localhost", not an address.
        assertThat(proxy.targets).containsExactly("localhost:" + server.getPort());
    }

    @ParameterizedTest
    @EnumSource(TestProxy.Kind.class)
    void credentialsAreSentWhenGiven(TestProxy.Kind kind) throws Exception {
        server = TestEchoServer.launch();
        proxy = TestProxy.start(kind, "alice", "s3cret");
        connection = new JwsConnectionService().connect(
                through(options(kind, proxy.port()).withCredentials("alice", "s3cret")), store, events);

        events.await(ConnectionEvent.Opened.class);
    }

    @Test
    void anHttpProxyAskingForCredentialsSaysSo() throws Exception {
        server = TestEchoServer.launch();
        proxy = TestProxy.start(TestProxy.Kind.HTTP, "alice", "s3cret");
        connection = new JwsConnectionService().connect(through(options(TestProxy.Kind.HTTP, proxy.port())), store, events);

        ConnectionEvent.Failed failed = events.await(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failed.message()).isEqualTo("HTTP proxy 127.0.0.1:" + proxy.port() + " refused the tunnel to localhost:"
                + server.getPort() + ": HTTP/1.1 407 Proxy Authentication Required (the proxy wants a user name and password)");
        events.await(ConnectionEvent.Closed.class);
    }

    @Test
    void wrongSocksCredentialsAreReported() throws Exception {
        server = TestEchoServer.launch();
        proxy = TestProxy.start(TestProxy.Kind.SOCKS5, "alice", "s3cret");
        connection = new JwsConnectionService().connect(
                through(options(TestProxy.Kind.SOCKS5, proxy.port()).withCredentials("alice", "wrong")), store, events);

        ConnectionEvent.Failed failed = events.await(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failed.message()).isEqualTo("SOCKS5 proxy 127.0.0.1:" + proxy.port() + " refused the user name and password");
    }

    @Test
    void aSocksProxyThatCannotReachTheServerSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        proxy = TestProxy.start(TestProxy.Kind.SOCKS5);
        ConnectionOptions o = ConnectionOptions.of(java.net.URI.create("ws://127.0.0.1:" + closedPort + "/"))
                .withProxy(options(TestProxy.Kind.SOCKS5, proxy.port()));
        connection = new JwsConnectionService().connect(o, store, events);

        assertThat(events.await(ConnectionEvent.Failed.class).message()).isEqualTo("SOCKS5 proxy 127.0.0.1:" + proxy.port()
                + " could not connect to 127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void aProxyThatIsNotThereIsNamed() throws Exception {
        server = TestEchoServer.launch();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        connection = new JwsConnectionService().connect(through(ProxyOptions.http("127.0.0.1", closedPort)), store, events);

        ConnectionEvent.Failed failed = events.await(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failed.message()).startsWith("Cannot reach HTTP proxy 127.0.0.1:" + closedPort + ": ")
                .containsIgnoringCase("refused");
        assertThat(events.await(ConnectionEvent.Closed.class).code()).isEqualTo(1006);
    }
}
