/**
 * The main window: {@link dev.wsinspector.ui.main.MainWindow} (what the app wires and tests drive: tabs, capture
 * files, the one UI pulse, {@link dev.wsinspector.ui.main.WindowPulse}, that calls the tabs' {@code pulse} within its
 * budget, shared out by {@code PulseRota}; the status bar's counts made off the FX thread by {@code StatusSampler}) over
 * its FXML view ({@code MainWindowView.fxml}, {@link dev.wsinspector.ui.main.MainWindowController}) and
 * {@link dev.wsinspector.ui.main.MainWindowViewModel} (sidebars, status bar). {@link dev.wsinspector.ui.main.CaptureFileActions}
 * opens and saves capture files off the FX thread through {@code core.io.CaptureFiles}. What a tab shows belongs to
 * {@code ui.connection} and the feature packages, the sidebars and panels to theirs; wiring the window to the
 * engine is {@code app}'s.
 */
package dev.wsinspector.ui.main;
