package dev.wsinspector.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How {@link EchoServer} ends a connection it refuses while the client is still sending: a raw TCP client on
 * 127.0.0.1 announces a frame far over the limit and keeps writing its payload. It must be able to finish
 * writing, read the 1009 close frame, then the end of the stream. Closing a socket with unread input makes the
 * kernel answer with a reset, which fails the client's writes; the server half-closes instead and reads on until
 * the client closes ({@link LingeringClose}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoServerCloseTest {

    private static final int LIMIT = 64 * 1024;

    private EchoServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aClientStillSendingAnOversizedFrameFinishesWritingAndReadsThe1009CloseFrame() throws Exception {
        server = EchoServer.builder().maxMessageSize(LIMIT).build();
        URI uri = server.start();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            upgrade(out, in, uri);

            // A masked binary frame announcing 4 MiB, then 1 MiB of it: far more than the server reads before it
            // refuses the frame, so input is still arriving when it ends the connection.
            int announced = 4 << 20;
            out.write(new byte[] {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 0,
                    (byte) (announced >>> 24), (byte) (announced >>> 16), (byte) (announced >>> 8), (byte) announced,
                    1, 2, 3, 4});
            CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
                try {
                    out.write(new byte[1 << 20]);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            DataInputStream frames = new DataInputStream(in);
            int first = frames.readUnsignedByte();
            int length = frames.readUnsignedByte();
            byte[] payload = new byte[length & 0x7f];
            frames.readFully(payload);
            assertThat(first).as("FIN + close opcode").isEqualTo(0x88);
            assertThat(((payload[0] & 0xff) << 8) | (payload[1] & 0xff)).isEqualTo(1009);
            assertThat(in.read()).as("the server's side ends after its close frame").isEqualTo(-1);
            // Without the lingering close this fails with "Connection reset by peer" or "Broken pipe".
            assertThatCode(() -> written.get(10, TimeUnit.SECONDS)).as("the client could write all it had")
                    .doesNotThrowAnyException();
        }
    }

    /** The HTTP upgrade, by hand; returns once the 101 response has been read. */
    private static void upgrade(OutputStream out, InputStream in, URI uri) throws IOException {
        String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade: " + head);
            }
            head.write(b);
        }
        assertThat(head.toString(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 101");
    }
}
