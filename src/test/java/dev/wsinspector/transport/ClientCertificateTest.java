package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.TlsOptions;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.TestCertificates;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.awaitFrames;
import static org.assertj.core.api.Assertions.assertThat;

/** A wss:// echo on loopback that demands a client certificate: refused without one, open with the profile's. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ClientCertificateTest {

    @TempDir
    static Path dir;
    private static TestCertificates certs;
    private static Path[] client;

    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private TestEchoServer server;
    private Connection connection;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir);
        client = certs.clientCertificate();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ConnectionOptions options(TlsOptions tls) {
        return ConnectionOptions.of(server.uri("localhost"))
                .withConnectTimeout(Duration.ofSeconds(5)).withTls(tls);
    }

    @Test
    void theServerGetsTheProfilesClientCertificate() throws Exception {
        server = TestEchoServer.launchRequiringClientCertificate(certs.clientAuthServerContext());
        Path ca = dir.resolve("ca.pem");

        Connection refused = new JwsConnectionService().connect(options(new TlsOptions(ca, null, null, null, null)),
                store, events);
        events.await(ConnectionEvent.Closed.class);
        refused.close();
        assertThat(events.first(ConnectionEvent.Failed.class).kind())
                .isIn(FailureKind.TLS, FailureKind.CONNECTION_LOST, FailureKind.OTHER);
        assertThat(events.kinds()).doesNotContain("Opened");

        EventRecorder accepted = new EventRecorder();
        FrameStore frames = new ColumnarFrameStore();
        connection = new JwsConnectionService().connect(options(new TlsOptions(ca, null, null, client[0], client[1])),
                frames, accepted);
        accepted.await(ConnectionEvent.Opened.class);
        connection.sendText("with a certificate").get(5, TimeUnit.SECONDS);
        assertThat(new String(awaitFrames(frames, 2).get(1).payloadBytes(), StandardCharsets.UTF_8))
                .isEqualTo("with a certificate");
        assertThat(server.peerSubject()).isEqualTo("CN=client");
    }
}
