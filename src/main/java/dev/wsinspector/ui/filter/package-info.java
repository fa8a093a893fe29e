/**
 * The filter bar above a tab's timeline (issue #14): {@link dev.wsinspector.ui.filter.FilterBarViewModel} (the
 * expression, Hide heartbeats, the run of {@code core.filter.FilterRun} off the FX thread, "N of M", the error and
 * its position, progress and cancel), {@link dev.wsinspector.ui.filter.FilterCompletion} (the words the field
 * offers as one types) and the view ({@code FilterBarView.fxml}, {@code FilterBarController}). The timeline shows
 * the result through {@code ui.timeline.TimelineView#setFilter}; no socket, no per-frame work on the FX thread.
 */
package dev.wsinspector.ui.filter;
