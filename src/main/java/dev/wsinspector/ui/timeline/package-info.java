/**
 * The frame timeline: {@link dev.wsinspector.ui.timeline.TimelineList}, the session's rows (frames and events) seen
 * through a screen-sized viewport, made on demand from the frame store (its {@code pull()} is called once per UI
 * pulse, never from transport threads); {@link dev.wsinspector.ui.timeline.RowSelection}, the selection in absolute
 * rows; {@link dev.wsinspector.ui.timeline.RowFormatter} (a row's cell texts, computed once, its icon one of the
 * icon font's characters in {@code RowIcons}); the
 * {@link dev.wsinspector.ui.timeline.TimelineView} (table, scroll bar, keys) and
 * {@link dev.wsinspector.ui.timeline.FrameSearch}. The selected row's views belong to {@code ui.detail}; payload
 * formatting to {@code core.payload}.
 */
package dev.wsinspector.ui.timeline;
