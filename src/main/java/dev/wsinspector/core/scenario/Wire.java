package dev.wsinspector.core.scenario;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.journal.SessionRecorder;
import dev.wsinspector.core.session.Connection;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionState;
import dev.wsinspector.core.session.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection of a running scenario, read back from its capture: the server's messages not yet used by an
 * expectation (in order), its pongs and its close frame. Waits end at a deadline, woken by every captured frame
 * and every connection event.
 */
final class Wire {

    record Pong(long seq, byte[] payload) {
    }

    final String name;
    final Session session;
    final SessionRecorder.Recorded recorded;
    final Object signal;
    Connection connection;
    final List<Received> pending = new ArrayList<>();
    final List<Pong> pongs = new ArrayList<>();
    long closeSeq = -1;
    /** The composer formats' ids (JSON-RPC, MQTT packet ids) count per connection. */
    final dev.wsinspector.core.payload.encode.EncodeContext encoding = dev.wsinspector.core.payload.encode.EncodeContext.fresh();
    int closeCode = -1;
    String closeReason = "";
    Received lastMatched;
    Matcher.Context context;
    long lastSendNanos = -1;
    private long cursor;
    private ByteArrayOutputStream partial;
    private long partialFirst;
    private long partialNanos;
    private boolean partialBinary;
    /** The last few messages seen, for failure messages. */
    final java.util.ArrayDeque<Received> recent = new java.util.ArrayDeque<>();

    Wire(String name, SessionRecorder.Recorded recorded, Object signal) {
        this.name = name;
        this.recorded = recorded;
        this.session = recorded.session();
        this.signal = signal;
    }

    FrameStore frames() {
        return session.frames();
    }

    /** Reads the frames captured since the last call. */
    void pump() {
        FrameStore store = session.frames();
        long size = store.size();
        while (cursor < size) {
            long seq = cursor++;
            if (store.direction(seq) != Direction.IN) {
                continue;
            }
            Frame f = store.get(seq);
            Opcode op = f.opcode();
            if (op == Opcode.PONG) {
                pongs.add(new Pong(seq, f.payloadBytes()));
            } else if (op == Opcode.CLOSE) {
                byte[] p = f.payloadBytes();
                closeSeq = seq;
                closeCode = p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1005;
                closeReason = p.length > 2 ? new String(p, 2, p.length - 2, StandardCharsets.UTF_8) : "";
            } else if (op.isDataStart() || op == Opcode.CONTINUATION) {
                if (partial == null) {
                    partial = new ByteArrayOutputStream();
                    partialFirst = seq;
                    partialNanos = f.monoNanos();
                    partialBinary = op == Opcode.BINARY;
                }
                partial.writeBytes(f.payloadBytes());
                if (f.fin()) {
                    Received r = new Received(partialFirst, seq, partialBinary, partial.toByteArray(), partialNanos);
                    pending.add(r);
                    recent.addLast(r);
                    if (recent.size() > 3) {
                        recent.removeFirst();
                    }
                    partial = null;
                }
            }
        }
    }

    boolean ended() {
        return session.closed().isPresent() || session.state() == ConnectionState.CLOSED
                || lastEvent() instanceof ConnectionEvent.Failed;
    }

    private ConnectionEvent lastEvent() {
        int n = session.eventCount();
        return n == 0 ? null : session.event(n - 1);
    }

    /** Waits for the next frame or event, at most until {@code deadline}; false once it passed. */
    boolean await(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        synchronized (signal) {
            if (cursor >= session.frames().size()) {
                long ms = Math.min(20, left / 1_000_000);
                signal.wait(ms, ms == 0 ? (int) Math.max(1, left % 1_000_000) : 0);
            }
        }
        return true;
    }

    /** The last messages seen, for a failure: {@code #12 "text"; #14 "other"} (or "no message yet"). */
    String lastSeen() {
        if (recent.isEmpty()) {
            return "no message from the server yet";
        }
        List<String> parts = new ArrayList<>();
        for (Received r : recent) {
            parts.add("#" + r.firstSeq() + " \"" + r.preview() + "\"");
        }
        return "last seen: " + String.join("; ", parts);
    }

    List<Long> recentSeqs() {
        return recent.stream().map(Received::firstSeq).toList();
    }
}
