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

    /**
     * The connection dropped and {@link ReconnectingConnectionService} will try again after {@code delayMillis}
     * (attempt {@code attempt} of {@code maxAttempts} since the last successful open). Follows the drop's
     * {@code Closed}; the attempt then starts with its own {@code Connecting}.
     */
    record Reconnecting(long epochMicros, long frameIndex, int attempt, int maxAttempts, long delayMillis)
            implements ConnectionEvent {

        /** One line for the timeline, e.g. "Reconnecting in 1.5 s (attempt 2 of 5)". */
        public String message() {
            return String.format(java.util.Locale.ROOT, "Reconnecting in %.1f s (attempt %d of %d)",
                    delayMillis / 1000.0, attempt, maxAttempts);
        }
    }

    /**
     * A remark from the app itself rather than the transport (a replay step, a send-on-connect that could not be
     * resolved), so it shows in the timeline among the frames it belongs to.
     *
     * @param level {@link #INFO}, {@link #WARNING} or {@link #ERROR}
     */
    record Note(long epochMicros, long frameIndex, String level, String message) implements ConnectionEvent {
        public static final String INFO = "info";
        public static final String WARNING = "warning";
        public static final String ERROR = "error";

        public Note {
            java.util.Objects.requireNonNull(level, "level");
            java.util.Objects.requireNonNull(message, "message");
        }
    }
}
