package dev.wsinspector.core.replay;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads whole messages of one direction out of a frame store: a data frame plus its continuations up to FIN.
 * Control frames in between are skipped; a continuation whose start lies before the range is dropped.
 * Incremental: {@link #readUpTo} can be called again as the store grows.
 */
final class MessageAssembler {

    /** A whole message; {@code monoNanos} is the capture time of its first frame. */
    record Message(boolean text, byte[] data, long monoNanos, long firstSeq) {
    }

    private final FrameStore store;
    private final Direction direction;
    private long next;
    private ByteArrayOutputStream building;
    private boolean buildingText;
    private long buildingNanos;
    private long buildingSeq;

    MessageAssembler(FrameStore store, Direction direction, long fromSeq) {
        this.store = store;
        this.direction = direction;
        this.next = fromSeq;
    }

    /** Messages completed by frames up to {@code toSeqExclusive}. */
    List<Message> readUpTo(long toSeqExclusive) {
        List<Message> out = new ArrayList<>();
        for (; next < toSeqExclusive; next++) {
            long seq = next;
            if (store.direction(seq) != direction) {
                continue;
            }
            Opcode op = store.opcode(seq);
            if (op.isDataStart()) {
                building = new ByteArrayOutputStream();
                buildingText = op == Opcode.TEXT;
                buildingNanos = store.monoNanos(seq);
                buildingSeq = seq;
            } else if (op != Opcode.CONTINUATION || building == null) {
                continue;
            }
            byte[] payload = new byte[store.payloadLength(seq)];
            store.readPayload(seq, 0, payload, 0, payload.length);
            building.writeBytes(payload);
            if ((store.firstByte(seq) & 0x80) != 0) {
                out.add(new Message(buildingText, building.toByteArray(), buildingNanos, buildingSeq));
                building = null;
            }
        }
        return out;
    }

    /** All complete messages in {@code from..to} (inclusive). */
    static List<Message> between(FrameStore store, Direction direction, long from, long to) {
        return new MessageAssembler(store, direction, from).readUpTo(to + 1);
    }
}
