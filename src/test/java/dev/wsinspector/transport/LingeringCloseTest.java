package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link LingeringClose} on a real TCP connection over 127.0.0.1: a blocking client, a non-blocking server side. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LingeringCloseTest {

    private ServerSocketChannel listener;
    private Socket client;
    private SocketChannel serverSide;
    private LingeringClose lingering;

    @BeforeEach
    void connect() throws Exception {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) listener.getLocalAddress()).getPort());
        client.setSoTimeout(10_000);
        serverSide = listener.accept();
        serverSide.configureBlocking(false); // as Java-WebSocket's server has it
    }

    @AfterEach
    void tearDown() throws Exception {
        if (lingering != null) {
            lingering.close();
        }
        client.close();
        serverSide.close();
        listener.close();
    }

    @Test
    void closeSendsWhatWasWrittenThenEndOfStreamAndKeepsReadingUntilTheClientCloses() throws Exception {
        lingering = new LingeringClose(Duration.ofSeconds(20));
        ByteChannel channel = lingering.wrap(serverSide);
        channel.write(ByteBuffer.wrap("bye".getBytes(StandardCharsets.US_ASCII)));
        channel.close();

        assertThat(channel.isOpen()).isFalse();
        InputStream in = client.getInputStream();
        assertThat(in.readNBytes(3)).asString(StandardCharsets.US_ASCII).isEqualTo("bye");
        assertThat(in.read()).isEqualTo(-1);
        // The server side still reads (and drops) what the client sends: no reset, however much it is.
        OutputStream out = client.getOutputStream();
        out.write(new byte[2 << 20]);
        out.flush();
        assertThat(serverSide.isOpen()).isTrue();
        assertThat(lingering.lingeringCount()).isEqualTo(1);

        client.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.isOpen());
        assertThat(lingering.lingeringCount()).isZero();
    }

    @Test
    void aClientThatNeverClosesIsClosedAfterTheGracePeriod() throws Exception {
        lingering = new LingeringClose(Duration.ofMillis(200));
        lingering.wrap(serverSide).close();

        assertThat(client.getInputStream().read()).isEqualTo(-1);
        assertThat(serverSide.isOpen()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !serverSide.isOpen());
        assertThat(lingering.lingeringCount()).isZero();
    }

    @Test
    void closingTheLingeringCloseEndsEveryConnectionStillLingering() throws Exception {
        lingering = new LingeringClose(Duration.ofSeconds(20));
        lingering.wrap(serverSide).close();
        assertThat(lingering.lingeringCount()).isEqualTo(1);

        lingering.close();

        assertThat(serverSide.isOpen()).isFalse();
        assertThat(lingering.lingeringCount()).isZero();
        // and a connection closed after that is closed at once
        try (Socket other = new Socket(InetAddress.getLoopbackAddress(),
                ((InetSocketAddress) listener.getLocalAddress()).getPort());
             SocketChannel otherServerSide = listener.accept()) {
            otherServerSide.configureBlocking(false);
            lingering.wrap(otherServerSide).close();
            assertThat(otherServerSide.isOpen()).isFalse();
        }
    }
}
