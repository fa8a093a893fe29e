package dev.wsinspector.core.frame;

/**
 * The header of one WebSocket frame exactly as it was on the wire (RFC 6455 section 5.2).
 *
 * @param fin           FIN bit
 * @param rsv1          RSV1 bit (set on the first frame of a permessage-deflate compressed message)
 * @param rsv2          RSV2 bit
 * @param rsv3          RSV3 bit
 * @param opcode        the opcode
 * @param masked        MASK bit
 * @param maskKey       the 32-bit masking key, big-endian as on the wire; 0 when not masked
 * @param payloadLength payload length field (bytes on the wire, so compressed length when RSV1 is set)
 * @param headerLength  bytes taken by the header: 2 + extended length (0, 2 or 8) + mask key (0 or 4)
 */
public record WireHeader(boolean fin, boolean rsv1, boolean rsv2, boolean rsv3, Opcode opcode,
                         boolean masked, int maskKey, long payloadLength, int headerLength) {

    /** First header byte as on the wire: FIN, RSV1-3 and the opcode. */
    public int firstByte() {
        return (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | (rsv2 ? 0x20 : 0) | (rsv3 ? 0x10 : 0) | opcode.code();
    }

    /** Bytes of the whole frame on the wire. */
    public long wireLength() {
        return headerLength + payloadLength;
    }

    /** Builds a header from the first header byte and the rest of the fields. */
    public static WireHeader of(int firstByte, boolean masked, int maskKey, long payloadLength) {
        int extended = payloadLength <= 125 ? 0 : payloadLength <= 0xFFFF ? 2 : 8;
        return new WireHeader((firstByte & 0x80) != 0, (firstByte & 0x40) != 0, (firstByte & 0x20) != 0,
                (firstByte & 0x10) != 0, Opcode.of(firstByte), masked, masked ? maskKey : 0, payloadLength,
                2 + extended + (masked ? 4 : 0));
    }
}
