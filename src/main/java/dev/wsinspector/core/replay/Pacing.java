package dev.wsinspector.core.replay;

import java.time.Duration;

/**
 * How fast recorded messages are replayed: {@code speed} 1 keeps the original gaps, 2 halves them, 0.5
 * doubles them; {@link #FAST} sends them back to back.
 */
public record Pacing(double speed) {

    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 10;
    public static final Pacing ORIGINAL = new Pacing(1);
    public static final Pacing FAST = new Pacing(Double.POSITIVE_INFINITY);

    public Pacing {
        if (!(speed == Double.POSITIVE_INFINITY || (speed >= MIN_SPEED && speed <= MAX_SPEED))) {
            throw new IllegalArgumentException("Replay speed must be ×" + MIN_SPEED + " to ×" + (int) MAX_SPEED
                    + " or as fast as possible, got ×" + speed);
        }
    }

    public static Pacing scaled(double speed) {
        return new Pacing(speed);
    }

    /** The gap to wait for an original gap of {@code nanos}. */
    public Duration scale(long nanos) {
        return speed == Double.POSITIVE_INFINITY ? Duration.ZERO : Duration.ofNanos(Math.round(nanos / speed));
    }

    @Override
    public String toString() {
        return speed == Double.POSITIVE_INFINITY ? "as fast as possible" : "×" + (speed == Math.rint(speed)
                ? Long.toString((long) speed) : Double.toString(speed));
    }
}
