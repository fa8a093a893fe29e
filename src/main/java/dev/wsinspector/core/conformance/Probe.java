package dev.wsinspector.core.conformance;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One case's open connection as its check sees it: sends, and the server's frames read back in order from the
 * capture, each wait ending at the case's deadline. Frames reach the capture without an event, so a wait looks
 * again every few milliseconds (and at once when the connection reports something, such as its end).
 */
public final class Probe {

    /** What came from the server next: a whole data message, a close, or nothing before the deadline. */
    public record Reply(Kind kind, Opcode opcode, byte[] payload, int frames, int closeCode, String closeReason,
                        boolean compressed, long wireBytes) {

        public enum Kind { MESSAGE, CLOSE, ENDED, TIMEOUT }

        /** E.g. "text message of 125 bytes", "close 1002 (unmasked frame from client)", "no answer within 5 s". */
        public String describe() {
            return switch (kind) {
                case MESSAGE -> opcode.jsonName() + " message of " + payload.length + " bytes"
                        + (frames > 1 ? " in " + frames + " frames" : "");
                case CLOSE -> closeCode < 0 ? "close without a code"
                        : "close " + closeCode + (closeReason.isEmpty() ? "" : " (" + closeReason + ")");
                case ENDED -> "the connection ended without a close frame";
                case TIMEOUT -> "nothing before the case's timeout";
            };
        }
    }

    private static final long TICK_MILLIS = 5;

    private final Connection connection;
    private final Session session;
    private final Object signal;
    private final long deadlineNanos;
    private long cursor;
    private final List<byte[]> pongs = new ArrayList<>();

    Probe(Connection connection, Session session, Object signal, long deadlineNanos) {
        this.connection = connection;
        this.session = session;
        this.signal = signal;
        this.deadlineNanos = deadlineNanos;
    }

    public Connection connection() {
        return connection;
    }

    /** The upgrade's response header {@code name}, if the server sent it. */
    public String responseHeader(String name) {
        return session.opened().flatMap(o -> o.handshake().responseHeader(name)).orElse("");
    }

    /** Sends the frames of {@code spec} as crafted, past the client's encoder and checks. */
    public void sendCrafted(FrameSpec spec) {
        connection.sendCrafted(spec);
    }

    /** The payloads of the pongs read so far (they come between messages, so {@link #next} collects them). */
    public List<byte[]> pongs() {
        return pongs;
    }

    /**
     * The server's next message or close, pongs and pings set aside; data frames of one message are put together.
     */
    public Reply next() throws InterruptedException {
        ByteArrayOutputStream message = null;
        Opcode opcode = null;
        int frames = 0;
        boolean compressed = false;
        long wire = 0;
        while (true) {
            Frame frame = nextIn();
            if (frame == null) {
                return new Reply(ended() ? Reply.Kind.ENDED : Reply.Kind.TIMEOUT, null, null, frames, -1, "", false, 0);
            }
            Opcode op = frame.opcode();
            if (op == Opcode.PONG) {
                pongs.add(frame.payloadBytes());
            } else if (op == Opcode.CLOSE) {
                byte[] p = frame.payloadBytes();
                int code = p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : -1;
                String reason = p.length > 2 ? new String(p, 2, p.length - 2, StandardCharsets.UTF_8) : "";
                return new Reply(Reply.Kind.CLOSE, op, p, 1, code, reason, false, frame.header().payloadLength());
            } else if (op.isDataStart() || op == Opcode.CONTINUATION) {
                if (message == null) {
                    message = new ByteArrayOutputStream();
                    opcode = op;
                    compressed = frame.inflated();
                }
                message.writeBytes(frame.payloadBytes());
                wire += frame.header().payloadLength();
                frames++;
                if (frame.fin()) {
                    return new Reply(Reply.Kind.MESSAGE, opcode, message.toByteArray(), frames, -1, "", compressed,
                            wire);
                }
            }
        }
    }

    /** Waits for a pong (one already read counts), or the deadline; null then. */
    public byte[] nextPong() throws InterruptedException {
        while (pongs.isEmpty()) {
            Frame frame = nextIn();
            if (frame == null) {
                return null;
            }
            if (frame.opcode() == Opcode.PONG) {
                pongs.add(frame.payloadBytes());
            } else if (frame.opcode() == Opcode.CLOSE) {
                cursor--; // leave it for next()
                return null;
            }
        }
        return pongs.remove(0);
    }

    /** The next frame from the server, or null at the deadline or once the connection ended and all was read. */
    private Frame nextIn() throws InterruptedException {
        FrameStore store = session.frames();
        while (true) {
            while (cursor < store.size()) {
                long seq = cursor++;
                if (store.direction(seq) == Direction.IN) {
                    return store.get(seq);
                }
            }
            if (ended() && cursor >= store.size()) {
                return null;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            synchronized (signal) {
                signal.wait(Math.max(1, Math.min(TICK_MILLIS, left / 1_000_000)));
            }
        }
    }

    private boolean ended() {
        return session.closed().isPresent() || session.state() == ConnectionState.CLOSED
                || lastEvent() instanceof ConnectionEvent.Failed;
    }

    private ConnectionEvent lastEvent() {
        int n = session.eventCount();
        return n == 0 ? null : session.event(n - 1);
    }
}
