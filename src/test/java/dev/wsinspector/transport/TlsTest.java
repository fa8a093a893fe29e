package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.testutil.EventRecorder;
import dev.wsinspector.testutil.TestCertificates;
import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.wsinspector.testutil.EventRecorder.awaitFrames;
import static org.assertj.core.api.Assertions.assertThat;

/** wss:// on loopback: verified by default, host names checked, the insecure option explicit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certs;

    private final FrameStore store = new ColumnarFrameStore();
    private final EventRecorder events = new EventRecorder();
    private TestEchoServer server;
    private Connection connection;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = TestCertificates.create(dir);
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

    private ConnectionEvent.Failed tlsFailure(JwsConnectionService service, URI uri) {
        connection = service.connect(ConnectionOptions.of(uri).withConnectTimeout(Duration.ofSeconds(5)), store, events);
        events.await(ConnectionEvent.Closed.class);
        assertThat(events.kinds()).containsExactly("Connecting", "Failed", "Closed");
        ConnectionEvent.Failed failed = events.first(ConnectionEvent.Failed.class);
        assertThat(failed.kind()).as(failed.message()).isEqualTo(FailureKind.TLS);
        assertThat(failed.message()).endsWith(Failures.INSECURE_HINT).doesNotContain("\n", "Exception");
        assertThat(events.first(ConnectionEvent.Closed.class).code()).isEqualTo(1006);
        return failed;
    }

    private void echoWorks(JwsConnectionService service, ConnectionOptions options) throws Exception {
        connection = service.connect(options, store, events);
        events.await(ConnectionEvent.Opened.class);
        connection.sendText("over tls").get(5, TimeUnit.SECONDS);
        List<Frame> f = awaitFrames(store, 2);
        assertThat(new String(f.get(1).payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("over tls");
        assertThat(f.get(0).masked()).isTrue();
        assertThat(f.get(1).masked()).isFalse();
    }

    @Test
    void certificateFromAnUnknownAuthorityIsRefusedByDefault() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        ConnectionEvent.Failed failed = tlsFailure(new JwsConnectionService(), server.uri("localhost"));
        assertThat(failed.message()).startsWith("TLS: the server's certificate is not trusted");
    }

    @Test
    void insecureAcceptsTheUntrustedCertificate() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        echoWorks(new JwsConnectionService(), ConnectionOptions.of(server.uri("localhost")).withInsecure(true));
    }

    @Test
    void trustedCertificateConnectsByNameAndByAddress() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("good"));
        echoWorks(new JwsConnectionService(certs.trustingContext()), ConnectionOptions.of(server.uri("localhost")));
        // A clean close: the stock SSL server's selector dies on an assertion when a client just drops.
        connection.close(1000, "").get(5, TimeUnit.SECONDS);
        assertThat(events.await(ConnectionEvent.Closed.class).clean()).isTrue();
        FrameStore second = new ColumnarFrameStore();
        EventRecorder secondEvents = new EventRecorder();
        connection = new JwsConnectionService(certs.trustingContext())
                .connect(ConnectionOptions.of(server.uri("127.0.0.1")), second, secondEvents);
        secondEvents.await(ConnectionEvent.Opened.class);
    }

    @Test
    void certificateForAnotherHostIsRefusedEvenWhenTrusted() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("wronghost"));
        ConnectionEvent.Failed failed = tlsFailure(new JwsConnectionService(certs.trustingContext()),
                server.uri("localhost"));
        assertThat(failed.message()).startsWith(
                "TLS: the server's certificate does not match the host name 'localhost'");
    }

    @Test
    void insecureAlsoSkipsTheHostNameCheck() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("wronghost"));
        echoWorks(new JwsConnectionService(certs.trustingContext()),
                ConnectionOptions.of(server.uri("localhost")).withInsecure(true));
    }

    @Test
    void expiredCertificateIsRefused() throws Exception {
        server = TestEchoServer.launch(false, List.of(), certs.serverContext("expired"));
        ConnectionEvent.Failed failed = tlsFailure(new JwsConnectionService(certs.trustingContext()),
                server.uri("localhost"));
        assertThat(failed.message()).startsWith("TLS: the server's certificate has expired");
    }
}
