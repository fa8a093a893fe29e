package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageKindsTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();
    private final MessageKinds kinds = new MessageKinds(store);

    /** Appends a frame with {@code firstByte} (FIN bit and opcode) and returns its seq. */
    private long frame(Direction direction, int firstByte) {
        return store.append(direction, WireHeader.of(firstByte, direction == Direction.OUT, 7, 1), false,
                System.nanoTime(), ByteBuffer.wrap(new byte[] {'x'}));
    }

    @Test
    void continuationsTakeTheTypeOfTheirMessagesFirstFrameInTheSameDirection() {
        long textStart = frame(Direction.OUT, 0x01);    // text, not FIN
        long binaryIn = frame(Direction.IN, 0x02);      // binary, not FIN, the other way
        long ping = frame(Direction.OUT, 0x89);         // a ping between fragments
        long textMore = frame(Direction.OUT, 0x00);
        long binaryMore = frame(Direction.IN, 0x80);
        long textEnd = frame(Direction.OUT, 0x80);
        long binaryOut = frame(Direction.OUT, 0x82);
        long lonelyContinuation = frame(Direction.IN, 0x80);

        assertThat(kinds.isText(textEnd)).isTrue();
        assertThat(kinds.isText(textStart)).isTrue();
        assertThat(kinds.isText(textMore)).isTrue();
        assertThat(kinds.isText(binaryIn)).isFalse();
        assertThat(kinds.isText(binaryMore)).isFalse();
        assertThat(kinds.isText(ping)).isFalse();
        assertThat(kinds.isText(binaryOut)).isFalse();
        assertThat(kinds.isText(lonelyContinuation)).isFalse();
        assertThatThrownBy(() -> kinds.isText(store.size())).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aMessageStartFarBackIsFoundAndAnsweredWithoutScanningAgain() {
        // The old per-click scan gave up after 100,000 frames and called this continuation binary.
        frame(Direction.OUT, 0x01);
        for (int i = 0; i < 150_000; i++) {
            frame(Direction.IN, 0x81);
        }
        long last = frame(Direction.OUT, 0x80);
        kinds.advance(store.size());
        assertThat(kinds.isText(last)).isTrue();

        // Later frames are classified as they come: asking about one reads only the frames since.
        long binary = frame(Direction.IN, 0x82);
        long text = frame(Direction.IN, 0x81);
        assertThat(kinds.isText(binary)).isFalse();
        assertThat(kinds.isText(text)).isTrue();
        assertThat(kinds.isText(last)).isTrue();
    }

    @Test
    void aClickReadsAFewFramesNotTheWholeSession() {
        frame(Direction.OUT, 0x01);
        for (int i = 0; i < 150_000; i++) {
            frame(Direction.IN, 0x81);
        }
        long near = frame(Direction.OUT, 0x00); // continuation 150,001 frames after its start
        long text = frame(Direction.IN, 0x81);
        frame(Direction.IN, 0x02);
        frame(Direction.IN, 0x89);
        long fragment = frame(Direction.IN, 0x80); // continuation of the binary message just before
        java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
        FrameStore counting = (FrameStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FrameStore.class}, (proxy, method, args) -> {
                    reads.incrementAndGet();
                    return method.invoke(store, args);
                });
        MessageKinds fresh = new MessageKinds(counting);

        assertThat(fresh.isText(text)).isTrue();
        assertThat(fresh.isText(fragment)).isFalse();
        assertThat(reads.get()).as("opcode and direction of a handful of frames").isLessThan(20);
        // A message begun further back than the look-back: classified once, then answered from the bits.
        assertThat(fresh.isText(near)).isTrue();
        reads.set(0);
        assertThat(fresh.isText(near)).isTrue();
        assertThat(reads.get()).isLessThan(5);
    }
}
