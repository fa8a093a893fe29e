package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.filter.MatchSet;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The row-hiding layer for fragmented messages, over a real columnar store. */
class FragmentFoldsTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final FragmentFolds folds = new FragmentFolds(store);

    private long add(Direction direction, int firstByte, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return store.append(direction, WireHeader.of(firstByte, false, 0, bytes.length), false, System.nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    /** 0 whole, 1 first (no FIN), 2 ping, 3 out whole, 4 continuation, 5 last continuation, 6 whole. */
    private void threeFragmentsWithAPingBetween() {
        add(Direction.IN, 0x81, "before");
        add(Direction.IN, 0x01, "{\"a\":");
        add(Direction.IN, 0x89, "ping");
        add(Direction.OUT, 0x81, "ours");
        add(Direction.IN, 0x00, "[1,2],");
        add(Direction.IN, 0x80, "\"b\":true}");
        add(Direction.IN, 0x81, "after");
    }

    @Test
    void continuationsAreFoldedByDefault() {
        threeFragmentsWithAPingBetween();
        folds.advance(store.size());
        assertThat(folds.isFoldable(1)).isTrue();
        assertThat(folds.isFoldable(0)).isFalse();
        assertThat(folds.isFoldable(4)).as("a continuation is not a message's start").isFalse();
        assertThat(folds.messageOf(4)).isEqualTo(1);
        assertThat(folds.messageOf(5)).isEqualTo(1);
        assertThat(folds.messageOf(2)).as("the ping between is its own row").isEqualTo(-1);
        assertThat(folds.isExpanded(1)).isFalse();
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 1, 2, 3, 6);
    }

    @Test
    void expandingOneShowsItsFramesAndFoldingHidesThemAgain() {
        threeFragmentsWithAPingBetween();
        add(Direction.OUT, 0x02, "x");
        add(Direction.OUT, 0x80, "y");
        folds.advance(store.size());
        assertThat(folds.toggle(1)).isTrue();
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(folds.toggle(0)).as("a whole message does not fold").isFalse();
        assertThat(folds.setExpanded(1, false)).isTrue();
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 1, 2, 3, 6, 7);
    }

    @Test
    void expandAllShowsEveryFrameAndSingleFoldsStillWork() {
        threeFragmentsWithAPingBetween();
        folds.advance(store.size());
        folds.setExpandAll(true);
        assertThat(folds.hidesAny()).isFalse();
        assertThat(folds.visible(null, store.size())).as("no filter, nothing hidden: no filter at all").isNull();
        folds.toggle(1);
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 1, 2, 3, 6);
        folds.setExpandAll(false);
        assertThat(folds.isExpanded(1)).isFalse();
    }

    @Test
    void isLaidOverTheUsersFilter() {
        threeFragmentsWithAPingBetween();
        folds.advance(store.size());
        // a filter that matched the first fragment, a continuation and the last row (not the ping)
        MatchSet matches = MatchSet.all(store.size()).without(new long[] {0, 2, 3}, 3);
        assertThat(folds.visible(matches, store.size()).toArray()).containsExactly(1, 6);
        folds.toggle(1);
        assertThat(folds.visible(matches, store.size()).toArray()).containsExactly(1, 4, 5, 6);
    }

    @Test
    void aFilterWithNothingFoldedIsShownAsItIs() {
        add(Direction.IN, 0x81, "a");
        add(Direction.IN, 0x81, "b");
        add(Direction.IN, 0x01, "first");
        add(Direction.IN, 0x80, "last");
        folds.advance(store.size());
        MatchSet matches = MatchSet.all(store.size()).without(new long[] {1}, 1);
        folds.setExpandAll(true);
        assertThat(folds.visible(matches, store.size())).as("nothing hidden: the filter's own set, not a copy")
                .isSameAs(matches);
        folds.setExpandAll(false);
        assertThat(folds.visible(matches, store.size()).toArray()).containsExactly(0, 2);
    }

    @Test
    void anUnfinishedMessageFoldsItsFramesAsTheyArrive() {
        add(Direction.IN, 0x01, "part1");
        folds.advance(store.size());
        assertThat(folds.isFoldable(0)).as("no continuation yet").isFalse();
        assertThat(folds.visible(null, store.size())).isNull();
        add(Direction.IN, 0x00, "part2");
        add(Direction.IN, 0x89, "");
        assertThat(folds.advance(store.size())).isTrue();
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 2);
        add(Direction.IN, 0x80, "part3");
        add(Direction.IN, 0x00, "stray continuation, no message open");
        folds.advance(store.size());
        assertThat(folds.scanned()).isEqualTo(5);
        assertThat(folds.visible(null, store.size()).toArray()).containsExactly(0, 2, 4);
    }
}
