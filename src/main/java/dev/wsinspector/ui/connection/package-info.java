/**
 * One connection tab. {@link dev.wsinspector.ui.connection.ConnectionTab} is the {@code Tab} the window holds: it
 * assembles the FXML views (connection bar, timeline toolbar, find bar, tools pane with saved messages, replay and
 * the conformance run), the timeline, the detail pane and the composer in {@code ConnectionTabView.fxml}, and its
 * {@code pulse} (called by the window's pulse, see {@code TabPulse}) brings state and new frames in once per pulse;
 * its {@code sample}, called off the FX thread by the window's sampler, counts and classifies the new frames.
 * State and logic live in view models and plain classes tested without a toolkit:
 * {@link dev.wsinspector.ui.connection.ConnectionViewModel} (URL, the current session from the journal's
 * {@code SessionRecorder}, the connection state derived from the engine's events, the badges),
 * {@link dev.wsinspector.ui.connection.TimelineToolbarViewModel},
 * {@link dev.wsinspector.ui.connection.FindBarViewModel} (find in capture), {@code ShownCapture}, {@code ProfileDecoding} (a profile's decoder and protobuf schema for the detail pane),
 * {@code TabTitle}.
 * Connections come from core's {@code ConnectionService} only: no transport types here.
 */
package dev.wsinspector.ui.connection;
