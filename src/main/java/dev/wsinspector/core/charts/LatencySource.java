package dev.wsinspector.core.charts;

/**
 * Reply latencies of one capture, as a request/response pairing knows them: the charts ask for each frame below
 * {@link #pairedUpTo()} once, in order. Implemented by the pairing engine; thread-safe (asked off the FX thread).
 */
public interface LatencySource {

    /** What {@link #latencyNanos} answers for a frame that is no reply. */
    long NONE = -1;

    /** No pairing: no frame is a reply. */
    LatencySource NO_PAIRING = new LatencySource() {
        @Override
        public long pairedUpTo() {
            return 0;
        }

        @Override
        public long latencyNanos(long seq) {
            return NONE;
        }
    };

    /** Frames below this seq are settled: each is a reply with its latency, or none. */
    long pairedUpTo();

    /** Nanoseconds from the request to frame {@code seq} when it answers one, else {@link #NONE}. */
    long latencyNanos(long seq);
}
