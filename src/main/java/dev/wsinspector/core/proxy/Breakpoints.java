package dev.wsinspector.core.proxy;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.frame.FrameStore;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A breakpoint per {@link Flow}: a {@code core.filter} expression that a message's first frame, as captured on
 * its source leg, is tested against (so {@code dir:in} always holds: the proxy reads what it forwards). No
 * expression, no breakpoint. Thread-safe: set from any thread; each reader thread asks through its own
 * {@link Matcher}, which picks up a change at the next message.
 */
public final class Breakpoints {

    private final Map<Flow, BoundFilter> filters = new EnumMap<>(Flow.class);

    /**
     * Sets {@code flow}'s breakpoint; null or blank removes it.
     *
     * @throws FilterSyntaxException with the position of the first mistake (the breakpoint is left as it was)
     */
    public void set(Flow flow, String expression) {
        BoundFilter bound = expression == null || expression.isBlank() ? null
                : Filter.compile(expression, FilterContext.defaults());
        synchronized (filters) {
            if (bound == null) {
                filters.remove(flow);
            } else {
                filters.put(flow, bound);
            }
        }
    }

    public Optional<String> expression(Flow flow) {
        return Optional.ofNullable(filter(flow)).map(f -> f.filter().expression());
    }

    BoundFilter filter(Flow flow) {
        synchronized (filters) {
            return filters.get(flow);
        }
    }

    /** A matcher for frames of {@code flow} captured in {@code source}; for one thread. */
    public Matcher matcher(Flow flow, FrameStore source) {
        return new Matcher(flow, source);
    }

    /** One reader's view of a flow's breakpoint; not thread-safe. */
    public final class Matcher {
        private final Flow flow;
        private final FrameStore source;
        private BoundFilter bound;
        private BoundFilter.FrameTest test;

        private Matcher(Flow flow, FrameStore source) {
            this.flow = flow;
            this.source = source;
        }

        /** True when the message whose first frame is {@code seq} (stored already) is to be held. */
        public boolean holds(long seq) {
            BoundFilter now = filter(flow);
            if (now == null) {
                bound = null;
                test = null;
                return false;
            }
            if (now != bound) {
                bound = now;
                test = now.frames(source);
            }
            return test.test(seq);
        }
    }
}
