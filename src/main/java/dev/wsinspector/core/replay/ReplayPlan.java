package dev.wsinspector.core.replay;

import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.profile.SavedMessage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a {@link ReplayRunner} does: one of three kinds of replay. Immutable. */
public sealed interface ReplayPlan {

    /** For loops and counts: go on until stopped. */
    int UNTIL_STOPPED = 0;

    /** One line for the timeline. */
    String describe();

    /**
     * Saved messages in order, each with its delay and optional wait; the whole sequence {@code loops} times
     * ({@link #UNTIL_STOPPED} for ever).
     *
     * @param continueAfterFailedWait false: a wait that times out ends the replay (as failed); true: it is
     *                                reported and the next step follows
     */
    record Steps(List<ReplayStep> steps, int loops, boolean continueAfterFailedWait) implements ReplayPlan {
        public Steps {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("A replay needs at least one step");
            }
            if (loops < 0) {
                throw new IllegalArgumentException("loops must be 0 (until stopped) or more");
            }
        }

        public static Steps once(List<ReplayStep> steps) {
            return new Steps(steps, 1, false);
        }

        @Override
        public String describe() {
            return steps.size() + (steps.size() == 1 ? " step" : " steps") + loopsText(loops);
        }
    }

    /** One saved message every {@code interval}, {@code count} times ({@link #UNTIL_STOPPED} for ever). */
    record Every(SavedMessage message, Duration interval, int count) implements ReplayPlan {
        public Every {
            Objects.requireNonNull(message, "message");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The interval must be more than 0 ms");
            }
            if (count < 0) {
                throw new IllegalArgumentException("count must be 0 (until stopped) or more");
            }
        }

        @Override
        public String describe() {
            return "'" + message.name() + "' every " + interval.toMillis() + " ms"
                    + (count == UNTIL_STOPPED ? " until stopped" : ", " + count + " times");
        }
    }

    /**
     * The messages we sent in frames {@code fromSeq..toSeq} (inclusive) of a capture, sent again with their
     * original gaps scaled by {@code pacing}. Received frames and control frames (ping, pong, close) are
     * skipped; a fragmented message goes out as one message.
     */
    record Recorded(FrameStore source, long fromSeq, long toSeq, Pacing pacing, int loops) implements ReplayPlan {
        public Recorded {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(pacing, "pacing");
            if (fromSeq < 0 || toSeq < fromSeq || toSeq >= source.size()) {
                throw new IllegalArgumentException("Frames " + fromSeq + ".." + toSeq + " are not in the capture (0.."
                        + (source.size() - 1) + ")");
            }
            if (loops < 0) {
                throw new IllegalArgumentException("loops must be 0 (until stopped) or more");
            }
        }

        @Override
        public String describe() {
            return "sent messages of frames " + fromSeq + ".." + toSeq + " at " + pacing + loopsText(loops);
        }
    }

    private static String loopsText(int loops) {
        return loops == UNTIL_STOPPED ? ", looping until stopped" : loops == 1 ? "" : ", " + loops + " times";
    }
}
