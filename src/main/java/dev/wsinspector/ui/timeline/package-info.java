/**
 * The frame timeline: {@link dev.wsinspector.ui.timeline.TimelineList}, the session's rows (frames and events) seen
 * through a screen-sized viewport, made on demand from the frame store (its {@code pull()} is called once per UI
 * pulse, never from transport threads); {@link dev.wsinspector.ui.timeline.RowSelection}, the selection in absolute
 * rows; {@link dev.wsinspector.ui.timeline.RowFormatter} (a row's cell texts, computed once, its icon one of the
 * icon font's characters in {@code RowIcons}); {@link dev.wsinspector.ui.timeline.FrameSearch}; and the view:
 * {@link dev.wsinspector.ui.timeline.TimelineView}, its layout {@code TimelineView.fxml} with the
 * {@link dev.wsinspector.ui.timeline.TimelineController}, and its state and moves in the
 * {@link dev.wsinspector.ui.timeline.TimelineViewModel}, plain Java like {@code RowGestures} (clicks, keys, wheel)
 * and {@code ScrollBarFigures}. What touches the toolkit is one class a concern ({@code TimelineInput},
 * {@code ViewportBar}, {@code TableSelectionMirror}), and no part may add a node, a binding or an allocation per row
 * or frame: the table holds only the rows on screen. The selected row's views belong to {@code ui.detail}; payload
 * formatting to {@code core.payload}.
 */
package dev.wsinspector.ui.timeline;
