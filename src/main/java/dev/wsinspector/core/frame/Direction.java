package dev.wsinspector.core.frame;

/** Which way a frame travelled, seen from our side of the connection. */
public enum Direction {
    /** Sent by us (a client frame: masked). */
    OUT("out"),
    /** Received from the peer. */
    IN("in");

    private final String jsonName;

    Direction(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in JSONL and HAR exports ({@code "out"} / {@code "in"}). */
    public String jsonName() {
        return jsonName;
    }
}
