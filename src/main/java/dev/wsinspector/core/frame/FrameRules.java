package dev.wsinspector.core.frame;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The RFC 6455 rules a received frame must keep, in one place for both ends: the client checks frames from a
 * server, the echo server frames from a client. Pure functions over what the wire said, so either end calls
 * them before its WebSocket library sees the frame, and tests need no socket.
 *
 * <p>The caller keeps the fragmentation state (whether a data message of several frames is open) with
 * {@link #messageOpenAfter}, and checks a close frame's payload once it has all of it
 * ({@link #checkClosePayload}); headers are checked as soon as they are read ({@link #checkHeader}).
 */
public final class FrameRules {

    /** Who sent the frame being checked: a server's frames must not be masked, a client's must (§5.1). */
    public enum Sender {
        SERVER, CLIENT
    }

    /** RSV bits as they sit in a frame's first byte. */
    public static final int RSV1 = 0x40;
    public static final int RSV2 = 0x20;
    public static final int RSV3 = 0x10;

    private static final int MAX_CONTROL_PAYLOAD = 125;

    private FrameRules() {
    }

    /**
     * The first rule this frame's header breaks, or null.
     *
     * @param header        the header as read
     * @param sender        who sent it
     * @param messageOpen   a data message's first frame came without FIN and its last frame has not come yet
     * @param extensionRsv  the RSV bits the negotiated extensions define for a message's first frame
     *                      ({@link #RSV1} with permessage-deflate, RFC 7692 §6); 0 without extensions
     */
    public static ProtocolViolation checkHeader(WireHeader header, Sender sender, boolean messageOpen,
                                                int extensionRsv) {
        Opcode opcode = header.opcode();
        if (opcode.isReserved()) {
            return new ProtocolViolation(ProtocolViolation.Rule.RESERVED_OPCODE,
                    String.format(java.util.Locale.ROOT, "0x%X", opcode.code()));
        }
        int rsv = header.firstByte() & (RSV1 | RSV2 | RSV3);
        // Extensions define bits for a message's first frame only (permessage-deflate: RFC 7692 §6.1).
        int allowed = opcode.isDataStart() ? extensionRsv : 0;
        if ((rsv & ~allowed) != 0) {
            return new ProtocolViolation(ProtocolViolation.Rule.RESERVED_BITS, "(" + rsvNames(rsv & ~allowed)
                    + " on a " + opcode.jsonName() + " frame)");
        }
        if (header.payloadLength() < 0) {
            return new ProtocolViolation(ProtocolViolation.Rule.LENGTH_TOP_BIT, "");
        }
        if (opcode.isControl()) {
            if (!header.fin()) {
                return new ProtocolViolation(ProtocolViolation.Rule.FRAGMENTED_CONTROL, "(" + opcode.jsonName() + ")");
            }
            if (header.payloadLength() > MAX_CONTROL_PAYLOAD) {
                return new ProtocolViolation(ProtocolViolation.Rule.OVERSIZED_CONTROL,
                        "(" + opcode.jsonName() + ", " + header.payloadLength() + " bytes)");
            }
        } else if (opcode == Opcode.CONTINUATION && !messageOpen) {
            return new ProtocolViolation(ProtocolViolation.Rule.CONTINUATION_WITHOUT_START, "");
        } else if (opcode.isDataStart() && messageOpen) {
            return new ProtocolViolation(ProtocolViolation.Rule.DATA_INSIDE_FRAGMENTED, "(" + opcode.jsonName() + ")");
        }
        if (sender == Sender.SERVER && header.masked()) {
            return new ProtocolViolation(ProtocolViolation.Rule.MASKED_FROM_SERVER, "");
        }
        if (sender == Sender.CLIENT && !header.masked()) {
            return new ProtocolViolation(ProtocolViolation.Rule.UNMASKED_FROM_CLIENT, "");
        }
        return null;
    }

    /** Whether masking is the only rule {@code violation} breaks: the frame's content is still well formed. */
    public static boolean onlyMasking(ProtocolViolation violation) {
        return violation.rule() == ProtocolViolation.Rule.MASKED_FROM_SERVER
                || violation.rule() == ProtocolViolation.Rule.UNMASKED_FROM_CLIENT;
    }

    /**
     * Whether a fragmented data message is open after a frame with this header, which broke no rule (or was
     * passed on anyway): a data frame without FIN opens one, a continuation with FIN ends it, control frames
     * (allowed between fragments, §5.4) change nothing.
     */
    public static boolean messageOpenAfter(WireHeader header, boolean messageOpen) {
        Opcode opcode = header.opcode();
        if (opcode.isDataStart()) {
            return !header.fin();
        }
        if (opcode == Opcode.CONTINUATION) {
            return !header.fin();
        }
        return messageOpen;
    }

    /**
     * The rule a close frame's (unmasked) payload {@code payload[from, to)} breaks, or null: no payload, or a
     * valid status code (§7.4) followed by a UTF-8 reason (§5.5.1).
     */
    public static ProtocolViolation checkClosePayload(byte[] payload, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return null;
        }
        if (length == 1) {
            return new ProtocolViolation(ProtocolViolation.Rule.CLOSE_PAYLOAD_ONE_BYTE, "");
        }
        int code = ((payload[from] & 0xFF) << 8) | (payload[from + 1] & 0xFF);
        if (!isValidCloseCode(code)) {
            return new ProtocolViolation(ProtocolViolation.Rule.INVALID_CLOSE_CODE, String.valueOf(code));
        }
        if (length > 2 && !isUtf8(payload, from + 2, to)) {
            return new ProtocolViolation(ProtocolViolation.Rule.CLOSE_REASON_NOT_UTF8, "");
        }
        return null;
    }

    /**
     * Whether an endpoint may send {@code code} in a close frame: 1000–1003 and 1007–1011 (§7.4.1), 1012–1014
     * (registered with IANA since, §11.7), and 3000–4999 (libraries, frameworks and applications, §7.4.2). Never
     * 1004 (reserved), 1005, 1006 or 1015 (only for reporting, never on the wire), nor 0–999 or 1016–2999.
     */
    public static boolean isValidCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private static boolean isUtf8(byte[] bytes, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String rsvNames(int bits) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            if ((bits & (0x80 >> i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "+").append("RSV").append(i);
            }
        }
        return sb.toString();
    }
}
