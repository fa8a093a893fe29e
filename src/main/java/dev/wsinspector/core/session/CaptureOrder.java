package dev.wsinspector.core.session;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Places events among frames, the one rule every reader of a capture follows (CLI output, JSONL export,
 * {@code show}): an event comes before the first frame whose seq is at or after its {@code frameIndex}; events
 * at or past the end come after the last frame. Events are in the order they happened.
 */
public final class CaptureOrder {

    private CaptureOrder() {
    }

    /**
     * Walks frames {@code fromSeq} up to {@code toSeq} (exclusive) and the given events in capture order.
     * Events whose place is before {@code fromSeq} come first.
     */
    public static void walk(List<ConnectionEvent> events, long fromSeq, long toSeq, Consumer<ConnectionEvent> onEvent,
                            LongConsumer onFrame) {
        int e = 0;
        for (long seq = fromSeq; seq < toSeq; seq++) {
            while (e < events.size() && events.get(e).frameIndex() <= seq) {
                onEvent.accept(events.get(e++));
            }
            onFrame.accept(seq);
        }
        while (e < events.size()) {
            onEvent.accept(events.get(e++));
        }
    }
}
