package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.session.ConnectionEvent;

/**
 * A {@link Filter} ready to answer for one connection's frames and events. Thread-safe; each reader gets its own
 * {@link FrameTest} (which holds the per-frame scratch). Whole sessions go through {@link FilterRun}.
 */
public final class BoundFilter {

    private final Filter filter;
    private final Terms.Node root;
    private final FilterContext context;

    BoundFilter(Filter filter, Terms.Node root, FilterContext context) {
        this.filter = filter;
        this.root = root;
        this.context = context;
    }

    public Filter filter() {
        return filter;
    }

    Terms.Node root() {
        return root;
    }

    FilterContext context() {
        return context;
    }

    /** True when most frames' answers read the payload (text, regex, JSON or decoded terms decide). */
    public boolean scansPayloads() {
        return root.scansPayloads();
    }

    public boolean matchesEvent(ConnectionEvent event) {
        return root.event(event, EventText.of(event));
    }

    /** Tests for frames of {@code store}, cheapest when asked in capture order (as the CLI prints them). */
    public FrameTest frames(FrameStore store) {
        return new FrameTest(store);
    }

    /** One reader's frame tests; not thread-safe. */
    public final class FrameTest {
        private final FrameStore store;
        private final FrameCursor cursor;
        private MessageKinds.Tracker messages;
        private long next = -1;

        private FrameTest(FrameStore store) {
            this.store = store;
            this.cursor = new FrameCursor(store, context);
        }

        /** True when frame {@code seq} (stored already) matches. */
        public boolean test(long seq) {
            if (seq != next || messages == null) {
                messages = MessageKinds.Tracker.from(store, seq); // a jump: look back for an open message once
            }
            next = seq + 1;
            int firstByte = store.firstByte(seq);
            Direction direction = store.direction(seq);
            boolean text = messages.next(direction, firstByte);
            cursor.at(seq, firstByte, direction == Direction.IN, text, store.payloadLength(seq));
            return root.frame(cursor);
        }
    }
}
