package dev.wsinspector.core.io;

import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Session;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;

/** Collects one imported connection: frames in file order into a store stamped with their recorded times. */
final class CaptureBuilder {

    private final RecordedClock clock = new RecordedClock();
    private final ColumnarFrameStore store = new ColumnarFrameStore(clock);
    private final Session session = new Session(store);
    private String url = "";
    private boolean opened;

    /** Frames appended so far: the {@code frameIndex} of an event that comes now. */
    long frameCount() {
        return store.size();
    }

    boolean opened() {
        return opened;
    }

    /**
     * Appends a frame.
     *
     * @param wireLength the header's payload length field (compressed length for inflated frames)
     */
    void frame(Direction direction, boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, Opcode opcode,
               boolean masked, int maskKey, long wireLength, boolean inflated, long epochMicros, byte[] payload) {
        int firstByte = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (rsv2 ? 0x20 : 0) | (rsv3 ? 0x10 : 0) | opcode.code();
        WireHeader header = WireHeader.of(firstByte, masked, maskKey, wireLength);
        store.append(direction, header, inflated, clock.monoNanosFor(epochMicros), ByteBuffer.wrap(payload));
    }

    void event(ConnectionEvent event) {
        session.onEvent(event);
        if (event instanceof ConnectionEvent.Opened o) {
            opened = true;
            url = o.url();
        } else if (event instanceof ConnectionEvent.Connecting c && url.isEmpty()) {
            url = c.url();
        }
    }

    boolean isEmpty() {
        return store.size() == 0 && session.eventCount() == 0;
    }

    ImportedCapture build() {
        return new ImportedCapture(url == null ? "" : url, session);
    }

    /**
     * The request target of the upgrade for {@code url}, as the client writes it in its request line
     * ({@code /path?query}, {@code /} for an empty path).
     */
    static String requestTarget(String url) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException | RuntimeException e) {
            return "/";
        }
    }
}
