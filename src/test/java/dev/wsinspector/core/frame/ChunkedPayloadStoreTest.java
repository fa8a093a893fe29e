package dev.wsinspector.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChunkedPayloadStoreTest {

    @Test
    void recordsStraddleChunksAndReadBackWhole() {
        ChunkedPayloadStore store = new ChunkedPayloadStore(5);
        byte[] prefix = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        long a = store.append(prefix, 3, ByteBuffer.wrap(new byte[] {20, 21, 22, 23}));
        long b = store.append(prefix, 0, ByteBuffer.wrap(new byte[0]));
        long c = store.append(prefix, 12, ByteBuffer.wrap(new byte[] {30, 31}));

        assertThat(a).isZero();
        assertThat(b).isEqualTo(7);
        assertThat(c).isEqualTo(7);
        assertThat(store.size()).isEqualTo(21);
        byte[] dst = new byte[14];
        store.read(a, 0, dst, 0, 7);
        assertThat(Arrays.copyOf(dst, 7)).containsExactly(1, 2, 3, 20, 21, 22, 23);
        store.read(c, 0, dst, 0, 14);
        assertThat(dst).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30, 31);
        assertThat(store.readInt(c, 1)).isEqualTo(0x02030405);
        assertThat(store.readLong(c, 4)).isEqualTo(0x05060708090a0b0cL);
        assertThat(store.readInt(a, 3)).isEqualTo(0x14151617);
    }

    @Test
    void readsOutsideWhatWasAppendedAreRefused() {
        ChunkedPayloadStore store = new ChunkedPayloadStore(8);
        long a = store.append(new byte[0], 0, ByteBuffer.wrap(new byte[10]));
        byte[] dst = new byte[16];
        assertThatThrownBy(() -> store.read(a, 5, dst, 0, 6)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("10 bytes stored");
        assertThatThrownBy(() -> store.read(a, -1, dst, 0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> store.read(a, 0, dst, 10, 7)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> store.readLong(a, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void retainedBytesCountsWholeChunks() {
        ChunkedPayloadStore store = new ChunkedPayloadStore();
        long empty = store.retainedBytes();
        store.append(new byte[0], 0, ByteBuffer.allocate(1));
        assertThat(store.retainedBytes() - empty).isEqualTo(256 * 1024);
        store.append(new byte[0], 0, ByteBuffer.allocate(ChunkedPayloadStore.DEFAULT_CHUNK_SIZE));
        assertThat(store.retainedBytes() - empty).isEqualTo(2 * 256 * 1024);
    }

    @Test
    void chunkSizeMustBePositive() {
        assertThatThrownBy(() -> new ChunkedPayloadStore(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
