package dev.wsinspector.core.mock;

/**
 * What the mock server does, as {@link MockEngine} decided it: instructions for the wire ({@code transport.MockServer}),
 * each after {@code delayMs} counted from the moment of the decision.
 */
public sealed interface MockAction {

    long delayMs();

    /**
     * Send a message to {@code to} (relative to the client the decision was for). The payload is final (templates
     * resolved; an invalid-UTF-8 fault already applied); the rest says how it goes on the wire: in
     * {@code fragments} frames (1: one frame) with {@code pings} pings between them (before it when one frame),
     * {@code masked} (a server must never mask), {@code oversizeTo} bytes of payload (0: as it is; else padded with
     * spaces to that length, or truncated).
     */
    record Send(MockReply.Target to, long delayMs, boolean text, byte[] payload, int fragments, int pings,
                boolean masked, long oversizeTo) implements MockAction {

        public Send {
            fragments = Math.max(1, fragments);
        }

        /** Nothing crafted: the library can frame it. */
        public boolean plain() {
            return fragments == 1 && pings == 0 && !masked && oversizeTo == 0;
        }
    }

    /** Close the client's connection with a close frame. */
    record Close(long delayMs, int code, String reason) implements MockAction {
    }

    /** Cut the client's TCP connection at once, without a close frame. */
    record DropTcp(long delayMs) implements MockAction {
    }

    /** Stop reading the client for {@code millis} (its sends back up: backpressure). */
    record StopReading(long delayMs, long millis) implements MockAction {
    }

    /** Something went wrong making a reply (e.g. a variable the message did not give); one line for a log. */
    record Notice(long delayMs, String message) implements MockAction {
    }
}
