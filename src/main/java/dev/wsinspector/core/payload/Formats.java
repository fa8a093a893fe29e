package dev.wsinspector.core.payload;

import java.util.Base64;
import java.util.Locale;

/** Small, locale-independent text formats shared by the detail views, the timeline and copy actions. */
public final class Formats {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Formats() {
    }

    /**
     * Binary units, one decimal only when it says something: {@code 512 B}, {@code 1.5 KiB}, {@code 16 MiB}.
     * Negative sizes (unknown) are shown as {@code ?}.
     */
    public static String humanBytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.1f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " " + UNITS[unit];
    }

    /** {@code 1,048,576}: digit grouping that does not depend on the user's locale, for counts in notices. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /**
     * Lower-case hex pairs separated by single spaces ({@code "00 1f ff"}): readable when pasted into a
     * message, and accepted by {@code xxd -r -p} and by the composer's hex input.
     */
    public static String hex(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(bytes.length * 3 - 1);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            appendHexByte(sb, bytes[i]);
        }
        return sb.toString();
    }

    /** Standard base64 with padding (RFC 4648), the same alphabet as HAR and JSONL exports. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Appends two lower-case hex digits. */
    public static StringBuilder appendHexByte(StringBuilder sb, int b) {
        return sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    /** {@code 0x1a2b3c4d}: a 32-bit value as 8 hex digits (mask keys). */
    public static String hex32(int value) {
        return String.format(Locale.ROOT, "0x%08x", value);
    }

}
