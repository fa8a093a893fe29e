/**
 * The numbers behind a connection's Charts panel (issue #14): {@link dev.wsinspector.core.charts.CaptureCharts}
 * reads a capture once, in order, as it grows (live) or in one pass (stored), into time buckets
 * ({@link dev.wsinspector.core.charts.TimeBuckets}: messages and payload bytes in and out, ping round trips,
 * reply latencies; the bucket width doubles so memory stays bounded however long the session) and log-scale
 * histograms ({@link dev.wsinspector.core.charts.LogHistogram}); {@link dev.wsinspector.core.charts.ChartSnapshot}
 * is an immutable copy for the UI, {@link dev.wsinspector.core.charts.ChartCsv} its numbers as CSV. Reply latency
 * comes from a {@link dev.wsinspector.core.charts.LatencySource}, which the pairing engine implements.
 *
 * <p>Plain Java over {@code core.frame.FrameStore}; not thread-safe (one reader thread at a time), no JavaFX.
 * Drawing the charts belongs to {@code ui.charts}.
 */
package dev.wsinspector.core.charts;
