package dev.wsinspector.core.scenario;

/** Where something is in a scenario file: 1-based line and column (0 when unknown). */
public record Position(int line, int column) {

    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
