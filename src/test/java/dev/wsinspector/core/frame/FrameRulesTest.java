package dev.wsinspector.core.frame;

import dev.wsinspector.core.frame.FrameRules.Sender;
import dev.wsinspector.core.frame.ProtocolViolation.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Each RFC 6455 rule, broken and kept, for frames from a server and from a client. */
class FrameRulesTest {

    private static WireHeader server(int firstByte, long length) {
        return WireHeader.of(firstByte, false, 0, length);
    }

    private static WireHeader client(int firstByte, long length) {
        return WireHeader.of(firstByte, true, 0x11223344, length);
    }

    private static Rule rule(WireHeader h, Sender sender, boolean open, int rsv) {
        ProtocolViolation v = FrameRules.checkHeader(h, sender, open, rsv);
        return v == null ? null : v.rule();
    }

    @Test
    void wellFormedFramesBreakNoRule() {
        assertThat(rule(server(0x81, 5), Sender.SERVER, false, 0)).isNull();
        assertThat(rule(server(0x02, 5), Sender.SERVER, false, 0)).isNull();
        assertThat(rule(server(0x00, 5), Sender.SERVER, true, 0)).isNull();
        assertThat(rule(server(0x89, 125), Sender.SERVER, true, 0)).as("ping between fragments").isNull();
        assertThat(rule(server(0xC1, 5), Sender.SERVER, false, FrameRules.RSV1)).as("deflate").isNull();
        assertThat(rule(client(0x81, 5), Sender.CLIENT, false, 0)).isNull();
    }

