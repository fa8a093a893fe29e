package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.session.ConnectionEvent;

/**
 * One timeline row with every cell's text computed once, so cells only assign strings.
 *
 * @param row        row number shown to the user (from 1)
 * @param seq        frame sequence number, or -1 for an event row
 * @param event      the event for event rows, else null
 * @param epochMicros time of the frame or event
 * @param time       time column text (in the time mode the row was made with)
 * @param arrow      direction arrow ("↑" sent, "↓" received, "•" event), for copied text
 * @param icon       the icon shown instead: a character of the Material Design Icons font ({@link RowIcons})
 * @param type       type badge text (text, binary, ping, open, error, …)
 * @param size       size column text
 * @param fin        "FIN"-less fragments show a marker here, else empty
 * @param preview    first line of the payload or the event's message, truncated
 * @param summary    the sub-protocol decoder's one line for the message ({@code EVENT chat:message}), else empty
 * @param styleClass CSS class for the row (frame-in, frame-out, frame-control, event-error, …)
 * @param open       true for the first frame of a fragmented message whose last frame has not arrived yet: its
 *                   texts (the whole message's size, preview, summary) are made again when frames arrive
 */
public record TimelineRow(long row, long seq, ConnectionEvent event, long epochMicros, String time, String arrow,
                          String icon, String type, String size, String fin, String preview, String summary,
                          String styleClass, boolean open) {

    public boolean isFrame() {
        return seq >= 0;
    }

    /** The row as one line of tab-separated text, for copying: the cells as shown, '#' being the frame's seq. */
    public String asText() {
        return String.join("\t", isFrame() ? Long.toString(seq) : "", time, arrow, type, size, fin, preview);
    }
}
