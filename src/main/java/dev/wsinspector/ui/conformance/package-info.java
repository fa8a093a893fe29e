/**
 * The conformance run from the GUI (issue 12): a connection tab's tools pane has a Conformance panel
 * ({@code ConformancePanelView.fxml}, {@link dev.wsinspector.ui.conformance.ConformancePanelController}) over
 * {@link dev.wsinspector.ui.conformance.ConformanceViewModel}, which runs
 * {@link dev.wsinspector.core.conformance.ConformanceRunner} off the FX thread and shows each case's verdict as it
 * ends; each case's capture opens as a read-only tab. {@link dev.wsinspector.ui.conformance.ConformanceRuns} is
 * what every panel shares, provided once by the composition root: the connection service, the session journal,
 * the run threads and where a case's frames open. The cases, their checks and the report formats belong to
 * {@code core.conformance}; nothing here judges a server.
 */
package dev.wsinspector.ui.conformance;
