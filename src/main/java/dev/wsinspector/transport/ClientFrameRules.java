package dev.wsinspector.transport;

import dev.wsinspector.core.frame.FrameRules;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.frame.WireHeaderParser;
import java.nio.ByteBuffer;
import java.util.function.IntSupplier;

/**
 * Holds a client's frames to RFC 6455 ({@link FrameRules}, the rules the client holds servers to) on the bytes
 * as they arrive, before Java-WebSocket decodes them: the library unmasks a masked frame and takes an unmasked
 * one as it is, and reports its own findings with words of its own, so the echo server would echo frames that
 * must fail the connection, or fail it without naming the rule.
 *
 * <p>This class only follows the stream for the rules: where each frame starts, whether a fragmented message is
 * open ({@link FrameRules#messageOpenAfter}), and a close frame's payload, unmasked, until all of it is in
 * ({@link FrameRules#checkClosePayload}). It says where in a chunk the first bad frame starts, so the frames
 * before it are still echoed and the bad one never reaches the library. One instance per connection, fed from
 * one thread, in stream order.
 */
final class ClientFrameRules implements WireHeaderParser.Listener {

    private static final int MAX_CLOSE_PAYLOAD = 125;

    private final WireHeaderParser headers = new WireHeaderParser(this);
    /** RSV bits the negotiated extension defines ({@link FrameRules#RSV1} with permessage-deflate). */
    private final IntSupplier extensionRsv;
    private final byte[] closePayload = new byte[MAX_CLOSE_PAYLOAD];
    private boolean messageOpen;
    /** Stream offset of the next frame's first byte, and of the current frame's. */
    private long nextFrameStart;
    private long frameStart;
    /** Bytes fed before the current chunk. */
    private long fed;
    private ProtocolViolation violation;
    private long violationStart;

    ClientFrameRules(IntSupplier extensionRsv) {
        this.extensionRsv = extensionRsv;
    }

    /**
     * Reads the frames in {@code chunk} (position and limit unchanged).
     *
     * @return the absolute position in {@code chunk} where the first frame that breaks a rule starts (its
     *         position when that frame started in an earlier chunk), or -1 when every frame so far keeps them
     */
    int check(ByteBuffer chunk) {
        if (violation == null) {
            headers.feed(chunk);
        }
        long chunkStart = fed;
        fed += chunk.remaining();
        if (violation == null) {
            return -1;
        }
        return chunk.position() + (int) Math.max(0, Math.min(chunk.remaining(), violationStart - chunkStart));
    }

    /** The first rule the client broke, once {@link #check} found one; else null. */
    ProtocolViolation violation() {
        return violation;
    }

    /** Forgets the connection's state (the draft was reset). */
    void reset() {
        headers.reset();
        messageOpen = false;
        nextFrameStart = 0;
        frameStart = 0;
        fed = 0;
        violation = null;
    }

    @Override
    public void onHeader(WireHeader header) {
        frameStart = nextFrameStart;
        nextFrameStart += header.wireLength();
        if (violation != null) {
            return;
        }
        ProtocolViolation broken = FrameRules.checkHeader(header, FrameRules.Sender.CLIENT, messageOpen,
                extensionRsv.getAsInt());
        if (broken != null) {
            fail(broken);
            return;
        }
        messageOpen = FrameRules.messageOpenAfter(header, messageOpen);
    }

    @Override
    public void onPayload(ByteBuffer part, long payloadOffset) {
        WireHeader header = headers.currentHeader();
        if (violation != null || header == null || header.opcode() != Opcode.CLOSE) {
            return;
        }
        int length = part.remaining();
        int at = (int) payloadOffset; // a close frame that passed the header check has at most 125 bytes
        part.get(part.position(), closePayload, at, length);
        WireHeaderParser.unmask(closePayload, at, length, header.maskKey(), payloadOffset);
    }

    @Override
    public void onFrameEnd(WireHeader header) {
        if (violation == null && header.opcode() == Opcode.CLOSE) {
            ProtocolViolation broken = FrameRules.checkClosePayload(closePayload, 0, (int) header.payloadLength());
            if (broken != null) {
                fail(broken);
            }
        }
    }

    private void fail(ProtocolViolation broken) {
        violation = broken;
        violationStart = frameStart;
    }
}
