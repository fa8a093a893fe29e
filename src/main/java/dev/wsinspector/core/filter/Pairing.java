package dev.wsinspector.core.filter;

/**
 * What the pairing terms ({@code unanswered}, {@code latency>200ms}) ask of a request/response pairing engine
 * ({@code core.pairing.PairingEngine}, issue #14 item 2). Without one given to {@link FilterContext}, binding a
 * filter that uses these terms fails with "pairing is not available yet" at the term, instead of quietly matching
 * nothing.
 * Implementations answer for frames already paired and must be safe to call from the filter's threads.
 */
public interface Pairing {

    /** True when frame {@code seq} is a request no reply was paired with (within the engine's timeout). */
    boolean unanswered(long seq);

    /** For a reply, nanoseconds since its request; -1 when {@code seq} is no paired reply. */
    long latencyNanos(long seq);
}
