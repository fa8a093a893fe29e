/**
 * The main window: {@link dev.wsinspector.ui.main.MainWindow} (toolbar, profiles sidebar, connection tabs, echo-server
 * panel, status bar) owns the one UI pulse that calls every tab's {@code pulse}; {@link dev.wsinspector.ui.main.CaptureFileActions}
 * opens and saves capture files off the FX thread through {@code core.io.CaptureFiles}. What a tab shows belongs to
 * {@code ui.connection} and the feature packages; wiring the window to the engine is {@code app}'s.
 */
package dev.wsinspector.ui.main;
