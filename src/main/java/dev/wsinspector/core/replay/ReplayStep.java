package dev.wsinspector.core.replay;

import dev.wsinspector.core.profile.SavedMessage;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a replay sequence: wait {@code delay}, send {@code message}, then optionally wait until a
 * received message satisfies {@code waitFor}, for at most {@code waitTimeout}.
 *
 * @param waitFor null for no wait
 */
public record ReplayStep(SavedMessage message, Duration delay, WaitCondition waitFor, Duration waitTimeout) {

    public ReplayStep {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("A step delay cannot be negative");
        }
        if (waitFor != null && (waitTimeout == null || waitTimeout.isNegative() || waitTimeout.isZero())) {
            throw new IllegalArgumentException("A wait needs a timeout of more than 0 s");
        }
    }

    public static ReplayStep send(SavedMessage message, Duration delay) {
        return new ReplayStep(message, delay, null, null);
    }

    public ReplayStep thenWaitFor(WaitCondition condition, Duration timeout) {
        return new ReplayStep(message, delay, condition, timeout);
    }
}
