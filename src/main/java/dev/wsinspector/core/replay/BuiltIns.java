package dev.wsinspector.core.replay;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Values of the built-in variables. One instance per connection, because {@code {{counter}}} counts the
 * messages resolved for that connection. Clock and randomness are injected so tests get exact values.
 */
public final class BuiltIns {

    /** Upper bound (inclusive) of {@code {{randomInt}}}, which draws from 0..1000 like Postman's. */
    public static final int RANDOM_INT_MAX = 1000;

    private final Clock clock;
    private final Supplier<UUID> uuids;
    private final IntSupplier randomInts;
    private final AtomicLong counter = new AtomicLong();

    public BuiltIns(Clock clock, Supplier<UUID> uuids, IntSupplier randomInts) {
        this.clock = clock;
        this.uuids = uuids;
        this.randomInts = randomInts;
    }

    /** Wall clock, random UUIDs, random ints in 0..1000. */
    public static BuiltIns system() {
        return new BuiltIns(Clock.systemUTC(), UUID::randomUUID,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextInt(RANDOM_INT_MAX + 1));
    }

    /** Value of built-in {@code name} with {@code counter} as the counter's value, or null if not a built-in. */
    String value(String name, long counterValue) {
        return switch (name) {
            case "uuid" -> uuids.get().toString();
            case "timestamp" -> Long.toString(clock.millis());
            case "isoTime" -> clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
            case "counter" -> Long.toString(counterValue);
            case "randomInt" -> Integer.toString(randomInts.getAsInt());
            default -> null;
        };
    }

    static boolean isBuiltIn(String name) {
        return switch (name) {
            case "uuid", "timestamp", "isoTime", "counter", "randomInt" -> true;
            default -> false;
        };
    }

    /** Messages resolved so far on this connection. */
    public long counter() {
        return counter.get();
    }

    long nextCounter() {
        return counter.incrementAndGet();
    }
}
