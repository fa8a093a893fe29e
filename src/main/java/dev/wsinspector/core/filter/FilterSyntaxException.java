package dev.wsinspector.core.filter;

/**
 * A filter expression that cannot be used, with the place of the mistake, so a filter bar can put the caret
 * there and the command line can say where: {@code at 12: expected a value after 'size>'}.
 */
public final class FilterSyntaxException extends IllegalArgumentException {

    private final int position;
    private final String problem;

    /**
     * @param position 0-based index into the expression where the mistake is (the expression's length for
     *                 "ended too early")
     * @param problem  what is wrong, without the position
     */
    public FilterSyntaxException(int position, String problem) {
        super("at " + (position + 1) + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    /** 0-based index of the mistake in the expression; {@link #getMessage()} counts from 1. */
    public int position() {
        return position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
