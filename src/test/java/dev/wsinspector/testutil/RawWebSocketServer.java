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
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only server on a raw socket (127.0.0.1, port 0) that misbehaves on purpose: each accepted connection
 * runs a script that reads the upgrade request, answers it by hand (or not at all) and writes raw frames,
 * so tests control every byte the client sees. A script that throws is recorded in {@link #errors()}.
 */
public final class RawWebSocketServer implements AutoCloseable {

    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Peer peer) throws Exception;
    }

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    public RawWebSocketServer(Script script) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> acceptLoop(script), "raw-ws-server-" + server.getLocalPort());
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
                    script.run(new Peer(socket));
                } catch (Throwable e) {
                    if (!server.isClosed()) {
                        errors.add(e);
                    }
                }
            }, "raw-ws-peer");
            t.setDaemon(true);
            t.start();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    /** Failures inside scripts (assertions included), so a test can check the server side too. */
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

    /** A client frame as the server read it. */
    public record ClientFrame(int firstByte, boolean masked, int maskKey, long payloadLength, byte[] payload) {
        public int opcode() {
            return firstByte & 0x0F;
        }

        public boolean fin() {
            return (firstByte & 0x80) != 0;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** Close code of a close frame. */
        public int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    /** One accepted connection, from the server's side. */
    public static final class Peer {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private String requestLine;
        private final List<String> requestHeaderLines = new ArrayList<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** The connection itself, for a test server that reads it its own way after the upgrade. */
        Socket socket() {
            return socket;
        }

        /** Reads the upgrade request head. */
        public Peer readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("client closed during the request");
                }
                head.write(b);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            requestLine = lines[0];
            for (int i = 1; i < lines.length; i++) {
                requestHeaderLines.add(lines[i]);
            }
            return this;
        }

        public String requestLine() {
            return requestLine;
        }

        /** Request header lines as sent ({@code Name: value}), in order. */
        public List<String> requestHeaderLines() {
            return requestHeaderLines;
        }

        public String requestHeader(String name) {
            for (String line : requestHeaderLines) {
                int colon = line.indexOf(':');
                if (line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        /** Reads the request and answers 101 with a correct accept key plus {@code extraHeaderLines}. */
        public Peer upgrade(String... extraHeaderLines) throws Exception {
            readRequest();
            String key = requestHeader("Sec-WebSocket-Key");
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            StringBuilder response = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Accept: ").append(Base64.getEncoder().encodeToString(sha1)).append("\r\n");
            for (String line : extraHeaderLines) {
                response.append(line).append("\r\n");
            }
            writeAscii(response.append("\r\n").toString());
            return this;
        }

        public void writeAscii(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Writes {@code bytes} in pieces of the given sizes (cycling through them), each flushed on its own with
         * Nagle off and a short pause after every few, so the client's reads end at many different places.
         */
        public void writeInPieces(byte[] bytes, int[] sizes, long pauseMicros) throws IOException {
            socket.setTcpNoDelay(true);
            int i = 0;
            for (int at = 0; at < bytes.length; i++) {
                int n = Math.min(bytes.length - at, sizes[i % sizes.length]);
                out.write(bytes, at, n);
                out.flush();
                at += n;
                if (pauseMicros > 0 && i % 3 == 2) {
                    java.util.concurrent.locks.LockSupport.parkNanos(pauseMicros * 1000);
                }
            }
        }

        /** Writes an unmasked server frame; {@code firstByte} holds FIN, RSV and opcode. */
        public void sendFrame(int firstByte, byte[] payload) throws IOException {
            write(frame(firstByte, payload));
        }

        public void sendText(boolean fin, int opcode, String text) throws IOException {
            sendFrame((fin ? 0x80 : 0) | opcode, text.getBytes(StandardCharsets.UTF_8));
        }

        public void sendClose(int code, String reason) throws IOException {
            byte[] r = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + r.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(r, 0, payload, 2, r.length);
            sendFrame(0x88, payload);
        }

        /** The bytes of an unmasked frame with the shortest length encoding. */
        public static byte[] frame(int firstByte, byte[] payload) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write(firstByte);
            int n = payload.length;
            if (n <= 125) {
                b.write(n);
            } else if (n <= 0xFFFF) {
                b.write(126);
                b.write(n >> 8);
                b.write(n);
            } else {
                b.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    b.write((int) ((long) n >> shift));
                }
            }
            b.writeBytes(payload);
            return b.toByteArray();
        }

        /**
         * The bytes of a frame masked with {@code maskKey} (shortest length encoding): a server must never send
         * one (RFC 6455 §5.1), which is what a hostile script wants.
         */
        public static byte[] maskedFrame(int firstByte, int maskKey, byte[] payload) {
            byte[] plain = frame(firstByte, payload);
            int headerLength = plain.length - payload.length;
            byte[] wire = new byte[plain.length + 4];
            System.arraycopy(plain, 0, wire, 0, headerLength);
            wire[1] |= (byte) 0x80;
            for (int i = 0; i < 4; i++) {
                wire[headerLength + i] = (byte) (maskKey >>> (24 - 8 * i));
            }
            for (int i = 0; i < payload.length; i++) {
                wire[headerLength + 4 + i] = (byte) (payload[i] ^ (maskKey >>> (24 - 8 * (i & 3))));
            }
            return wire;
        }

        /** The payload of a close frame: the code's two bytes, then {@code reason} as given (UTF-8 or not). */
        public static byte[] closePayload(int code, byte... reason) {
            byte[] payload = new byte[2 + reason.length];
            payload[0] = (byte) (code >> 8);
            payload[1] = (byte) code;
            System.arraycopy(reason, 0, payload, 2, reason.length);
            return payload;
        }

        /** Reads client frames until a close frame and returns it, without answering. */
        public ClientFrame awaitClose() throws IOException {
            while (true) {
                ClientFrame f = readFrame();
                if (f.opcode() == 0x8) {
                    return f;
                }
            }
        }

        /** Reads one client frame and unmasks it. */
        public ClientFrame readFrame() throws IOException {
            int b0 = readByte();
            int b1 = readByte();
            boolean masked = (b1 & 0x80) != 0;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
            }
            int key = 0;
            if (masked) {
                key = (readByte() << 24) | (readByte() << 16) | (readByte() << 8) | readByte();
            }
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                throw new EOFException("frame cut short");
            }
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
            }
            return new ClientFrame(b0, masked, key, length, payload);
        }

        /** Reads frames until a close frame and answers it with the same payload. */
        public ClientFrame echoCloseWhenItComes() throws IOException {
            while (true) {
                ClientFrame f = readFrame();
                if (f.opcode() == 0x8) {
                    sendFrame(0x88, f.payload());
                    return f;
                }
            }
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("client closed the connection");
            }
            return b;
        }

        /** True once the client closed its side (reads until end of stream, within the socket's timeout). */
        public boolean clientClosed(int timeoutMillis) throws IOException {
            socket.setSoTimeout(timeoutMillis);
            try {
                while (in.read() >= 0) {
                    // drain what is left
                }
                return true;
            } catch (java.net.SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }

        /** Drops the TCP connection without a close frame. */
        public void drop() throws IOException {
            socket.close();
        }

        /** Keeps the connection open without answering, until the client goes away. */
        public void stayQuiet() throws IOException {
            while (in.read() >= 0) {
                // swallow whatever comes
            }
        }

        @Override
        public String toString() {
            return "Peer(" + socket + ")" + requestLine.toLowerCase(Locale.ROOT);
        }
    }
}
