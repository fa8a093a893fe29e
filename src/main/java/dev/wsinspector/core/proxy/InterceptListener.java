package dev.wsinspector.core.proxy;

/**
 * What an {@link Interceptor} reports, for a UI or the CLI. Called on the proxy's own threads (never the FX
 * thread): implementations record and return quickly; a listener that throws is ignored.
 */
public interface InterceptListener {

    /** A leg's upgrade completed ({@code leg} SERVER first, then CLIENT once the answer is passed on). */
    default void legOpened(ProxiedClient client, Leg leg) {
    }

    /** A leg ended; {@code code} is the close code seen on it (1006 when none came). */
    default void legClosed(ProxiedClient client, Leg leg, int code, String reason) {
    }

    /** A client connected but its upstream connection could not be made, or the upgrade was refused. */
    default void upstreamFailed(ProxiedClient client, String message) {
    }

    default void held(HeldMessage message) {
    }

    /** Forwarded after a hold; {@code edited} when its payload was replaced. */
    default void released(HeldMessage message, boolean edited) {
    }

    default void dropped(HeldMessage message) {
    }

    /** A message injected by the user was written on {@code flow.target()} at {@code seq}. */
    default void injected(ProxiedClient client, Flow flow, long seq) {
    }

    /** A one-line warning for people (a limit reached, a held message forwarded unheld). */
    default void warning(String message) {
    }
}
