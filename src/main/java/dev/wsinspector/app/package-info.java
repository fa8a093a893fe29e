/**
 * Start-up and wiring: {@link dev.wsinspector.app.Launcher} (the jar's main class, not an {@code Application})
 * sends a launch to the command line or the GUI ({@link dev.wsinspector.app.LaunchArguments});
 * {@link dev.wsinspector.app.InspectorApp} is the one composition root that builds the GUI's objects. Also
 * logging set-up, one GUI per data directory ({@link dev.wsinspector.app.SingleInstance}) and the remembered
 * window place and theme. Features, formatting and file formats do not belong here: only wiring and start-up.
 */
package dev.wsinspector.app;
