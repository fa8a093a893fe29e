package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireFrames;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;

import java.nio.ByteBuffer;

/**
 * Raw bytes on their way to the socket past the library's frame encoder, so that what a well-behaved client never
 * sends (crafted frames, {@code --send-raw}) still goes out in order with every other write: it travels as a
 * {@link Framedata} through the library's {@code sendFrame}, and {@link TappingDraft#createBinaryFrame} hands back
 * {@link #capture these bytes} instead of encoding it. Its capture is what the bytes say on the wire, read as a
 * peer would ({@link WireFrames}), each frame marked crafted.
 */
final class CraftedWrite implements Framedata {

    private final byte[] wire;
    private final WireFrames.Split split;

    CraftedWrite(byte[] wire) {
        this.wire = wire.clone();
        this.split = WireFrames.split(this.wire);
    }

    /** Records the frames into the capture (under the draft's outbound lock) and returns the bytes to write. */
    ByteBuffer capture(FrameRecorder recorder) {
        for (WireFrames.Piece piece : split.frames()) {
            recorder.recordCrafted(Direction.OUT, piece.header(), ByteBuffer.wrap(piece.payload()));
        }
        return ByteBuffer.wrap(wire);
    }

    /** Bytes at the end too few for a frame header: captured as no frame, so the sender notes them. */
    int trailing() {
        return split.trailing();
    }

    /** The bytes that make no frame, as hex, for the note. */
    String trailingHex() {
        return java.util.HexFormat.ofDelimiter(" ").formatHex(wire, wire.length - split.trailing(), wire.length);
    }

    // The library only asks for these while logging; it never encodes this frame.

    @Override
    public boolean isFin() {
        return true;
    }

    @Override
    public boolean isRSV1() {
        return false;
    }

    @Override
    public boolean isRSV2() {
        return false;
    }

    @Override
    public boolean isRSV3() {
        return false;
    }

    @Override
    public boolean getTransfereMasked() {
        return false;
    }

    @Override
    public Opcode getOpcode() {
        return Opcode.BINARY;
    }

    @Override
    public ByteBuffer getPayloadData() {
        return ByteBuffer.wrap(wire).asReadOnlyBuffer();
    }

    @Override
    public void append(Framedata nextFrame) {
        throw new UnsupportedOperationException("a crafted write is not a message part");
    }

    @Override
    public String toString() {
        return "CraftedWrite(" + wire.length + " bytes, " + split.frames().size() + " frames)";
    }
}
