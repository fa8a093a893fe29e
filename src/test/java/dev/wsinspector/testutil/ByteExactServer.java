package dev.wsinspector.testutil;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A test-only server on a raw socket (127.0.0.1, port 0) that upgrades every connection by hand and then keeps
 * every byte the client writes, exactly as it arrived, so tests can compare what went on the wire byte for byte
 * (crafted frames, a length field that lies, raw bytes that are no frame). Its script may also write to the client
 * (a ping) and read frame by frame. It is a {@link RawWebSocketServer} (which scripts what the client reads) whose
 * connections are read this way after the upgrade.
 */
public final class ByteExactServer implements AutoCloseable {

    /** What the server does with one upgraded connection. */
    @FunctionalInterface
    public interface Script {
        void run(Wire wire) throws Exception;
    }

    /** Keeps whatever the client sends until it closes the socket. */
    public static final Script RECORD = Wire::readUntilClosed;

    private final RawWebSocketServer raw;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public ByteExactServer(Script script) throws IOException {
        raw = new RawWebSocketServer(peer -> {
            peer.upgrade();
            script.run(new Wire(peer.socket()));
        });
    }

    public URI uri() {
        return raw.uri("/");
    }

    /** Every byte read from clients after their upgrade, in arrival order. */
    public byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** Failures inside scripts (assertions included). */
    public List<Throwable> errors() {
        return raw.errors();
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** One upgraded connection, from the server's side. */
    public final class Wire {
        private final InputStream in;
        private final OutputStream out;

        Wire(Socket socket) throws IOException {
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
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
