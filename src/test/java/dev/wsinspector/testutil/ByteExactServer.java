package dev.wsinspector.testutil;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only server on a raw socket (127.0.0.1, port 0) that upgrades every connection by hand and then keeps
 * every byte the client writes, exactly as it arrived, so tests can compare what went on the wire byte for byte
 * (crafted frames, a length field that lies, raw bytes that are no frame). Its script may also write to the client
 * (a ping) and read frame by frame. Kept apart from {@link RawWebSocketServer}, which scripts what the client reads.
 */
public final class ByteExactServer implements AutoCloseable {

    /** What the server does with one upgraded connection. */
    @FunctionalInterface
    public interface Script {
        void run(Wire wire) throws Exception;
    }

    /** Keeps whatever the client sends until it closes the socket. */
    public static final Script RECORD = Wire::readUntilClosed;

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public ByteExactServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(script), "byte-exact-server-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(Script script) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException closed) {
                return;
            }
            accepted.add(socket);
            Thread t = new Thread(() -> {
                try {
                    Wire wire = new Wire(socket);
                    wire.upgrade();
                    script.run(wire);
                } catch (Throwable e) {
                    if (!server.isClosed()) {
                        errors.add(e);
                    }
                }
            }, "byte-exact-peer");
            t.setDaemon(true);
            t.start();
        }
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** Every byte read from clients after their upgrade, in arrival order. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Failures inside scripts (assertions included). */
    public List<Throwable> errors() {
        return errors;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** One upgraded connection, from the server's side. */
    public final class Wire {
        private final InputStream in;
        private final OutputStream out;

        Wire(Socket socket) throws IOException {
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        private void upgrade() throws Exception {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("client closed during the request");
                }
                head.write(b);
            }
            String key = null;
            for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
                if (line.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18)) {
                    key = line.substring(18).trim();
                }
            }
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(sha1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Exactly {@code n} bytes (kept in {@link #received()}). */
        public byte[] readExactly(int n) throws IOException {
            byte[] bytes = in.readNBytes(n);
            keep(bytes);
            if (bytes.length < n) {
                throw new EOFException("client closed after " + bytes.length + " of " + n + " bytes");
            }
            return bytes;
        }

        /** One frame's bytes as on the wire, header included, trusting its length field. */
        public byte[] readFrame() throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            byte[] head = readExactly(2);
            frame.writeBytes(head);
            int len7 = head[1] & 0x7F;
            long length = len7;
            if (len7 >= 126) {
                byte[] extended = readExactly(len7 == 126 ? 2 : 8);
                frame.writeBytes(extended);
                length = 0;
                for (byte b : extended) {
                    length = (length << 8) | (b & 0xFF);
                }
            }
            if ((head[1] & 0x80) != 0) {
                frame.writeBytes(readExactly(4));
            }
            frame.writeBytes(readExactly((int) length));
            return frame.toByteArray();
        }

        /** Frames until a close frame (included) or the end of the stream. */
        public List<byte[]> readFramesUntilClose() throws IOException {
            List<byte[]> frames = new ArrayList<>();
            while (true) {
                byte[] frame;
                try {
                    frame = readFrame();
                } catch (EOFException end) {
                    return frames;
                }
                frames.add(frame);
                if ((frame[0] & 0x0F) == 0x8) {
                    return frames;
                }
            }
        }

        public void readUntilClosed() throws IOException {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                keep(java.util.Arrays.copyOf(buffer, n));
            }
        }

        private void keep(byte[] bytes) {
            synchronized (received) {
                received.writeBytes(bytes);
            }
        }
    }
}
