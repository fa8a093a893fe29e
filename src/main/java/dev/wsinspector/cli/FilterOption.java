package dev.wsinspector.cli;

import dev.wsinspector.core.filter.BoundFilter;
import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.filter.FilterContext;
import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.filter.Pairing;
import dev.wsinspector.core.payload.protocol.ProtocolHint;

/**
 * {@code --filter EXPR} of {@code connect} and {@code show}: the timeline's filter language (README, "Filters").
 * It leaves out frame lines that do not match; event lines, the {@code --quiet} summary, {@code --count},
 * {@code --record} and {@code --save} are as without it. A bad expression is a usage error that shows where.
 */
final class FilterOption {

    static final String DESCRIPTION = "Print only the frames that match EXPR (the filter language of the README's"
            + " \"Filters\", e.g. 'dir:in and $.type == \"trade\"' or 'not heartbeat'); event lines are printed as without it";

    private FilterOption() {
    }

    /** @throws IllegalArgumentException with the message to print: the position and the expression marked */
    static BoundFilter bind(String expression, ProtocolHint hint) {
        return bind(expression, hint, null);
    }

    /** With the pairing that {@code unanswered} and {@code latency>…} ask (null: those terms are refused). */
    static BoundFilter bind(String expression, ProtocolHint hint, Pairing pairing) {
        try {
            return Filter.compile(expression, FilterContext.defaults().withHint(hint).withPairing(pairing));
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException("--filter: " + e.getMessage() + System.lineSeparator() + "  " + expression
                    + System.lineSeparator() + "  " + " ".repeat(Math.min(e.position(), expression.length())) + "^", e);
        }
    }
}
