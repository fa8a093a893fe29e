package dev.wsinspector.core.proxy;

import java.util.Arrays;

/**
 * Which frame on one leg is the copy of which frame on the other: a frame the proxy read on the client leg
 * and wrote on the server leg (or the other way) is one pair; an edited message's one frame is paired with the
 * first frame of the message it replaced. Frames without a copy (dropped, injected, the proxy's own close
 * frames, or not yet written) have none ({@code -1}). Any thread may ask; the proxy's writer
 * threads record. Memory: 8 bytes per frame and leg, in chunks allocated as the capture grows.
 */
public final class LegPairs {

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final Column clientToServer = new Column();
    private final Column serverToClient = new Column();

    /** Records that frame {@code clientSeq} on the client leg and {@code serverSeq} on the server leg are a pair. */
    public void pair(long clientSeq, long serverSeq) {
        clientToServer.set(clientSeq, serverSeq);
        serverToClient.set(serverSeq, clientSeq);
    }

    /** Records a pair given by the flow: {@code sourceSeq} on {@code flow.source()}, {@code targetSeq} on its target. */
    public void pair(Flow flow, long sourceSeq, long targetSeq) {
        if (flow == Flow.TO_SERVER) {
            pair(sourceSeq, targetSeq);
        } else {
            pair(targetSeq, sourceSeq);
        }
    }

    /** The seq on the other leg of frame {@code seq} on {@code leg}, or -1 when it has no copy there. */
    public long other(Leg leg, long seq) {
        return (leg == Leg.CLIENT ? clientToServer : serverToClient).get(seq);
    }

    private static final class Column {
        private long[][] chunks = new long[4][];

        synchronized void set(long seq, long value) {
            int chunk = (int) (seq >>> CHUNK_BITS);
            if (chunk >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(chunk + 1, chunks.length * 2));
            }
            if (chunks[chunk] == null) {
                long[] c = new long[CHUNK];
                Arrays.fill(c, -1L);
                chunks[chunk] = c;
            }
            chunks[chunk][(int) (seq & (CHUNK - 1))] = value;
        }

        synchronized long get(long seq) {
            int chunk = (int) (seq >>> CHUNK_BITS);
            if (seq < 0 || chunk >= chunks.length || chunks[chunk] == null) {
                return -1L;
            }
            return chunks[chunk][(int) (seq & (CHUNK - 1))];
        }
    }
}
