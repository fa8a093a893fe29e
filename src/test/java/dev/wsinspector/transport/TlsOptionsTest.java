package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.TlsOptions;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.TestCertificates;
import dev.wsinspector.testutil.TestEchoServer;
import dev.wsinspector.testutil.TestProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.awaitFrames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A self-signed-CA wss:// echo on loopback: refused by default with a clear message, accepted when the
 * connection trusts the CA file or pins the server's certificate.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsOptionsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certs;

    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private TestEchoServer server;
    private TestProxy proxy;
    private Connection connection;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close(1000, "");
            events.await(ConnectionEvent.Closed.class);
            connection.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ConnectionOptions options(TlsOptions tls) {
        return ConnectionOptions.of(server.uri("localhost")).withConnectTimeout(Duration.ofSeconds(5)).withTls(tls);
    }

    private void echoes(ConnectionOptions options) throws Exception {
        connection = new JwsConnectionService().connect(options, store, events);
        events.await(ConnectionEvent.Opened.class);
        connection.sendText("secret").get(5, TimeUnit.SECONDS);
        assertThat(new String(awaitFrames(store, 2).get(1).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    private ConnectionEvent.Failed fails(ConnectionOptions options) {
        Connection c = new JwsConnectionService().connect(options, store, events);
        try {
            events.await(ConnectionEvent.Closed.class);
            ConnectionEvent.Failed failed = events.first(ConnectionEvent.Failed.class);
            assertThat(failed.kind()).isEqualTo(FailureKind.TLS);
            return failed;
        } finally {
            c.close();
        }
    }

    @Test
    void theTestAuthorityIsRefusedByDefaultAndTrustedFromItsCaFile() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        assertThat(fails(options(TlsOptions.DEFAULT)).message())
                .startsWith("TLS: the server's certificate is not trusted (self-signed or issued by an unknown authority)");

        echoes(options(new TlsOptions(dir.resolve("ca.pem"), null, null, null, null)));
    }

    @Test
    void aCaFileStillChecksTheHostName() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("wronghost"));
        assertThat(fails(options(new TlsOptions(dir.resolve("ca.pem"), null, null, null, null))).message())
                .startsWith("TLS: the server's certificate does not match the host name 'localhost'");
    }

    @Test
    void aPinnedCertificateIsAcceptedWhateverItsIssuerAndName() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("wronghost"));
        echoes(options(new TlsOptions(null, dir.resolve("wronghost.pem"), null, null, null)));
    }

    @Test
    void aPinnedFingerprintIsAccepted() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        X509Certificate cert = TlsContexts.certificates(dir.resolve("good.pem"), "test").get(0);
        echoes(options(new TlsOptions(null, null, TlsContexts.fingerprint(cert), null, null)));
    }

    @Test
    void anotherCertificateThanThePinnedOneIsRefusedNamingWhatWasPresented() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        X509Certificate presented = TlsContexts.certificates(dir.resolve("good.pem"), "test").get(0);

        ConnectionEvent.Failed failed = fails(options(new TlsOptions(null, dir.resolve("wronghost.pem"), null, null, null)));

        assertThat(failed.message()).isEqualTo("TLS: the server's certificate is not the one trusted for this connection"
                + " (it presented SHA-256 " + TlsContexts.fingerprint(presented) + ")");
    }

    @Test
    void tlsRunsInsideAProxyTunnel() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        proxy = TestProxy.start(TestProxy.Kind.HTTP);
        echoes(options(new TlsOptions(dir.resolve("ca.pem"), null, null, null, null))
                .withProxy(ProxyOptions.http("127.0.0.1", proxy.port())));
        assertThat(proxy.targets).containsExactly("localhost:" + server.getPort());
    }

    @Test
    void aMissingCertificateFileIsAFailureNamingIt() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        Path missing = dir.resolve("nope.pem");

        ConnectionEvent.Failed failed = fails(options(new TlsOptions(missing, null, null, null, null)));

        assertThat(failed.message()).startsWith("Cannot read the CA file " + missing);
        assertThat(events.kinds()).containsExactly("Connecting", "Failed", "Closed");
    }

    @Test
    void clientKeysAreReadFromPkcs8PemAndOtherFormatsAreExplained() throws Exception {
        PrivateKey key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();
        Path pem = dir.resolve("client.key");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        assertThat(TlsContexts.privateKey(pem).getEncoded()).isEqualTo(key.getEncoded());

        Path pkcs1 = dir.resolve("rsa.key");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TlsContexts.privateKey(pkcs1))
                .hasMessageContaining("is a RSA key").hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }
}
