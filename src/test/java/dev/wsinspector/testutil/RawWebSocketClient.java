package dev.wsinspector.testutil;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A test-only WebSocket client on a plain socket that writes exactly the bytes a test asks for (masked or not,
 * an upgrade left unfinished, a head of any size) and reads the server's answer byte by byte. Every read is
 * bounded by the socket's timeout.
 */
public final class RawWebSocketClient implements AutoCloseable {

    /** The Sec-WebSocket-Key of every upgrade (the server's answer to it is not checked). */
    public static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** One frame from the server. */
    public record Frame(int firstByte, byte[] payload) {
        public int opcode() {
            return firstByte & 0x0F;
        }

        public int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final URI uri;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocketClient(Socket socket, URI uri) throws IOException {
        this.socket = socket;
        this.uri = uri;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects without sending anything; reads time out after {@code timeoutMillis}. */
    public static RawWebSocketClient connect(URI uri, int timeoutMillis) throws IOException {
        return connect(uri, timeoutMillis, 0);
    }

    /** As {@link #connect(URI, int)}, with a small receive buffer when {@code receiveBuffer > 0} (a slow reader). */
    public static RawWebSocketClient connect(URI uri, int timeoutMillis, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return new RawWebSocketClient(socket, uri);
    }

    /** Connects, upgrades and checks for 101. */
    public static RawWebSocketClient upgraded(URI uri, int timeoutMillis) throws IOException {
        RawWebSocketClient client = connect(uri, timeoutMillis);
        String head = client.upgrade("");
        if (!head.startsWith("HTTP/1.1 101")) {
            client.close();
            throw new IOException("upgrade refused: " + head);
        }
        return client;
    }

    /** The upgrade request with {@code extraHeaders} (each ending in CRLF); returns the response head. */
    public String upgrade(String extraHeaders) throws IOException {
        write(request(extraHeaders).getBytes(StandardCharsets.US_ASCII));
        return readHead();
    }

    public String request(String extraHeaders) {
        return "GET / HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n"
                + extraHeaders + "\r\n";
    }

    /** The response head up to its blank line, or what came before the server closed. */
    public String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A client frame with FIN and the given opcode, masked with a fixed key unless {@code masked} is false. */
    public static byte[] frame(int opcode, byte[] payload, boolean masked) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(payload.length + 14);
        b.write(0x80 | opcode);
        int mask = masked ? 0x80 : 0;
        int n = payload.length;
        if (n <= 125) {
            b.write(mask | n);
        } else if (n <= 0xFFFF) {
            b.write(mask | 126);
            b.write(n >> 8);
            b.write(n);
        } else {
            b.write(mask | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) n >> shift));
            }
        }
        byte[] key = {0x37, (byte) 0xfa, 0x21, 0x3d};
        if (masked) {
            b.writeBytes(key);
        }
        for (int i = 0; i < n; i++) {
            b.write(masked ? payload[i] ^ key[i & 3] : payload[i]);
        }
        return b.toByteArray();
    }

    public void sendText(String text, boolean masked) throws IOException {
        write(frame(0x1, text.getBytes(StandardCharsets.UTF_8), masked));
    }

    /** The next frame from the server (its frames are never masked). */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int len7 = in.readUnsignedByte() & 0x7F;
        long length = len7 == 126 ? in.readUnsignedShort() : len7 == 127 ? in.readLong() : len7;
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first, payload);
    }

    /** One frame as the server put it on the wire, mask bit included (a server must never set it). */
    public record WireRead(int firstByte, boolean masked, byte[] payload) {
        public int opcode() {
            return firstByte & 0x0F;
        }

        public boolean fin() {
            return (firstByte & 0x80) != 0;
        }
    }

    /** The next frame, read whether masked or not (the payload unmasked). */
    public WireRead readWireFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        int len7 = second & 0x7F;
        long length = len7 == 126 ? in.readUnsignedShort() : len7 == 127 ? in.readLong() : len7;
        byte[] key = new byte[4];
        boolean masked = (second & 0x80) != 0;
        if (masked) {
            in.readFully(key);
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        if (masked) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i % 4];
            }
        }
        return new WireRead(first, masked, payload);
    }

    /**
     * True when the server ended the stream (or reset it) after at most 64 MiB more; false when it is still open
     * at the timeout.
     */
    public boolean readsEndOfStream() throws IOException {
        byte[] skip = new byte[64 * 1024];
        try {
            for (int i = 0; i < 1024; i++) {
                if (in.read(skip) < 0) {
                    return true;
                }
            }
            return false;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