    @Test
    void maskingGoesOneWayOnly() {
        ProtocolViolation v = FrameRules.checkHeader(client(0x81, 5), Sender.SERVER, false, 0);
        assertThat(v.rule()).isEqualTo(Rule.MASKED_FROM_SERVER);
        assertThat(v.describe()).isEqualTo("Protocol violation: masked frame from server (RFC 6455 §5.1)");
        assertThat(v.closeCode()).isEqualTo(1002);
        assertThat(FrameRules.onlyMasking(v)).isTrue();
        assertThat(rule(server(0x81, 5), Sender.CLIENT, false, 0)).isEqualTo(Rule.UNMASKED_FROM_CLIENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void reservedOpcodes(int opcode) {
        ProtocolViolation v = FrameRules.checkHeader(server(0x80 | opcode, 0), Sender.SERVER, false, 0);
        assertThat(v.rule()).isEqualTo(Rule.RESERVED_OPCODE);
        assertThat(v.describe()).isEqualTo("Protocol violation: reserved opcode 0x" + Integer.toHexString(opcode)
                .toUpperCase(java.util.Locale.ROOT) + " (RFC 6455 §5.2)");
        assertThat(FrameRules.onlyMasking(v)).isFalse();
    }

    @Test
    void rsvBitsNeedAnExtensionAndOnlyOnAMessagesFirstFrame() {
        assertThat(rule(server(0xC1, 5), Sender.SERVER, false, 0)).isEqualTo(Rule.RESERVED_BITS);
        assertThat(FrameRules.checkHeader(server(0xA1, 5), Sender.SERVER, false, FrameRules.RSV1).describe())
                .isEqualTo("Protocol violation: RSV bits without a negotiated extension (RSV2 on a text frame)"
                        + " (RFC 6455 §5.2)");
        assertThat(rule(server(0xD1, 5), Sender.SERVER, false, 0)).isEqualTo(Rule.RESERVED_BITS);
        // permessage-deflate: RSV1 on the first frame only, never on continuations or control frames.
        assertThat(rule(server(0xC0, 5), Sender.SERVER, true, FrameRules.RSV1)).isEqualTo(Rule.RESERVED_BITS);
        assertThat(rule(server(0xC9, 0), Sender.SERVER, false, FrameRules.RSV1)).isEqualTo(Rule.RESERVED_BITS);
    }

    @Test
    void controlFramesAreWholeAndSmall() {
        assertThat(rule(server(0x09, 0), Sender.SERVER, false, 0)).isEqualTo(Rule.FRAGMENTED_CONTROL);
        assertThat(rule(server(0x08, 2), Sender.SERVER, false, 0)).isEqualTo(Rule.FRAGMENTED_CONTROL);
        ProtocolViolation big = FrameRules.checkHeader(server(0x8A, 126), Sender.SERVER, false, 0);
        assertThat(big.rule()).isEqualTo(Rule.OVERSIZED_CONTROL);
        assertThat(big.describe()).contains("(pong, 126 bytes)");
        assertThat(rule(server(0x88, 125), Sender.SERVER, false, 0)).isNull();
    }

    @Test
    void fragmentationOrder() {
        assertThat(rule(server(0x80, 1), Sender.SERVER, false, 0)).isEqualTo(Rule.CONTINUATION_WITHOUT_START);
        assertThat(rule(server(0x00, 1), Sender.SERVER, false, 0)).isEqualTo(Rule.CONTINUATION_WITHOUT_START);
        assertThat(rule(server(0x81, 1), Sender.SERVER, true, 0)).isEqualTo(Rule.DATA_INSIDE_FRAGMENTED);
        assertThat(rule(server(0x02, 1), Sender.SERVER, true, 0)).isEqualTo(Rule.DATA_INSIDE_FRAGMENTED);

        boolean open = FrameRules.messageOpenAfter(server(0x01, 1), false);
        assertThat(open).isTrue();
        assertThat(FrameRules.messageOpenAfter(server(0x89, 0), open)).isTrue();
        assertThat(FrameRules.messageOpenAfter(server(0x00, 1), open)).isTrue();
        assertThat(FrameRules.messageOpenAfter(server(0x80, 1), open)).isFalse();
        assertThat(FrameRules.messageOpenAfter(server(0x82, 1), false)).isFalse();
    }

    @Test
    void negativeLengthIsItsOwnRule() {
        WireHeader h = new WireHeader(true, false, false, false, Opcode.BINARY, false, 0, -1, 10);
        assertThat(rule(h, Sender.SERVER, false, 0)).isEqualTo(Rule.LENGTH_TOP_BIT);
    }

    private static byte[] close(int code, byte... reason) {
        byte[] p = new byte[2 + reason.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(reason, 0, p, 2, reason.length);
        return p;
    }

    private static ProtocolViolation closePayload(byte[] p) {
        return FrameRules.checkClosePayload(p, 0, p.length);
    }

    @Test
    void closePayloads() {
        assertThat(closePayload(new byte[0])).isNull();
        assertThat(closePayload(close(1000))).isNull();
        assertThat(closePayload(close(4999, "bye ✓".getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(closePayload(new byte[]{0x03}).rule()).isEqualTo(Rule.CLOSE_PAYLOAD_ONE_BYTE);
        ProtocolViolation code = closePayload(close(999));
        assertThat(code.rule()).isEqualTo(Rule.INVALID_CLOSE_CODE);
        assertThat(code.describe()).isEqualTo("Protocol violation: invalid close code 999 (RFC 6455 §7.4)");
        ProtocolViolation utf8 = closePayload(close(1000, (byte) 0xC3, (byte) 0x28));
        assertThat(utf8.rule()).isEqualTo(Rule.CLOSE_REASON_NOT_UTF8);
        assertThat(utf8.closeCode()).isEqualTo(1007);
        // A payload in the middle of a buffer.
        byte[] buffer = {9, 9, 0x03, (byte) 0xE8, 'o', 'k', 9};
        assertThat(FrameRules.checkClosePayload(buffer, 2, 6)).isNull();
        assertThat(FrameRules.checkClosePayload(buffer, 2, 3).rule()).isEqualTo(Rule.CLOSE_PAYLOAD_ONE_BYTE);
    }

    @Test
    void closeCodes() {
        for (int code : new int[]{1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 4999}) {
            assertThat(FrameRules.isValidCloseCode(code)).as("%d", code).isTrue();
        }
        for (int code : new int[]{0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            assertThat(FrameRules.isValidCloseCode(code)).as("%d", code).isFalse();
        }
    }

    @Test
    void rulesHaveStableNamesAndFitInACloseReason() {
        for (Rule r : Rule.values()) {
            assertThat(r.jsonName()).matches("[a-z0-9-]+");
            ProtocolViolation v = new ProtocolViolation(r, "");
            assertThat(v.closeReason().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
            assertThat(v.describe()).startsWith("Protocol violation: ").contains("(RFC 6455 §");
        }
    }
}
