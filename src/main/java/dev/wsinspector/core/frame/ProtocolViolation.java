package dev.wsinspector.core.frame;

import java.util.Objects;

/**
 * One RFC 6455 rule a frame broke, with what made it a break (the opcode, the close code, ...). Made by
 * {@link FrameRules}; the client fails the connection with {@link #closeCode()} unless it runs lenient, and the
 * echo server does the same with the rules for frames from a client.
 *
 * @param rule   the rule broken
 * @param detail what on the wire broke it, e.g. {@code "opcode 0x3"}; empty when the rule says it all
 */
public record ProtocolViolation(Rule rule, String detail) {

    /** The rules, each with the words shown to people, its RFC section and the close code that fails for it. */
    public enum Rule {
        MASKED_FROM_SERVER("masked frame from server", "§5.1", 1002),
        UNMASKED_FROM_CLIENT("unmasked frame from client", "§5.1", 1002),
        RESERVED_OPCODE("reserved opcode", "§5.2", 1002),
        RESERVED_BITS("RSV bits without a negotiated extension", "§5.2", 1002),
        LENGTH_TOP_BIT("64-bit payload length with the top bit set", "§5.2", 1002),
        FRAGMENTED_CONTROL("fragmented control frame", "§5.5", 1002),
        OVERSIZED_CONTROL("control frame over 125 bytes", "§5.5", 1002),
        CONTINUATION_WITHOUT_START("continuation frame without a message to continue", "§5.4", 1002),
        DATA_INSIDE_FRAGMENTED("new data frame while a fragmented message is open", "§5.4", 1002),
        CLOSE_PAYLOAD_ONE_BYTE("close frame with a 1-byte payload", "§5.5.1", 1002),
        INVALID_CLOSE_CODE("invalid close code", "§7.4", 1002),
        CLOSE_REASON_NOT_UTF8("close reason that is not valid UTF-8", "§5.5.1", 1007),
        /** Found by the echo server's library after reassembling (and inflating) a message, not by FrameRules. */
        TEXT_NOT_UTF8("text message that is not valid UTF-8", "§8.1", 1007);

        private final String words;
        private final String section;
        private final int closeCode;

        Rule(String words, String section, int closeCode) {
            this.words = words;
            this.section = section;
            this.closeCode = closeCode;
        }

        /** What the rule forbids, in words for people ("masked frame from server"). */
        public String words() {
            return words;
        }

        /** The RFC 6455 section that states it, e.g. {@code "§5.1"}. */
        public String section() {
            return section;
        }

        /** The close code that fails the connection for it: 1002, or 1007 for text that is not UTF-8. */
        public int closeCode() {
            return closeCode;
        }

        /** A stable name for files and scripts, e.g. {@code "masked-from-server"}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ProtocolViolation {
        Objects.requireNonNull(rule, "rule");
        detail = detail == null ? "" : detail;
    }

    public int closeCode() {
        return rule.closeCode();
    }

    /** E.g. "Protocol violation: reserved opcode 0x3 (RFC 6455 §5.2)". */
    public String describe() {
        return "Protocol violation: " + rule.words() + (detail.isEmpty() ? "" : " " + detail)
                + " (RFC 6455 " + rule.section() + ")";
    }

    /** The reason put in our close frame: short and ASCII, so it always fits the 123 bytes a reason may have. */
    public String closeReason() {
        return rule.words();
    }
}
