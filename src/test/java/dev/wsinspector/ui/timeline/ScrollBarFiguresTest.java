package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Session;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scroll bar's figures over every row, without a toolkit. */
class ScrollBarFiguresTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final TimelineList rows = new TimelineList(new Session(store), new RowFormatter(ZoneOffset.UTC));

    private void frames(int count) {
        for (int i = 0; i < count; i++) {
            store.append(Direction.OUT, WireHeader.of(0x82, true, 7, 2), false, System.nanoTime(),
                    ByteBuffer.wrap(new byte[] {1, 2}));
        }
        rows.pull();
    }

    @Test
    void theBarSpansWhereTheFirstRowCanBeAndItsThumbIsTheScreensShare() {
        rows.setViewportRows(20);
        frames(1_000);
        rows.scrollTo(300);
        ScrollBarFigures figures = ScrollBarFigures.of(rows);
        assertThat(figures.disabled()).isFalse();
        assertThat(figures.max()).isEqualTo(980.0);
        assertThat(figures.value()).isEqualTo(300.0);
        assertThat(figures.visibleAmount()).isCloseTo(20.0 * 980 / 1000, within(1e-9));
        assertThat(figures.blockIncrement()).isEqualTo(19.0);

        rows.clearView();
        frames(30);
        rows.scrollTo(rows.firstReachableRow());
        assertThat(ScrollBarFigures.of(rows).max()).as("cleared rows are out of reach").isEqualTo(10.0);
        assertThat(ScrollBarFigures.of(rows).value()).isZero();
    }

    @Test
    void nothingToScrollWhenEveryRowIsOnScreen() {
        rows.setViewportRows(1);
        assertThat(ScrollBarFigures.of(rows)).isEqualTo(new ScrollBarFigures(true, 0, 0, 1, 0));
        rows.setViewportRows(20);
        frames(5);
        ScrollBarFigures figures = ScrollBarFigures.of(rows);
        assertThat(figures.disabled()).isTrue();
        assertThat(figures.max()).isZero();
    }
}
