package dev.wsinspector.core.mock;

import dev.wsinspector.core.scenario.Position;

/** A server profile file that cannot be read: the file, the line and column, and what is wrong there. */
public final class MockFormatException extends Exception {

    private final String file;
    private final Position position;
    private final String problem;

    public MockFormatException(String file, Position position, String problem) {
        super(file + ":" + position.line() + ":" + position.column() + ": " + problem);
        this.file = file;
        this.position = position;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public Position position() {
        return position;
    }

    public String problem() {
        return problem;
    }
}
