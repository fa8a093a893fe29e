package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * A {@link Draft_6455} that decodes compressed fragmented messages correctly when control frames arrive
 * between their fragments.
 *
 * <p>Why: Java-WebSocket 1.6.0 picks the extension that decodes a frame from the RSV bits of the last
 * non-continuation frame, and a ping between fragments counts as one. So after
 * {@code TEXT(RSV1, fin=0), PING, CONTINUATION} it hands the continuation to its no-op default extension
 * and the compressed bytes reach the application as if they were text. RFC 6455 §5.4 allows control frames
 * there, and pings from keep-alive timers land there by chance.
 *
 * <p>How: the library decodes every frame of a read before returning any, which would inflate a later
 * message before the skipped continuation. So frames are handed to the library one at a time and, after
 * each, a continuation the library skipped is decoded with the negotiated extension, in wire order.
 *
 * <p>Subclasses must override {@link #copyInstance()} to return their own type (the library copies the
 * draft for each connection); {@link #copyExtensions()} and {@link #copyProtocols()} help.
 */
public class PermessageDeflateDraft extends Draft_6455 {

    private final FrameBoundaries boundaries = new FrameBoundaries();
    /** A compressed message's first frame was read and its last frame not yet. */
    private boolean compressedMessageOpen;
    /** Whether the library currently routes continuation frames to the negotiated extension. */
    private boolean libraryDecodesContinuations;

    /** A draft offering/accepting {@link PermessageDeflate} with default settings. */
    public PermessageDeflateDraft() {
        this(List.of(new PermessageDeflate()));
    }

    public PermessageDeflateDraft(List<IExtension> extensions) {
        this(extensions, List.of(new Protocol("")), Integer.MAX_VALUE);
    }

    public PermessageDeflateDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameSize) {
        super(extensions, protocols, maxFrameSize);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        if (!(getExtension() instanceof PermessageDeflate)) {
            // Nothing compressed on this connection: the library's own decoding is right, and faster.
            return super.translateFrame(buffer);
        }
        List<Framedata> frames = new ArrayList<>(2);
        while (buffer.hasRemaining()) {
            int end = boundaries.endOfFrame(buffer);
            // duplicate(), not slice(): the library reads buffer.array() at buffer.position().
            ByteBuffer oneFrame = buffer.duplicate();
            oneFrame.limit(end);
            List<Framedata> decoded = super.translateFrame(oneFrame); // consumes all it is given
            buffer.position(end);
            for (Framedata frame : decoded) {
                repairDecoding(frame);
                frames.add(frame);
            }
        }
        return frames;
    }

    private void repairDecoding(Framedata frame) throws InvalidDataException {
        boolean anyRsv = frame.isRSV1() || frame.isRSV2() || frame.isRSV3();
        if (frame.getOpcode() == Opcode.CONTINUOUS) {
            if (compressedMessageOpen && !libraryDecodesContinuations) {
                getExtension().isFrameValid(frame);
                getExtension().decodeFrame(frame);
            }
            if (frame.isFin()) {
                compressedMessageOpen = false;
            }
        } else {
            // Mirrors the library: every non-continuation frame, control frames included, chooses the
            // decoder for the continuation frames after it by its RSV bits.
            libraryDecodesContinuations = anyRsv;
            if (frame.getOpcode() == Opcode.TEXT || frame.getOpcode() == Opcode.BINARY) {
                compressedMessageOpen = frame.isRSV1() && !frame.isFin();
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        boundaries.reset();
        compressedMessageOpen = false;
        libraryDecodesContinuations = false;
    }

    @Override
    public Draft copyInstance() {
        return new PermessageDeflateDraft(copyExtensions(), copyProtocols(), getMaxFrameSize());
    }

    protected final List<IExtension> copyExtensions() {
        List<IExtension> copies = new ArrayList<>();
        for (IExtension extension : getKnownExtensions()) {
            copies.add(extension.copyInstance());
        }
        return copies;
    }

    protected final List<IProtocol> copyProtocols() {
        List<IProtocol> copies = new ArrayList<>();
        for (IProtocol protocol : getKnownProtocols()) {
            copies.add(protocol.copyInstance());
        }
        return copies;
    }
}
