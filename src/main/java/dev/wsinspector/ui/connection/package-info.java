/**
 * One connection tab. {@link dev.wsinspector.ui.connection.ConnectionTab} is the {@code Tab} the window holds: it
 * assembles the FXML views (connection bar, timeline toolbar, find bar, tools pane with saved messages, replay and
 * the conformance run), the timeline, the detail pane
 * and the composer, and its {@code pulse} (called by the window's pulse) brings state and new frames in once per pulse.
 * State and logic live in view models and plain classes tested without a toolkit:
 * {@link dev.wsinspector.ui.connection.ConnectionViewModel} (URL, the current session from the journal's
 * {@code SessionRecorder}, the connection state derived from the engine's events, the badges),
 * {@link dev.wsinspector.ui.connection.TimelineToolbarViewModel},
 * {@link dev.wsinspector.ui.connection.FindBarViewModel} (find in capture), {@code ShownCapture}, {@code TabTitle}.
 * Connections come from core's {@code ConnectionService} only: no transport types here.
 */
package dev.wsinspector.ui.connection;
