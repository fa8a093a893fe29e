package dev.wsinspector.cli;

import java.util.Base64;
import java.util.HexFormat;

/** One message to send after the connection opens, from {@code --send}, {@code --send-hex} or {@code --send-base64}. */
sealed interface SendItem {

    record Text(String text) implements SendItem {
    }

    record Binary(byte[] data) implements SendItem {
    }

    /**
     * Parses hex digits; spaces, colons and a leading {@code 0x} are allowed so dumps can be pasted
     * ({@code "de ad be ef"}, {@code "de:ad"}, {@code "0xdeadbeef"}).
     */
    static Binary hex(String value) {
        String digits = value.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceAll("[\\s:]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs an even number of digits, got " + digits.length());
        }
        try {
            return new Binary(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: '" + value + "'");
        }
    }

    /** Parses standard or URL-safe base64 (padding optional). */
    static Binary base64(String value) {
        String s = value.strip();
        try {
            return new Binary(s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: '" + value + "'");
        }
    }
}
