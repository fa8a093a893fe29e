package dev.wsinspector.cli;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.pairing.PairingEngine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * For {@code connect --filter} with {@code unanswered}: a request that does not match when it is printed may
 * match once its timeout has passed, so it is held (while it waits for its reply) and tested again when
 * decided; it is then printed out of seq order, when it became unanswered. Bounded like the engine's open requests.
 */
final class HeldRequests {

    private final PairingEngine engine;
    private final boolean wanted;
    private final List<Long> held = new ArrayList<>();

    HeldRequests(PairingEngine engine, BoundFilter filter) {
        this.engine = engine;
        // The canonical form names the term; a quoted text "unanswered" only makes requests wait to be tested again.
        this.wanted = filter != null && filter.filter().toString().contains("unanswered");
    }

    /** A frame the filter left out now: kept if it is a request still waiting for its reply. */
    void consider(long seq) {
        if (wanted && engine.link(seq).kind() == PairingEngine.Kind.WAITING && held.size() < PairingEngine.DEFAULT_MAX_OPEN) {
            held.add(seq);
        }
    }

    /** Tests again the held requests that are answered or unanswered now; those that match go to {@code print}. */
    void release(BoundFilter.FrameTest test, LongConsumer print) {
        for (Iterator<Long> it = held.iterator(); it.hasNext(); ) {
            long seq = it.next();
            if (engine.link(seq).kind() != PairingEngine.Kind.WAITING) {
                it.remove();
                if (test.test(seq)) {
                    print.accept(seq);
                }
            }
        }
    }
}
