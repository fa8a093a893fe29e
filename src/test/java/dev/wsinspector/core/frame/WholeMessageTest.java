package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Reassembling fragmented messages from a real columnar store, by seq, as the timeline and the detail pane do. */
class WholeMessageTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();

    private long add(Direction direction, int firstByte, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return store.append(direction, WireHeader.of(firstByte, false, 0, bytes.length), false, System.nanoTime(),
                ByteBuffer.wrap(bytes));
    }

    private String text(WholeMessage m) {
        return new String(m.payload(store, WholeMessage.MAX_REASSEMBLED_BYTES), StandardCharsets.UTF_8);
    }

    @Test
    void pingsAndTheOtherDirectionBetweenFragmentsAreSteppedOver() {
        long first = add(Direction.IN, 0x01, "{\"a\":");           // TEXT, no FIN
        add(Direction.IN, 0x89, "ping");                           // a ping in the middle
        add(Direction.OUT, 0x81, "ours");                          // our own message between
        long second = add(Direction.IN, 0x00, "[1,2],");           // continuation
        add(Direction.OUT, 0x8A, "ping");                          // our pong
        long last = add(Direction.IN, 0x80, "\"b\":true}");        // continuation with FIN
        add(Direction.IN, 0x81, "after");

        WholeMessage m = WholeMessage.starting(store, first).orElseThrow();
        assertThat(m.complete()).isTrue();
        assertThat(m.text()).isTrue();
        assertThat(m.direction()).isEqualTo(Direction.IN);
        assertThat(m.seqs()).containsExactly(first, second, last);
        assertThat(m.length()).isEqualTo(5 + 6 + 9);
        assertThat(text(m)).isEqualTo("{\"a\":[1,2],\"b\":true}");
        assertThat(new String(m.prefix(store, 8), StandardCharsets.UTF_8)).as("read across fragments").isEqualTo("{\"a\":[1,");
    }

    @Test
    void onlyTheFirstFrameOfAFragmentedMessageStartsOne() {
        long whole = add(Direction.IN, 0x81, "whole");
        long first = add(Direction.IN, 0x02, "ab");
        long cont = add(Direction.IN, 0x80, "cd");
        long ping = add(Direction.IN, 0x89, "");
        assertThat(WholeMessage.starting(store, whole)).isEmpty();
        assertThat(WholeMessage.starting(store, cont)).isEmpty();
        assertThat(WholeMessage.starting(store, ping)).isEmpty();
        assertThat(WholeMessage.starting(store, 99)).isEmpty();
        WholeMessage binary = WholeMessage.starting(store, first).orElseThrow();
        assertThat(binary.text()).isFalse();
        assertThat(binary.frames()).isEqualTo(2);
    }

    @Test
    void aMessageUnfinishedAtTheEndOfTheCaptureIsNotComplete() {
        long first = add(Direction.OUT, 0x01, "part one ");
        add(Direction.OUT, 0x00, "part two");
        WholeMessage m = WholeMessage.starting(store, first).orElseThrow();
        assertThat(m.complete()).isFalse();
        assertThat(m.frames()).isEqualTo(2);
        assertThat(text(m)).isEqualTo("part one part two");

        add(Direction.OUT, 0x80, ".");
        assertThat(WholeMessage.starting(store, first).orElseThrow().complete()).as("once its FIN came").isTrue();
    }

    @Test
    void aNewMessageBeforeTheLastFragmentBreaksItOff() {
        long first = add(Direction.IN, 0x01, "a");
        add(Direction.IN, 0x81, "new message");
        add(Direction.IN, 0x80, "b");
        WholeMessage m = WholeMessage.starting(store, first).orElseThrow();
        assertThat(m.complete()).isFalse();
        assertThat(m.frames()).isEqualTo(1);
    }

    @Test
    void anOversizeMessageIsMeasuredButNotReassembled() {
        long first = add(Direction.IN, 0x02, "x".repeat(600));
        add(Direction.IN, 0x80, "y".repeat(600));
        WholeMessage m = WholeMessage.starting(store, first).orElseThrow();
        assertThat(m.length()).isEqualTo(1200);
        assertThat(m.fits(1000)).isFalse();
        assertThat(m.payload(store, 1000)).isNull();
        assertThat(m.prefix(store, 10)).hasSize(10);
        assertThat(m.payload(store, 1200)).hasSize(1200);
    }

    @Test
    void theLookAheadIsBounded() {
        long first = add(Direction.IN, 0x01, "a");
        for (int i = 0; i < 20; i++) {
            add(Direction.IN, 0x89, "");
        }
        add(Direction.IN, 0x80, "b");
        assertThat(WholeMessage.starting(store, first, 10).orElseThrow().complete()).isFalse();
        assertThat(WholeMessage.starting(store, first, 21).orElseThrow().complete()).isTrue();
    }
}
