package dev.wsinspector.ui.connection;

/**
 * A window tab that is no connection of its own but shows captures in a {@link ConnectionTab}'s timeline and
 * detail views (a mock server's clients, {@code ui.mock.MockTab}): a {@link dev.wsinspector.ui.common.WindowTab}
 * whose viewer the window also counts for the status bar.
 */
public interface CaptureTab extends dev.wsinspector.ui.common.WindowTab {

    /** The connection tab whose views this tab shows; never itself in the window's tab pane. */
    ConnectionTab viewer();
}
