package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;

import java.nio.ByteBuffer;
import java.util.function.DoubleConsumer;

/**
 * A read-only view of a store that tells how far a writer got: every file writer walks frames in order, so the
 * highest frame read so far, over the frames there are, is the share done. Reported at most once per percent,
 * on the reading thread (the caller hands it on to where it is shown).
 */
public final class ProgressFrameStore implements FrameStore {

    private final FrameStore store;
    private final DoubleConsumer progress;
    private final long size;
    private long highest = -1;
    private int reportedPercent = -1;

    private ProgressFrameStore(FrameStore store, DoubleConsumer progress) {
        this.store = store;
        this.progress = progress;
        this.size = store.size();
    }

    /** The session's frames and events, with {@code progress} told the share written (0 to 1). */
    public static Session watching(Session session, DoubleConsumer progress) {
        Session watched = new Session(new ProgressFrameStore(session.frames(), progress));
        session.eventsFrom(0).forEach(watched::onEvent);
        return watched;
    }

    private long seen(long seq) {
        if (seq > highest) {
            highest = seq;
            int percent = (int) ((seq + 1) * 100 / Math.max(1, size));
            if (percent != reportedPercent) {
                reportedPercent = percent;
                progress.accept(Math.min(1.0, (seq + 1) / (double) Math.max(1, size)));
            }
        }
        return seq;
    }

    @Override
    public long append(Direction direction, WireHeader header, boolean inflated, long monoNanos, ByteBuffer payload) {
        throw new UnsupportedOperationException("read-only while it is written to a file");
    }

    /** The frames there were when the writing started: a live session's later frames are not part of the file. */
    @Override
    public long size() {
        return size;
    }

    @Override
    public CaptureClock clock() {
        return store.clock();
    }

    @Override
    public Frame get(long seq) {
        return store.get(seen(seq));
    }

    @Override
    public WireHeader header(long seq) {
        return store.header(seen(seq));
    }

    @Override
    public Direction direction(long seq) {
        return store.direction(seen(seq));
    }

    @Override
    public Opcode opcode(long seq) {
        return store.opcode(seen(seq));
    }

    @Override
    public int firstByte(long seq) {
        return store.firstByte(seen(seq));
    }

    @Override
    public boolean masked(long seq) {
        return store.masked(seen(seq));
    }

    @Override
    public boolean inflated(long seq) {
        return store.inflated(seen(seq));
    }

    @Override
    public boolean crafted(long seq) {
        return store.crafted(seen(seq));
    }

    @Override
    public long monoNanos(long seq) {
        return store.monoNanos(seen(seq));
    }

    @Override
    public long epochMicros(long seq) {
        return store.epochMicros(seen(seq));
    }

    @Override
    public int payloadLength(long seq) {
        return store.payloadLength(seen(seq));
    }

    @Override
    public long wirePayloadLength(long seq) {
        return store.wirePayloadLength(seen(seq));
    }

    @Override
    public int readPayload(long seq, int offset, byte[] dst, int dstOffset, int len) {
        return store.readPayload(seen(seq), offset, dst, dstOffset, len);
    }

    @Override
    public long payloadBytes() {
        return store.payloadBytes();
    }

    @Override
    public long retainedBytes() {
        return store.retainedBytes();
    }
}
