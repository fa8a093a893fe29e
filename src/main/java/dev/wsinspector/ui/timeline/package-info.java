/**
 * The frame timeline: {@link dev.wsinspector.ui.timeline.TimelineList}, a window of rows made on demand from a
 * session's frame store and events (its {@code pull()} is called once per UI pulse, never from transport threads),
 * {@link dev.wsinspector.ui.timeline.RowFormatter} (a row's cell texts, computed once), the
 * {@link dev.wsinspector.ui.timeline.TimelineView} table and {@link dev.wsinspector.ui.timeline.FrameSearch}. The
 * selected row's views belong to {@code ui.detail}; payload formatting to {@code core.payload}.
 */
package dev.wsinspector.ui.timeline;
