package dev.wsinspector.core.replay;

/**
 * Progress of a replay, for the timeline and a progress bar. {@code frameIndex} is the connection's frame
 * count when it happened (places the event among the frames, like {@code ConnectionEvent}); steps and loops
 * count from 1; {@code steps}/{@code loops} of 0 mean "until stopped".
 */
public sealed interface ReplayEvent {

    long epochMicros();

    long frameIndex();

    /** One line for people. */
    String message();

    record Started(long epochMicros, long frameIndex, String plan) implements ReplayEvent {
        @Override
        public String message() {
            return "Replay started: " + plan;
        }
    }

    record Sent(long epochMicros, long frameIndex, int step, int steps, int loop, int loops, String label)
            implements ReplayEvent {
        @Override
        public String message() {
            return "Replay: sent " + label + " (step " + step + (steps == 0 ? "" : " of " + steps)
                    + (loops == 1 ? "" : ", loop " + loop + (loops == 0 ? "" : " of " + loops)) + ")";
        }
    }

    record Waiting(long epochMicros, long frameIndex, int step, String condition, long timeoutMillis)
            implements ReplayEvent {
        @Override
        public String message() {
            return "Replay: step " + step + " waits for " + condition + " (up to " + seconds(timeoutMillis) + ")";
        }
    }

    record WaitSucceeded(long epochMicros, long frameIndex, int step, long afterMillis) implements ReplayEvent {
        @Override
        public String message() {
            return "Replay: step " + step + " got its answer after " + afterMillis + " ms";
        }
    }

    /** A wait ran out: meant for the timeline, next to the frames it was waiting among. */
    record WaitFailed(long epochMicros, long frameIndex, int step, String label, String condition,
                      long timeoutMillis) implements ReplayEvent {
        @Override
        public String message() {
            return "Replay: step " + step + " (" + label + "): no " + condition.replaceFirst("^an? ", "")
                    + " received within " + seconds(timeoutMillis);
        }
    }

    /** The end, whatever the reason; always the last event. */
    record Finished(long epochMicros, long frameIndex, Outcome outcome, String reason, long messagesSent)
            implements ReplayEvent {
        @Override
        public String message() {
            return switch (outcome) {
                case COMPLETED -> "Replay finished: " + messagesSent + " messages sent";
                case STOPPED -> "Replay stopped after " + messagesSent + " messages";
                case FAILED -> "Replay failed after " + messagesSent + " messages: " + reason;
            };
        }
    }

    enum Outcome {
        COMPLETED, STOPPED, FAILED
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
