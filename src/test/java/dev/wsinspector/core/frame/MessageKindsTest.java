package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
        // A message begun 150,000 frames back is still found by looking back from the clicked frame.
        assertThat(fresh.isText(near)).isTrue();
    }

    @Test
    void aContinuationAfterItsMessageEndedIsNotText() {
        frame(Direction.OUT, 0x81);                        // a whole text message
        long stray = frame(Direction.OUT, 0x80);           // continuing nothing: a protocol error
        frame(Direction.OUT, 0x01);
        long end = frame(Direction.OUT, 0x80);
        long strayAgain = frame(Direction.OUT, 0x00);

        assertThat(kinds.isText(stray)).isFalse();
        assertThat(kinds.isText(end)).isTrue();
        assertThat(kinds.isText(strayAgain)).isFalse();
    }

    @Test
    void startingLateFindsTheMessageOpenThereByLookingBack() {
        frame(Direction.OUT, 0x01);                        // text begins
        frame(Direction.IN, 0x02);                         // binary begins the other way
        for (int i = 0; i < 1000; i++) {
            frame(Direction.OUT, 0x00);
            frame(Direction.IN, 0x00);
            frame(Direction.IN, 0x89);
        }
        long from = store.size();
        long textMore = frame(Direction.OUT, 0x80);
        long binaryMore = frame(Direction.IN, 0x80);
        long stray = frame(Direction.IN, 0x80);

        MessageKinds late = new MessageKinds(store, from);
        assertThat(late.isText(textMore)).isTrue();
        assertThat(late.isText(binaryMore)).isFalse();
        assertThat(late.isText(stray)).isFalse();
        assertThatThrownBy(() -> late.isText(from - 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(late.retainedBytes()).isLessThan(1024);
    }

    @Test
    void aMessageBegunBeyondTheLookBackIsTakenForBinary() {
        frame(Direction.OUT, 0x01);
        for (int i = 0; i < MessageKinds.LOOK_BACK; i++) {
            frame(Direction.IN, 0x81);
        }
        long from = store.size();
        long more = frame(Direction.OUT, 0x80);
        assertThat(new MessageKinds(store, from).isText(more)).isFalse();
        kinds.advance(store.size()); // classified in order, as the live tab's pulse does: known exactly
        assertThat(kinds.isText(more)).isTrue();
    }

    /** Any frames, asked from any start, in order or not: the same answers as the rule spelled out by hand. */
    @Test
    void agreesWithTheRuleFromEveryStartingPoint() {
        Random random = new Random(11);
        int[] firstBytes = {0x01, 0x81, 0x02, 0x82, 0x00, 0x80, 0x89, 0x8A, 0x88, 0x03, 0x83};
        for (int round = 0; round < 20; round++) {
            ColumnarFrameStore frames = new ColumnarFrameStore();
            List<Boolean> expected = new ArrayList<>();
            Boolean[] open = new Boolean[2]; // per direction: null (none), TRUE text, FALSE binary
            for (int i = 0; i < 300; i++) {
                Direction dir = random.nextBoolean() ? Direction.IN : Direction.OUT;
                int firstByte = firstBytes[random.nextInt(firstBytes.length)];
                frames.append(dir, WireHeader.of(firstByte, dir == Direction.OUT, 7, 1), false, i,
                        ByteBuffer.wrap(new byte[] {'x'}));
                boolean fin = (firstByte & 0x80) != 0;
                int op = firstByte & 0x0F;
                int d = dir.ordinal();
                boolean text;
                if (op == 1 || op == 2) {
                    text = op == 1;
                    open[d] = fin ? null : text;
                } else if (op == 0) {
                    text = Boolean.TRUE.equals(open[d]);
                    if (fin) {
                        open[d] = null;
                    }
                } else {
                    text = false;
                }
                expected.add(text);
            }
            for (long from = 0; from < frames.size(); from += 7) {
                MessageKinds late = new MessageKinds(frames, from);
                MessageKinds.Tracker tracker = MessageKinds.Tracker.from(frames, from);
                for (long seq = from; seq < frames.size(); seq++) {
                    assertThat(tracker.next(frames.get(seq))).as("tracker from %d, frame %d", from, seq)
                            .isEqualTo(expected.get((int) seq));
                }
                for (long seq = frames.size() - 1; seq >= from; seq -= 3) {
                    assertThat(late.isText(seq)).as("from %d, frame %d", from, seq).isEqualTo(expected.get((int) seq));
                }
            }
        }
    }
}
