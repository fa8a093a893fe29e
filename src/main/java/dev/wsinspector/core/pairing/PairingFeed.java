package dev.wsinspector.core.pairing;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.util.List;
import java.util.Objects;

/**
 * Feeds a {@link PairingEngine} from a {@link FrameStore}: each frame that is a whole text or binary message
 * (fragments are no message of any protocol, control frames ask nothing) goes through the {@link CorrelationKeys};
 * the others are fed with none, so the engine's clock moves on. Incremental: {@link #advance} takes what arrived
 * since the last call. One thread feeds; the engine answers any. Runs where the lines are written or off the FX
 * thread, never on a socket's read thread.
 */
public final class PairingFeed {

    private final PairingEngine engine;
    private final CorrelationKeys keys;
    private String decoderChoice = ProtocolHint.AUTO;
    private int nextEvent;

    public PairingFeed(PairingEngine engine, CorrelationKeys keys) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public PairingEngine engine() {
        return engine;
    }

    /** The connection said what it speaks (its open): the protocol keys decode with it from now on. */
    public void hint(ProtocolHint hint) {
        if (keys instanceof ProtocolKeys protocol) {
            protocol.hint(hint);
        }
    }

    /** The user's decoder choice ({@code auto}, a protocol's name), laid over each open's hint. */
    public PairingFeed decoder(String choice) {
        decoderChoice = ProtocolHint.checkedDecoder(choice);
        hint(ProtocolHint.NONE.withDecoder(decoderChoice));
        return this;
    }

    /** The connection opened: its subprotocol and URL choose the decoder for the frames after it. */
    public void opened(ConnectionEvent.Opened opened) {
        hint(ProtocolHint.of(opened).withDecoder(decoderChoice));
    }

    /**
     * Feeds what a session captured since the last call, each {@code open} event's hint applied from its place
     * among the frames (a reconnecting tab has several).
     *
     * @return how many frames were fed
     */
    public long advance(Session session) {
        return advance(session, Long.MAX_VALUE);
    }

    /** As {@link #advance(Session)}, at most {@code maxFrames} (the rest next time), so one call stays short. */
    public long advance(Session session, long maxFrames) {
        FrameStore store = session.frames();
        long end = Math.min(store.size(), engine.fed() + maxFrames);
        List<ConnectionEvent> events = session.eventsFrom(nextEvent);
        int e = 0;
        long from = engine.fed();
        for (long seq = from; seq < end; seq++) {
            while (e < events.size() && events.get(e).frameIndex() <= seq) {
                if (events.get(e) instanceof ConnectionEvent.Opened opened) {
                    opened(opened);
                }
                e++;
            }
            feed(store, seq);
        }
        nextEvent += e;
        return Math.max(0, end - from);
    }

    /**
     * Feeds the frames from where the engine stopped up to {@code to} (exclusive).
     *
     * @return how many frames were fed
     */
    public long advance(FrameStore store, long to) {
        long from = engine.fed();
        long end = Math.min(to, store.size());
        for (long seq = from; seq < end; seq++) {
            feed(store, seq);
        }
        return Math.max(0, end - from);
    }

    /** Feeds one frame (frames in seq order). */
    public void feed(FrameStore store, long seq) {
        Direction dir = store.direction(seq);
        long micros = store.epochMicros(seq);
        int first = store.firstByte(seq);
        Opcode op = store.opcode(seq);
        boolean whole = (first & 0x80) != 0 && op.isDataStart()
                && (store.inflated(seq) || store.payloadLength(seq) >= store.wirePayloadLength(seq));
        if (!whole) {
            engine.add(seq, dir, micros, List.of());
            return;
        }
        int length = store.payloadLength(seq);
        byte[] payload = new byte[length];
        store.readPayload(seq, 0, payload, 0, length);
        List<Correlation> found;
        try {
            found = keys.of(dir, payload, op == Opcode.TEXT);
        } catch (RuntimeException e) {
            found = List.of(); // a message no key can be read from takes no part
        }
        engine.add(seq, dir, micros, found);
    }
}
