package dev.wsinspector.ui.timeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The selection in absolute rows, without a toolkit. */
class RowSelectionTest {

    private final RowSelection selection = new RowSelection();

    private List<Long> rows() {
        List<Long> out = new ArrayList<>();
        for (long row : selection.rows(1000)) {
            out.add(row);
        }
        return out;
    }

    @Test
    void selectTogglesAndExtendsLikeADesktopList() {
        assertThat(selection.lead()).isEqualTo(-1);
        selection.select(5);
        assertThat(rows()).containsExactly(5L);
        selection.extendTo(8, false);
        assertThat(rows()).containsExactly(5L, 6L, 7L, 8L);
        assertThat(selection.lead()).isEqualTo(8);
        assertThat(selection.anchor()).isEqualTo(5);
        selection.extendTo(3, false); // from the same anchor the other way: the first range goes
        assertThat(rows()).containsExactly(3L, 4L, 5L);
        selection.toggle(4);
        selection.toggle(10);
        assertThat(rows()).containsExactly(3L, 5L, 10L);
        selection.extendTo(12, true); // Ctrl+Shift: from the anchor (10), keeping the rest
        assertThat(rows()).containsExactly(3L, 5L, 10L, 11L, 12L);
        selection.toggle(11);
        assertThat(rows()).containsExactly(3L, 5L, 10L, 12L);
        selection.toggle(4);
        assertThat(rows()).containsExactly(3L, 4L, 5L, 10L, 12L);
        assertThat(selection.count()).isEqualTo(5);
        assertThat(selection.first()).isEqualTo(3);
        assertThat(selection.last()).isEqualTo(12);
    }

    @Test
    void tenMillionRowsAreTwoNumbers() {
        selection.select(7);
        selection.selectRange(0, 10_000_000);
        assertThat(selection.count()).isEqualTo(10_000_000);
        assertThat(selection.lead()).isEqualTo(7);
        assertThat(selection.isSelected(9_999_999)).isTrue();
        assertThat(selection.isSelected(10_000_000)).isFalse();
        assertThat(selection.rows(3)).containsExactly(0, 1, 2);
        selection.toggle(5_000_000);
        assertThat(selection.count()).isEqualTo(9_999_999);
        assertThat(selection.isSelected(5_000_000)).isFalse();
        assertThat(selection.isSelected(5_000_001)).isTrue();
    }

    @Test
    void rowsClearedFromViewLeaveTheSelection() {
        selection.select(2);
        selection.extendTo(20, false);
        long revision = selection.revisionProperty().get();
        selection.dropBefore(10);
        assertThat(rows()).first().isEqualTo(10L);
        assertThat(selection.count()).isEqualTo(11);
        assertThat(selection.anchor()).isEqualTo(-1);
        assertThat(selection.lead()).isEqualTo(20);
        assertThat(selection.revisionProperty().get()).isGreaterThan(revision);
        selection.dropBefore(100);
        assertThat(selection.isEmpty()).isTrue();
        assertThat(selection.lead()).isEqualTo(-1);
    }

    @Test
    void clearForgetsAnchorAndLead() {
        selection.select(4);
        selection.clear();
        assertThat(selection.isEmpty()).isTrue();
        assertThat(selection.lead()).isEqualTo(-1);
        selection.extendTo(9, false); // no anchor: a plain select
        assertThat(rows()).containsExactly(9L);
    }
}
