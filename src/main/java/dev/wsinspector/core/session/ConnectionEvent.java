package dev.wsinspector.core.session;

/**
 * Something that happened to a connection besides a frame (frames go to the {@code FrameStore}).
 * {@code frameIndex} is the store's size when the event happened, which places the event among the frames.
 */
public sealed interface ConnectionEvent {

    long epochMicros();

    long frameIndex();

    /** A connection attempt started. */
    record Connecting(long epochMicros, long frameIndex, String url) implements ConnectionEvent {
    }

    /** The upgrade succeeded (status 101). */
    record Opened(long epochMicros, long frameIndex, String url, Handshake handshake) implements ConnectionEvent {
    }

    /**
     * The connection ended.
     *
     * @param code   close code (1006 when the TCP connection dropped without a close frame)
     * @param remote true when the peer started the close (or the connection was lost)
     * @param clean  true when both close frames were exchanged
     */
    record Closed(long epochMicros, long frameIndex, int code, String reason, boolean remote, boolean clean)
            implements ConnectionEvent {
    }

    /**
     * A failure, with a one-line message meant for people. {@code handshake} is set when the server answered
     * the upgrade with a refusal, so its status, headers and body can be shown.
     */
    record Failed(long epochMicros, long frameIndex, FailureKind kind, String message, Handshake handshake)
            implements ConnectionEvent {
    }
}
