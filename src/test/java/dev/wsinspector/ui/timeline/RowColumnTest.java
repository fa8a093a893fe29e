package dev.wsinspector.ui.timeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each column of TimelineView.fxml shows one precomputed text of its row; checked without a toolkit. */
class RowColumnTest {

    private static TimelineRow row(long seq) {
        return new TimelineRow(8, seq, null, 0, "time", "↑", "icon", "type", "size", "fin", "preview", "summary", "frame-out", false);
    }

    @Test
    void eachColumnShowsItsTextOfTheRow() {
        TimelineRow frame = row(41);
        assertThat(RowColumn.Cell.NUMBER.text(frame)).as("the frame's seq, not the row number").isEqualTo("41");
        assertThat(RowColumn.Cell.TIME.text(frame)).isEqualTo("time");
        assertThat(RowColumn.Cell.ICON.text(frame)).isEqualTo("icon");
        assertThat(RowColumn.Cell.TYPE.text(frame)).isEqualTo("type");
        assertThat(RowColumn.Cell.SIZE.text(frame)).isEqualTo("size");
        assertThat(RowColumn.Cell.FIN.text(frame)).isEqualTo("fin");
        assertThat(RowColumn.Cell.PREVIEW.text(frame)).isEqualTo("preview");
        assertThat(RowColumn.Cell.SUMMARY.text(frame)).isEqualTo("summary");
    }

    @Test
    void eventsHaveNoNumber() {
        assertThat(RowColumn.Cell.NUMBER.text(row(-1))).isEmpty();
    }
}
