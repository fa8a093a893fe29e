/**
 * A tab's Charts panel (issue #14) in its tools pane: {@code ChartsPanelView.fxml} and
 * {@link dev.wsinspector.ui.charts.ChartsPanelController} over {@link dev.wsinspector.ui.charts.ChartsViewModel},
 * which counts through {@code core.charts} on a background worker at most four times a second while the panel is
 * shown; {@link dev.wsinspector.ui.charts.ChartKind} turns a snapshot into series (no toolkit) and
 * {@code TrafficChart} draws them with ChartFX. The counting itself belongs to {@code core.charts}.
 */
package dev.wsinspector.ui.charts;
