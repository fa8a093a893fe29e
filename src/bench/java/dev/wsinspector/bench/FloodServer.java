package dev.wsinspector.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A raw-socket WebSocket server for one connection that floods pre-built, unmasked data frames.
 *
 * <p>It answers the upgrade itself, then writes whole frames from one big pre-built buffer with plain
 * blocking {@code write}s (several MiB per system call), so the only per-frame work on the server side is
 * the kernel's copy: the server is not the bottleneck (the {@code raw-sink} client of the benchmark measures
 * how fast it can push). It stops at {@code maxFrames} or after {@code seconds}, whichever comes first, then
 * sends a close frame {@code 1000} with the reason {@code "sent=N"} (N = data frames written), half-closes,
 * waits a bounded time for the client's close reply and closes the socket. A watchdog closes the socket
 * if a client stops reading, so a run always ends.
 *
 * <p>Frame {@code j} of the flood carries {@code j mod framesPerBuffer} in its first 8 payload bytes (ASCII
 * decimal digits for text, big-endian for binary), so a capture can be checked for order and gaps, not only
 * counted.
 */
final class FloodServer implements AutoCloseable {

    /** Size of the pre-built buffer: whole frames up to this many bytes (at least one frame). */
    static final int BUFFER_BYTES = 4 * 1024 * 1024;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_REQUEST = 16 * 1024;
    private static final int IO_TIMEOUT_MILLIS = 10_000;
    private static final int WATCHDOG_GRACE_SECONDS = 60;

    /** What the server reports once the connection ended. */
    record Result(long framesSent, long bytesSent, long floodNanos, boolean closeReplySeen, String error) {
    }

