package dev.wsinspector.transport.deflate;

import static dev.wsinspector.transport.deflate.DeflatePeers.WAIT_SECONDS;
import static dev.wsinspector.transport.deflate.DeflatePeers.next;
import static dev.wsinspector.transport.deflate.PermessageDeflateTest.jsonLike;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wsinspector.transport.deflate.DeflatePeers.RecordingClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.java_websocket.drafts.Draft_6455;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our client against a hand-written server that behaves like Node's {@code ws} with its default
 * {@code serverNoContextTakeover: false}: one {@link Deflater} for the whole connection, never reset, and
 * an answer of plain {@code permessage-deflate}. The stock extension's offer is refused by such servers
 * and its decoder loses the window ("invalid distance too far back").
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PermessageDeflateRawServerTest {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Test
    void contextKeepingServerIsDecodedMessageAfterMessage() throws Exception {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(jsonLike(i));
        }
        try (ContextKeepingServer server = new ContextKeepingServer(messages)) {
            RecordingClient client = new RecordingClient(server.uri(),
                    new Draft_6455(List.of(new PermessageDeflate())));
            client.connectOrFail();

            for (String expected : messages) {
                assertThat(next(client.received)).isEqualTo(expected);
            }
            assertThat(server.offer.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo("permessage-deflate; client_max_window_bits");
            // The server really did refer back to earlier messages: later ones are tiny on the wire.
            List<Integer> sizes = server.wireSizes;
            assertThat(sizes.get(sizes.size() - 1)).isLessThan(sizes.get(0) / 4);
            client.closeBlocking();
        }
    }

    /** Answers one upgrade, then sends its messages compressed with one never-reset deflater. */
    private static final class ContextKeepingServer implements AutoCloseable {
        final CompletableFuture<String> offer = new CompletableFuture<>();
        final List<Integer> wireSizes = new CopyOnWriteArrayList<>();
        private final ServerSocket listener;
        private final Thread thread;

        ContextKeepingServer(List<String> messages) throws IOException {
            listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> serve(messages), "context-keeping-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri() {
            return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
        }

        private void serve(List<String> messages) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                String request = readHead(in);
                offer.complete(header(request, "Sec-WebSocket-Extensions"));
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((header(request, "Sec-WebSocket-Key") + GUID).getBytes(StandardCharsets.US_ASCII)));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
                for (String message : messages) {
                    byte[] payload = compress(deflater, message.getBytes(StandardCharsets.UTF_8));
                    wireSizes.add(payload.length);
                    out.write(frameHeader(payload.length));
                    out.write(payload);
                }
                out.flush();
                in.read(); // wait for the client's close frame (or EOF) before hanging up
            } catch (Exception e) {
                offer.completeExceptionally(e);
            }
        }

        private static byte[] compress(Deflater deflater, byte[] data) {
            deflater.setInput(data);
            byte[] buf = new byte[data.length + 64];
            int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH); // never reset: context kept
            return Arrays.copyOf(buf, n - 4); // strip 00 00 ff ff
        }

        /** FIN + RSV1 + text, unmasked (server to client). */
        private static byte[] frameHeader(int length) {
            if (length < 126) {
                return new byte[] {(byte) 0xC1, (byte) length};
            }
            return new byte[] {(byte) 0xC1, 126, (byte) (length >> 8), (byte) length};
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0 || head.size() > 16 * 1024) {
                    throw new IOException("no complete upgrade request");
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        private static String header(String head, String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            listener.close();
            thread.interrupt();
        }
    }
}
