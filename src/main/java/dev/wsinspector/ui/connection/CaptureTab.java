package dev.wsinspector.ui.connection;

/**
 * A window tab that is no connection of its own but shows captures in a {@link ConnectionTab}'s timeline and
 * detail views (a mock server's clients, {@code ui.mock.MockTab}): the window pulses it like a connection tab,
 * counts the capture its viewer shows for the status bar, and stops it when it closes or the window quits.
 */
public interface CaptureTab {

    /** The connection tab whose views this tab shows; never itself in the window's tab pane. */
    ConnectionTab viewer();

    /** The tab is on screen: state and new frames in, in one batch. */
    void pulse(long nowNanos);

    /** The tab is not on screen (see {@link ConnectionTab#pulseHidden}). */
    void pulseHidden(long nowNanos);

    /** The tab closes or the window quits: stop what it runs. Called once; FX thread. */
    void closeNow();
}
