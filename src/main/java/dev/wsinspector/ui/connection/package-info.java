/**
 * One connection tab: {@link dev.wsinspector.ui.connection.ConnectionTab} lays out the bar, timeline, detail pane,
 * composer, saved messages and replay, and its {@code pulse} (called by the window's pulse) brings state and new
 * frames in; {@link dev.wsinspector.ui.connection.ConnectionViewModel} holds the URL, the current session (from the
 * journal's {@code SessionRecorder}) and the badges; find in capture. Connections come from core's
 * {@code ConnectionService} only: no transport types here.
 */
package dev.wsinspector.ui.connection;
