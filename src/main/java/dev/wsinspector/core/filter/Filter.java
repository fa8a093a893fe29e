package dev.wsinspector.core.filter;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A parsed filter expression: the language of the timeline's filter bar and of {@code --filter} (README,
 * "Filters"). {@link #parse} checks the syntax and reports the first mistake with its position;
 * {@link #bind} turns it into a {@link BoundFilter} for one connection, which is where terms that need something
 * the connection does not have fail (pairing, for now). Immutable.
 */
public final class Filter {

    private final String expression;
    private final Expr tree;
    private final ZoneId zone;

    private Filter(String expression, Expr tree, ZoneId zone) {
        this.expression = expression;
        this.tree = tree;
        this.zone = zone;
    }

    /** Parses with times of day and dates without an offset read in the system's zone. */
    public static Filter parse(String expression) {
        return parse(expression, ZoneId.systemDefault());
    }

    /**
     * @param zone where {@code time>12:00:05} and {@code time>2026-12-03T12:00} are read
     * @throws FilterSyntaxException at the first mistake
     */
    public static Filter parse(String expression, ZoneId zone) {
        Objects.requireNonNull(expression, "expression");
        return new Filter(expression, FilterParser.parse(expression, zone), zone);
    }

    /** Parses and binds in one step (the command line's use). */
    public static BoundFilter compile(String expression, FilterContext context) {
        return parse(expression).bind(context);
    }

    /**
     * @throws FilterSyntaxException at a term the context cannot answer ({@code unanswered} and {@code latency}
     *                               without a {@link Pairing})
     */
    public BoundFilter bind(FilterContext context) {
        return new BoundFilter(this, Terms.compile(tree, context, zone), context);
    }

    public String expression() {
        return expression;
    }

    /** The syntax tree; its {@code toString()} is the canonical form, every combination in parentheses. */
    public Expr tree() {
        return tree;
    }

    @Override
    public String toString() {
        return tree.toString();
    }
}
