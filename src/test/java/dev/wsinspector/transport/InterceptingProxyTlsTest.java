package dev.wsinspector.transport;

import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.session.TlsOptions;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.TestCertificates;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The upstream's TLS through the proxy, verified as the app's own client verifies it; and the frame size limit. */
@Timeout(120)
class InterceptingProxyTlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certs;

    private TestEchoServer server;
    private InterceptingProxy proxy;

    @BeforeAll
    static void certificates() throws Exception {
        certs = TestCertificates.create(dir);
    }

    @AfterEach
    void stop() throws Exception {
        if (proxy != null) {
            proxy.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private String upgradeThrough(TlsOptions tls, String certificate) throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext(certificate));
        URI upstream = URI.create("wss://localhost:" + server.getPort() + "/");
        proxy = InterceptingProxyTest.started(ProxySettings.of(ConnectionOptions.of(upstream).withTls(tls)
                .withConnectTimeout(Duration.ofSeconds(10))));
        StringBuilder head = new StringBuilder();
        try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                return head + new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
            client.getOutputStream().write(RawWebSocketServer.Peer.maskedFrame(0x81, 0x0badf00d,
                    "over tls".getBytes(StandardCharsets.UTF_8)));
            DataInputStream in = new DataInputStream(client.getInputStream());
            int b0 = in.readUnsignedByte();
            int len = in.readUnsignedByte() & 0x7f;
            byte[] payload = in.readNBytes(len);
            return head + "frame " + Integer.toHexString(b0) + " " + new String(payload, StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUntrustedCertificateIsRefused502() throws Exception {
        String answer = upgradeThrough(TlsOptions.DEFAULT, "good");
        assertThat(answer).startsWith("HTTP/1.1 502").contains("TLS: the server's certificate is not trusted");
    }

    @Test
    void aTrustedCaLetsTheConnectionThroughEncrypted() throws Exception {
        String answer = upgradeThrough(new TlsOptions(dir.resolve("ca.pem"), null, null, null, null), "good");
        assertThat(answer).startsWith("HTTP/1.1 101").endsWith("frame 81 over tls");
    }

    @Test
    void theHostNameIsChecked() throws Exception {
        String answer = upgradeThrough(new TlsOptions(dir.resolve("ca.pem"), null, null, null, null), "wronghost");
        assertThat(answer).startsWith("HTTP/1.1 502").contains("does not match the host name 'localhost'");
    }

    @Test
    void aFrameOverTheLimitClosesBothSidesWith1009() throws Exception {
        server = TestEchoServer.launch();
        proxy = InterceptingProxyTest.started(ProxySettings.of(ConnectionOptions.of(server.uri()).withMaxFrameSize(1024)));
        StringBuilder head = new StringBuilder();
        try (Socket client = InterceptingProxyTest.rawClient(proxy.address().orElseThrow(), "/", "", head)) {
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            client.getOutputStream().write(RawWebSocketServer.Peer.maskedFrame(0x82, 7, new byte[2000]));
            DataInputStream in = new DataInputStream(client.getInputStream());
            assertThat(in.readUnsignedByte()).isEqualTo(0x88);
            int len = in.readUnsignedByte();
            assertThat(len).isGreaterThanOrEqualTo(2);
            assertThat(in.readUnsignedShort()).isEqualTo(1009);
        }
        var c = proxy.clients().get(0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> c.serverLeg().closed().isPresent());
        assertThat(c.serverLeg().closed().orElseThrow().code()).isEqualTo(1009);
    }
}
