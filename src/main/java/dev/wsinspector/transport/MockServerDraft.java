package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import dev.wsinspector.core.mock.MockCapture;
import dev.wsinspector.core.mock.MockEngine;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.Framedata;

/**
 * The mock server's draft: the echo server's (client frames held to RFC 6455, bytes counted for the guard) plus a
 * capture of every frame both ways into the client's {@link MockCapture}, the subprotocol the profile chooses, and
 * crafted writes ({@link CraftedWrite}: masked, fragmented, oversized or invalid frames) written past the encoder.
 *
 * <p>Incoming frames are stored by {@link InboundCapture} from each read before the library decodes it; the seqs of
 * the messages' first frames are queued so that the message the library hands to the server is matched to its seq
 * ({@link #messageStart}), even when one read held several. Reading happens on one worker thread per connection.
 * No permessage-deflate: the mock answers without compression, so what it captures is what it sent.
 */
final class MockServerDraft extends EchoServerDraft {

    private final MockEngine engine;
    private final int maxFrameSize;
    private final Object outLock = new Object();
    private volatile MockCapture capture;
    private FrameRecorder recorder;
    private InboundCapture inbound;
    /** Seqs of received TEXT/BINARY first frames not yet handed on as messages (read thread only). */
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private long scanned;
    private long messageStart = -1;

    MockServerDraft(MockEngine engine, int maxFrameSize) {
        super(List.of(), maxFrameSize);
        this.engine = engine;
        this.maxFrameSize = maxFrameSize;
    }

    /** From the client's open on: its frames go to {@code c}. */
    void attach(MockCapture c) {
        synchronized (outLock) {
            recorder = new FrameRecorder(c.frames(), CaptureObserver.NONE);
            inbound = new InboundCapture(recorder, () -> false);
            scanned = c.frames().size();
            capture = c;
        }
    }

    /** The seq of the first frame of the message being handed on (worker thread, in onMessage). */
    long messageStart() {
        return messageStart;
    }

    @Override
    String chooseSubprotocol(String offeredHeader) {
        List<String> offered = new ArrayList<>();
        if (offeredHeader != null) {
            for (String s : offeredHeader.split(",")) {
                if (!s.isBlank()) {
                    offered.add(s.trim());
                }
            }
        }
        return engine.subprotocolFor(offered);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        InboundCapture in = capture == null ? null : inbound;
        if (in == null) {
            return super.translateFrame(buffer);
        }
        in.beginChunk(buffer);
        List<Framedata> frames;
        try {
            frames = super.translateFrame(buffer);
        } catch (InvalidDataException | RuntimeException e) {
            in.storeUndecoded();
            queueStarts();
            throw e;
        }
        in.storeDecoded(frames);
        queueStarts();
        return frames;
    }

    private void queueStarts() {
        FrameStore store = capture.frames();
        long size = store.size();
        for (long seq = scanned; seq < size; seq++) {
            if (store.direction(seq) == Direction.IN && store.opcode(seq).isDataStart()) {
                starts.addLast(seq);
            }
        }
        scanned = size;
    }

    @Override
    public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
        if (capture != null && (frame.getOpcode() == org.java_websocket.enums.Opcode.TEXT
                || frame.getOpcode() == org.java_websocket.enums.Opcode.BINARY)) {
            Long start = starts.pollFirst();
            messageStart = start == null ? -1 : start;
        }
        super.processFrame(webSocket, frame);
    }

    @Override
    public ByteBuffer createBinaryFrame(Framedata framedata) {
        MockCapture c = capture;
        if (framedata instanceof CraftedWrite crafted) {
            synchronized (outLock) {
                ByteBuffer wire = c == null ? framedata.getPayloadData() : crafted.capture(recorder);
                countFramed(wire.remaining());
                return wire;
            }
        }
        synchronized (outLock) {
            ByteBuffer plain = framedata.getPayloadData().duplicate();
            ByteBuffer wire = super.createBinaryFrame(framedata);
            if (c != null) {
                recorder.record(Direction.OUT, header(wire), false, plain);
            }
            return wire;
        }
    }

    private static WireHeader header(ByteBuffer wire) {
        WireHeader[] found = new WireHeader[1];
        new WireHeaderParser(new WireHeaderParser.Listener() {
            @Override
            public void onHeader(WireHeader h) {
                found[0] = h;
            }
        }).feed(wire.duplicate());
        return found[0] != null ? found[0] : WireHeader.of(0x80 | Opcode.BINARY.code(), false, 0, wire.remaining());
    }

    @Override
    public Draft copyInstance() {
        return new MockServerDraft(engine, maxFrameSize);
    }
}
