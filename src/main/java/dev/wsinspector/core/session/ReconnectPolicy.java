package dev.wsinspector.core.session;

import java.time.Duration;
import java.util.Objects;

/**
 * Automatic reconnection after the connection drops: exponential backoff from {@code initialBackoff},
 * doubling per attempt, never above {@code maxBackoff}, shortened by a random share of up to {@code jitter}
 * (so many clients dropped together do not come back in lock step, and the cap still holds).
 *
 * @param enabled        off by default
 * @param maxAttempts    attempts per drop (the count starts again after a successful open), at least 1
 * @param initialBackoff wait before the first attempt
 * @param maxBackoff     cap on any wait
 * @param jitter         0 (exact waits) to 1 (anywhere between 0 and the computed wait)
 */
public record ReconnectPolicy(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                              double jitter) {

    public static final ReconnectPolicy DISABLED =
            new ReconnectPolicy(false, 5, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

    public ReconnectPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("Backoff must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            maxBackoff = initialBackoff;
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
        }
    }

    /** Enabled with the given attempts and backoff. */
    public static ReconnectPolicy of(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {
        return new ReconnectPolicy(true, maxAttempts, initialBackoff, maxBackoff, jitter);
    }

    /**
     * The wait before attempt {@code attempt} (1-based).
     *
     * @param random a value in [0, 1) (injected so tests get exact waits)
     */
    public Duration backoff(int attempt, double random) {
        long initial = initialBackoff.toMillis();
        long cap = maxBackoff.toMillis();
        int doublings = Math.min(Math.max(0, attempt - 1), 30);
        long millis = initial > (cap >> doublings) ? cap : Math.min(cap, initial << doublings);
        long jittered = Math.round(millis * (1 - jitter * random));
        return Duration.ofMillis(Math.max(0, jittered));
    }
}
