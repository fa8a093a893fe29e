package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;

import java.nio.ByteBuffer;

/** Appends frames to the store with the store's clock and forwards control frames to the observer. */
final class FrameRecorder {

    private final FrameStore store;
    private final CaptureObserver observer;

    FrameRecorder(FrameStore store, CaptureObserver observer) {
        this.store = store;
        this.observer = observer;
    }

    void record(Direction direction, WireHeader header, boolean inflated, ByteBuffer payload) {
        long now = store.clock().nanoTime();
        store.append(direction, header, inflated, now, payload);
        if (header.opcode().isControl()) {
            observer.onControlFrame(direction, header, payload.duplicate(), now);
        }
    }

    /** A frame the user crafted (see {@link CraftedWrite}): stored marked as such, control frames reported too. */
    void recordCrafted(Direction direction, WireHeader header, ByteBuffer payload) {
        long now = store.clock().nanoTime();
        store.appendCrafted(direction, header, now, payload);
        if (header.opcode().isControl()) {
            observer.onControlFrame(direction, header, payload.duplicate(), now);
        }
    }
}
