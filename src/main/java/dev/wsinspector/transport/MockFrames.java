package dev.wsinspector.transport;

import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.mock.MockAction;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A mock reply's wire bytes when a fault shapes it: masked, fragmented with pings between, oversized, not UTF-8. */
final class MockFrames {

    private MockFrames() {
    }

    /** The wire bytes of a reply with faults: FrameSpec does the framing, lies and all. */
    static byte[] crafted(MockAction.Send send) {
        byte[] payload = send.payload();
        if (send.oversizeTo() > 0 && send.oversizeTo() <= Integer.MAX_VALUE - 16) {
            byte[] padded = java.util.Arrays.copyOf(payload, (int) send.oversizeTo());
            java.util.Arrays.fill(padded, Math.min(payload.length, padded.length), padded.length,
                    send.text() ? (byte) ' ' : 0);
            payload = padded;
        }
        FrameSpec.Mask mask = send.masked() ? FrameSpec.Mask.RANDOM : FrameSpec.Mask.NONE;
        int opcode = (send.text() ? Opcode.TEXT : Opcode.BINARY).code();
        int fragments = (int) Math.min(FrameSpec.MAX_FRAGMENTS, Math.max(1, Math.min(send.fragments(),
                Math.max(1, payload.length))));
        int between = fragments > 1 && send.pings() > 0 ? Opcode.PING.code() : FrameSpec.NONE;
        FrameSpec spec = new FrameSpec(opcode, true, false, false, false, mask, payload, FrameSpec.TRUE_LENGTH,
                fragments, between);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(payload.length + 64);
        if (fragments == 1) {
            for (int i = 0; i < send.pings(); i++) {
                out.writeBytes(FrameSpec.of(Opcode.PING, new byte[0]).withMask(mask).encode());
            }
        }
        out.writeBytes(spec.encode());
        return out.toByteArray();
    }

    /** The text of a payload, or null when it is not UTF-8 (then it goes out crafted). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
