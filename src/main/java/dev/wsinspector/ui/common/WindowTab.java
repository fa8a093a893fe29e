package dev.wsinspector.ui.common;

/**
 * A tab of the main window that is not a connection tab (the intercepting proxy's, a mock server's): the window's
 * pulse brings it up to date, on screen or not, and closing it (its close button, Ctrl+W, quitting) lets go of
 * what it runs. FX thread only.
 */
public interface WindowTab {

    /** The tab is on screen: take in what arrived, in one batch. */
    void pulse(long nowNanos);

    /** The tab is not on screen: its state at least (it may skip its timelines, as a connection tab does). */
    default void pulseHidden(long nowNanos) {
        pulse(nowNanos);
    }

    /** Connections it holds open now (quitting asks first while there are any). */
    default long openConnections() {
        return 0;
    }

    /** Stops what the tab runs; idempotent. */
    void closeNow();
}
