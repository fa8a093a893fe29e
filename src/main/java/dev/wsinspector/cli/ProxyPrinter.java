package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.io.JsonlEventWriter;
import dev.wsinspector.core.proxy.Interceptor;
import dev.wsinspector.core.proxy.Leg;
import dev.wsinspector.core.proxy.ProxiedClient;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code proxy}'s stdout: every leg of every client as {@code connect}'s JSON lines (one
 * {@link JsonlEventWriter} per leg, so fragmented messages are tracked per leg), each with {@code "leg"} and
 * {@code "client"}, and on a forwarded frame's copy {@code "pairSeq"}: the seq of the frame it copies on the other
 * leg. Frames and events are pulled from the captures on the printer's thread ({@link #printNew}), never on the
 * proxy's socket threads; a leg's events come before the frames that followed them.
 */
final class ProxyPrinter {

    /** A copy whose pairing is not recorded yet is waited for this many rounds, then printed without it. */
    private static final int PAIR_WAIT_ROUNDS = 5;

    private final Interceptor proxy;
    private final Writer out;
    private final boolean includeSecrets;
    private final Map<String, LegState> legs = new HashMap<>();

    ProxyPrinter(Interceptor proxy, Writer out, boolean includeSecrets) {
        this.proxy = proxy;
        this.out = out;
        this.includeSecrets = includeSecrets;
    }

    private final class LegState {
        final JsonlEventWriter writer = new JsonlEventWriter(out, includeSecrets);
        long nextSeq;
        int nextEvent;
        int waited;
    }

    /** Prints what arrived since the last call; returns whether anything was printed. */
    synchronized boolean printNew() {
        boolean any = false;
        List<ProxiedClient> clients = proxy.clients();
        for (ProxiedClient c : clients) {
            for (Leg leg : new Leg[]{Leg.CLIENT, Leg.SERVER}) {
                any |= printLeg(c, leg, legs.computeIfAbsent(c.id() + leg.jsonName(), k -> new LegState()));
            }
        }
        if (any) {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return any;
    }

    private boolean printLeg(ProxiedClient c, Leg leg, LegState state) {
        Session session = c.leg(leg);
        FrameStore store = session.frames();
        boolean any = false;
        long size = store.size();
        List<ConnectionEvent> events = session.eventsFrom(state.nextEvent);
        int e = 0;
        while (state.nextSeq < size) {
            long seq = state.nextSeq;
            while (e < events.size() && events.get(e).frameIndex() <= seq) {
                any |= event(c, leg, state, events.get(e++));
            }
            long pair = c.pairs().other(leg, seq);
            if (pair < 0 && store.direction(seq) == Direction.OUT && state.waited < PAIR_WAIT_ROUNDS
                    && session.closed().isEmpty()) {
                state.waited++; // the writer records the pairing just after the frame: look again next round
                return any;
            }
            state.waited = 0;
            ObjectNode node = state.writer.frameNode(store.get(seq));
            tag(node, c, leg);
            if (pair >= 0 && store.direction(seq) == Direction.OUT) {
                node.put("pairSeq", pair);
            }
            state.writer.writeLine(node);
            state.nextSeq++;
            any = true;
        }
        while (e < events.size()) {
            any |= event(c, leg, state, events.get(e++));
        }
        return any;
    }

    private boolean event(ProxiedClient c, Leg leg, LegState state, ConnectionEvent event) {
        state.nextEvent++;
        var node = state.writer.eventNode(event);
        if (node.isEmpty()) {
            return false;
        }
        if (event instanceof ConnectionEvent.Opened opened) {
            state.writer.connectionHint(opened);
        }
        tag(node.get(), c, leg);
        state.writer.writeLine(node.get());
        return true;
    }

    private static void tag(ObjectNode node, ProxiedClient c, Leg leg) {
        node.put("leg", leg.jsonName());
        node.put("client", c.id());
    }
}
