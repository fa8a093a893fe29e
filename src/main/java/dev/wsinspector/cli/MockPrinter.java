package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.SegmentedFrameStore;
import dev.wsinspector.core.io.JsonlEventWriter;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code mock}'s stdout: each client's frames and events as {@code connect} prints them ({@link JsonlEventWriter},
 * one per client, so fragmented messages are tracked per client), with {@code "client"} and, on a received message a
 * rule answered, {@code "rule"}. A received message is held back until the server decided on it, so its line
 * carries the rule. Called from one thread only.
 */
final class MockPrinter {

    /** Bytes of printed frames a client's in-memory capture may keep before they are let go. */
    static final long MEMORY_BUDGET = 32L << 20;

    private final Writer out;
    private final Map<Integer, Cursor> cursors = new HashMap<>();

    MockPrinter(PrintStream stdout) {
        this.out = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    }

    private static final class Cursor {
        final JsonlEventWriter writer;
        long nextSeq;
        int nextEvent;

        Cursor(JsonlEventWriter writer) {
            this.writer = writer;
        }
    }

    /** Prints what arrived since the last call. */
    void print(List<MockCapture> clients) {
        boolean any = false;
        for (MockCapture c : clients) {
            any |= print(c);
        }
        if (any) {
            cursors.values().iterator().next().writer.flush();
        }
    }

    /** The end: nothing is held back any more. */
    void finish(List<MockCapture> clients) {
        print(clients);
    }

    private boolean print(MockCapture c) {
        Cursor cur = cursors.computeIfAbsent(c.client(), n -> new Cursor(new JsonlEventWriter(out, false)));
        Session session = c.session();
        FrameStore store = c.frames();
        long size = store.size();
        long until = cur.nextSeq;
        while (until < size && (store.direction(until) != Direction.IN || !store.opcode(until).isDataStart()
                || c.decided(until))) {
            until++;
        }
        List<ConnectionEvent> events = session.eventsFrom(cur.nextEvent);
        int eventsBefore = 0;
        for (ConnectionEvent e : events) {
            if (e.frameIndex() > until) {
                break;
            }
            eventsBefore++;
        }
        if (until == cur.nextSeq && eventsBefore == 0) {
            return false;
        }
        List<ConnectionEvent> now = events.subList(0, eventsBefore);
        long from = cur.nextSeq;
        dev.wsinspector.core.session.CaptureOrder.walk(now, from, until, e -> event(cur, c, e), seq -> frame(cur, c, seq));
        cur.nextSeq = until;
        cur.nextEvent += eventsBefore;
        if (store instanceof SegmentedFrameStore segments && segments.retainedBytes() > MEMORY_BUDGET) {
            segments.release(until, null); // printed, and kept nowhere else: a long run stays within memory
        }
        return true;
    }

    private void event(Cursor cur, MockCapture c, ConnectionEvent e) {
        cur.writer.eventNode(e).ifPresent(node -> {
            node.put("client", c.client());
            cur.writer.writeLine(node);
        });
    }

    private void frame(Cursor cur, MockCapture c, long seq) {
        ObjectNode node = cur.writer.frameNode(c.frames().get(seq));
        node.put("client", c.client());
        int rule = c.ruleFor(seq);
        if (rule > 0) {
            node.put("rule", rule);
        }
        cur.writer.writeLine(node);
    }
}