    private final ServerSocket listener;
    private final boolean text;
    private final int payloadSize;
    private final long maxFrames;
    private final double seconds;
    private final long framesPerSecond;
    private volatile int acceptMillis = IO_TIMEOUT_MILLIS;
    private final byte[] buffer;
    private final int frameLength;
    private final int framesPerBuffer;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flood-watchdog");
        t.setDaemon(true);
        return t;
    });

    FloodServer(boolean text, int payloadSize, long maxFrames, double seconds) throws IOException {
        this(text, payloadSize, maxFrames, seconds, 0);
    }

    /**
     * @param framesPerSecond 0 = as fast as the socket takes them; otherwise the flood is paced to this rate
     *                        in 1 ms bursts (so a client can be measured at a stated load, not only at its limit)
     */
    FloodServer(boolean text, int payloadSize, long maxFrames, double seconds, long framesPerSecond)
            throws IOException {
        this.framesPerSecond = framesPerSecond;
        this.text = text;
        this.payloadSize = payloadSize;
        this.maxFrames = maxFrames;
        this.seconds = seconds;
        this.frameLength = headerLength(payloadSize) + payloadSize;
        this.framesPerBuffer = Math.max(1, BUFFER_BYTES / frameLength);
        this.buffer = buildFrames(text, payloadSize, framesPerBuffer);
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
    }

    int port() {
        return listener.getLocalPort();
    }

    int framesPerBuffer() {
        return framesPerBuffer;
    }

    int frameLength() {
        return frameLength;
    }

    /** Serves exactly one connection on a new thread; the result completes when it ended. */
    CompletableFuture<Result> serveOne() {
        Thread t = new Thread(this::serve, "flood-server");
        t.setDaemon(true);
        t.start();
        return result;
    }

    private void serve() {
        long sent = 0;
        long bytes = 0;
        long floodNanos = 0;
        boolean replySeen = false;
        try (Socket socket = accept()) {
            socket.setSoTimeout(IO_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            watchdog.schedule(() -> closeQuietly(socket), (long) Math.ceil(seconds) + WATCHDOG_GRACE_SECONDS,
                    TimeUnit.SECONDS);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(upgradeResponse(readRequest(in)));
            out.flush();

            long start = System.nanoTime();
            long deadline = start + (long) (seconds * 1e9);
            while (sent < maxFrames && System.nanoTime() - deadline < 0) {
                int n = (int) Math.min(framesPerBuffer, maxFrames - sent);
                if (framesPerSecond > 0) {
                    long due = (long) ((System.nanoTime() - start) / 1e9 * framesPerSecond) - sent;
                    if (due <= 0) {
                        Thread.sleep(1);
                        continue;
                    }
                    n = (int) Math.min(n, due);
                }
                out.write(buffer, 0, n * frameLength);
                sent += n;
                bytes += (long) n * frameLength;
            }
            floodNanos = System.nanoTime() - start;
            out.write(closeFrame(1000, "sent=" + sent));
            out.flush();
            socket.shutdownOutput();
            replySeen = readCloseReply(in);
            result.complete(new Result(sent, bytes, floodNanos, replySeen, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.complete(new Result(sent, bytes, floodNanos, replySeen, "interrupted"));
        } catch (IOException | RuntimeException e) {
            result.complete(new Result(sent, bytes, floodNanos, replySeen, e.toString()));
        } finally {
            watchdog.shutdownNow();
            closeQuietly(listener);
        }
    }

    /**
     * Waits up to {@code millis} for the client instead of 10 s (a client that is a JVM starting on a loaded
     * machine); call before {@link #serveOne}.
     */
    FloodServer acceptWithin(int millis) {
        acceptMillis = millis;
        return this;
    }

    private Socket accept() throws IOException {
        listener.setSoTimeout(acceptMillis);
        return listener.accept();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        closeQuietly(listener);
    }

    // ---- the wire ----

    static int headerLength(int payloadSize) {
        return payloadSize <= 125 ? 2 : payloadSize <= 0xFFFF ? 4 : 10;
    }

    /** {@code count} unmasked FIN frames back to back; frame i carries i in its first 8 payload bytes. */
    static byte[] buildFrames(boolean text, int payloadSize, int count) {
        int frameLength = headerLength(payloadSize) + payloadSize;
        byte[] frames = new byte[Math.multiplyExact(frameLength, count)];
        byte[] payload = new byte[payloadSize];
        for (int i = 0; i < payloadSize; i++) {
            // Printable ASCII (valid UTF-8 for text frames), not constant, so nothing can shortcut it.
            payload[i] = text ? (byte) ('a' + i % 26) : (byte) i;
        }
        for (int f = 0; f < count; f++) {
            int at = f * frameLength;
            at = writeHeader(frames, at, text ? 0x81 : 0x82, payloadSize);
            System.arraycopy(payload, 0, frames, at, payloadSize);
            writeIndex(frames, at, payloadSize, text, f);
        }
        return frames;
    }

    /** The index a frame carries, or -1 when its payload is shorter than 8 bytes. */
    static long readIndex(byte[] first8, boolean text) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            if (text) {
                int d = first8[i] - '0';
                if (d < 0 || d > 9) {
                    return -2;
                }
                v = v * 10 + d;
            } else {
                v = v << 8 | (first8[i] & 0xFF);
            }
        }
        return v;
    }

    private static void writeIndex(byte[] frames, int at, int payloadSize, boolean text, long index) {
        if (payloadSize < 8) {
            return;
        }
        if (text) {
            byte[] digits = String.format(Locale.ROOT, "%08d", index).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, frames, at, 8);
        } else {
            for (int i = 7; i >= 0; i--) {
                frames[at + i] = (byte) index;
                index >>>= 8;
            }
        }
    }

    private static int writeHeader(byte[] b, int at, int firstByte, long length) {
        b[at++] = (byte) firstByte;
        if (length <= 125) {
            b[at++] = (byte) length;
        } else if (length <= 0xFFFF) {
            b[at++] = 126;
            b[at++] = (byte) (length >>> 8);
            b[at++] = (byte) length;
        } else {
            b[at++] = 127;
            for (int i = 7; i >= 0; i--) {
                b[at++] = (byte) (length >>> (8 * i));
            }
        }
        return at;
    }

    static byte[] closeFrame(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + 2 + r.length];
        frame[0] = (byte) 0x88;
        frame[1] = (byte) (2 + r.length);
        frame[2] = (byte) (code >>> 8);
        frame[3] = (byte) code;
        System.arraycopy(r, 0, frame, 4, r.length);
        return frame;
    }

    /** Parses the {@code sent=N} reason of our close frame; -1 when absent. */
    static long sentFromReason(String reason) {
        if (reason != null && reason.startsWith("sent=")) {
            try {
                return Long.parseLong(reason.substring(5).trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    // ---- handshake ----

    private static String readRequest(InputStream in) throws IOException {
        byte[] buf = new byte[MAX_REQUEST];
        int fill = 0;
        while (fill < buf.length) {
            int n = in.read(buf, fill, buf.length - fill);
            if (n < 0) {
                throw new IOException("client closed before finishing the upgrade request");
            }
            fill += n;
            String soFar = new String(buf, 0, fill, StandardCharsets.ISO_8859_1);
            if (soFar.contains("\r\n\r\n")) {
                return soFar;
            }
        }
        throw new IOException("upgrade request longer than " + MAX_REQUEST + " bytes");
    }

    private static byte[] upgradeResponse(String request) throws IOException {
        String key = null;
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("no Sec-WebSocket-Key in the upgrade request");
        }
        String accept;
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            accept = Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads until the client's (masked) close frame is complete, EOF, or the read timeout. */
    private static boolean readCloseReply(InputStream in) throws IOException {
        byte[] buf = new byte[256];
        int fill = 0;
        try {
            while (fill < buf.length) {
                int n = in.read(buf, fill, buf.length - fill);
                if (n < 0) {
                    return false;
                }
                fill += n;
                if (fill >= 2 && (buf[0] & 0x0F) == 0x8) {
                    int need = 2 + ((buf[1] & 0x80) != 0 ? 4 : 0) + (buf[1] & 0x7F);
                    if (fill >= need) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing to end a run: nothing else to do
        }
    }
}
