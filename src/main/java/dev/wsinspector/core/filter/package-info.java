/**
 * The filter language of the timeline's filter bar and of {@code connect --filter} / {@code show --filter}
 * (README, "Filters"): {@link dev.wsinspector.core.filter.Filter} parses an expression (errors with their
 * position, {@link dev.wsinspector.core.filter.FilterSyntaxException}), {@link dev.wsinspector.core.filter.BoundFilter}
 * answers for one connection's frames and events, and {@link dev.wsinspector.core.filter.FilterRun} runs it over a
 * whole session, live or stored, in memory or on disk, off the FX thread, cancellable, into
 * {@link dev.wsinspector.core.filter.MatchSet}s (one bit a row). {@link dev.wsinspector.core.filter.Heartbeats} is the
 * one rule for keep-alive frames. Pairing terms go through {@link dev.wsinspector.core.filter.Pairing}, which
 * {@code core.pairing.PairingEngine} implements.
 *
 * <p>Plain Java plus Jackson's streaming parser; reads frames only through {@code core.frame.FrameStore} and
 * decoded fields only through {@code core.payload.protocol}. No JavaFX, no UI state: the bar, completion and
 * saved filters belong to {@code ui}.
 */
package dev.wsinspector.core.filter;
