package dev.wsinspector.core.filter;

import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Hand-made captures for the filter tests: frame {@code k} is captured at 12:00:00 UTC + k seconds. */
final class Captures {

    static final long BASE_MICROS = Instant.parse("2026-12-03T12:00:00Z").toEpochMilli() * 1000;
    static final CaptureClock CLOCK = new CaptureClock() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public long epochMicrosAt(long nanoTime) {
            return BASE_MICROS + nanoTime / 1000;
        }
    };

    private Captures() {
    }

    static ColumnarFrameStore store() {
        return new ColumnarFrameStore(CLOCK);
    }

    static long add(FrameStore store, Direction dir, int firstByte, byte[] payload) {
        long seq = store.size();
        boolean masked = dir == Direction.OUT;
        return store.append(dir, WireHeader.of(firstByte, masked, masked ? 0x11223344 : 0, payload.length), false,
                seq * 1_000_000_000L, ByteBuffer.wrap(payload));
    }

    static long add(FrameStore store, Direction dir, int firstByte, String payload) {
        return add(store, dir, firstByte, payload.getBytes(StandardCharsets.UTF_8));
    }
}
