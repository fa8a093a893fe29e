package dev.wsinspector.core.payload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UTF-8 for people who debug protocols: strict validation (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF) and decoding that <em>shows</em> every invalid byte instead of hiding it.
 *
 * <p>Each byte that cannot start or continue a valid sequence becomes the four characters {@code \xNN}
 * (lower-case hex, as Python's {@code backslashreplace} writes it). We prefer this to U+FFFD because the
 * user sees the actual byte value, which is what points at the bug (a Latin-1 {@code \xe9}, a stray
 * {@code \xff}). A literal backslash-x already in the text would look the same, so {@link Decoded} also
 * lists where each escape is, and the Text view paints escapes with their own style class.
 */
public final class Utf8Text {

    /** Style class of an escaped invalid byte in {@link Decoded#segments()}. */
    public static final String INVALID_BYTE_CLASS = "utf8-invalid";

    /** Length of one escape, {@code \xNN}. */
    public static final int ESCAPE_LENGTH = 4;

    private static final String ELLIPSIS = "…";
    private static final int PREVIEW_MAX_HEX_BYTES = 16;

    private Utf8Text() {
    }

    /**
     * The result of decoding.
     *
     * @param text           the text, invalid bytes written as {@code \xNN}
     * @param invalidOffsets byte offsets (in the input) of the invalid bytes, ascending
     * @param escapeStarts   char offsets (in {@code text}) where each escape starts, parallel to
     *                       {@code invalidOffsets}
     * @param bytesDecoded   input bytes consumed; less than the input when it ended inside a sequence that
     *                       continues beyond the data given (see {@link #decode(byte[], int, int, boolean)})
     */
    public record Decoded(String text, int[] invalidOffsets, int[] escapeStarts, int bytesDecoded) {

        public int invalidCount() {
            return invalidOffsets.length;
        }

        public boolean isValid() {
            return invalidOffsets.length == 0;
        }

        /** The text split into plain runs and {@value #INVALID_BYTE_CLASS} runs, for styled display. */
        public List<Segment> segments() {
            List<Segment> out = new ArrayList<>(escapeStarts.length * 2 + 1);
            int at = 0;
            for (int start : escapeStarts) {
                if (start > at) {
                    out.add(new Segment(text.substring(at, start), Segment.PLAIN));
                }
                out.add(new Segment(text.substring(start, start + ESCAPE_LENGTH), INVALID_BYTE_CLASS));
                at = start + ESCAPE_LENGTH;
            }
            if (at < text.length()) {
                out.add(new Segment(text.substring(at), Segment.PLAIN));
            }
            return out;
        }
    }

    /** Decodes all of {@code bytes}. */
    public static Decoded decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length, false);
    }

    /**
     * Decodes {@code bytes[offset, offset + length)}.
     *
     * @param continues true when these bytes are a prefix of a longer payload (a size cap, a preview): a
     *                  multi-byte sequence cut by the end of the range is then left out rather than reported
     *                  as invalid, because it was cut by us, not broken by the sender
     */
    public static Decoded decode(byte[] bytes, int offset, int length, boolean continues) {
        StringBuilder sb = new StringBuilder(length);
        IntList invalid = new IntList();
        IntList escapes = new IntList();
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int need = sequenceLength(bytes, i, end);
            if (need > 0) {
                sb.appendCodePoint(codePoint(bytes, i, need));
                i += need;
            } else if (need == TRUNCATED && continues) {
                break;
            } else {
                invalid.add(i - offset);
                escapes.add(sb.length());
                sb.append("\\x");
                Formats.appendHexByte(sb, b);
                i++;
            }
        }
        return new Decoded(sb.toString(), invalid.toArray(), escapes.toArray(), i - offset);
    }

    /** True when {@code bytes} is entirely valid UTF-8 (what RFC 6455 requires of text messages). */
    public static boolean isValidUtf8(byte[] bytes) {
        return isValidUtf8(bytes, 0, bytes.length);
    }

    public static boolean isValidUtf8(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int need = sequenceLength(bytes, i, end);
            if (need <= 0) {
                return false;
            }
            i += need;
        }
        return true;
    }

    /** The text when every byte of the range is well-formed UTF-8, else empty (exports never guess). */
    public static java.util.Optional<String> strict(byte[] bytes, int offset, int length) {
        return isValidUtf8(bytes, offset, length)
                ? java.util.Optional.of(new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8))
                : java.util.Optional.empty();
    }

    public static java.util.Optional<String> strict(byte[] bytes) {
        return strict(bytes, 0, bytes.length);
    }

    /** One-line summary of a whole payload; see {@link #preview(byte[], int, long, boolean, int)}. */
    public static String preview(byte[] bytes, boolean isText, int maxChars) {
        return preview(bytes, bytes.length, bytes.length, isText, maxChars);
    }

    /**
     * One-line summary for a timeline cell, computed once per row from a prefix of the payload.
     * Text: the first line, cut to {@code maxChars} and ended with "…" when anything was left out; invalid
     * bytes appear as {@code \xNN}. Binary: the first bytes in hex and the size, {@code "00 01 02 … (256 B)"}.
     *
     * @param prefix      the first bytes of the payload
     * @param prefixLen   how many bytes of {@code prefix} are valid
     * @param totalLength the whole payload's length
     */
    public static String preview(byte[] prefix, int prefixLen, long totalLength, boolean isText, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        return isText ? textPreview(prefix, prefixLen, totalLength, maxChars)
                : binaryPreview(prefix, prefixLen, totalLength, maxChars);
    }

    private static String textPreview(byte[] prefix, int prefixLen, long totalLength, int maxChars) {
        // Decoding more than maxChars * 4 bytes can never add visible characters.
        int len = (int) Math.min(prefixLen, (long) maxChars * 4 + 4);
        Decoded decoded = decode(prefix, 0, len, totalLength > len);
        String text = decoded.text();
        int lineEnd = firstLineEnd(text);
        String line = text.substring(0, lineEnd).replace('\t', ' ');
        boolean more = decoded.bytesDecoded() < totalLength || !text.substring(lineEnd).isBlank();
        if (line.length() > maxChars) {
            int cut = maxChars - 1;
            if (cut > 0 && Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
            return line.substring(0, cut) + ELLIPSIS;
        }
        return more ? line + ELLIPSIS : line;
    }

    private static String binaryPreview(byte[] prefix, int prefixLen, long totalLength, int maxChars) {
        String size = "(" + Formats.humanBytes(totalLength) + ")";
        // Each byte takes 3 chars; leave room for "… " and the size.
        int room = (maxChars - size.length() - 2) / 3;
        int shown = (int) Math.min(Math.min(prefixLen, totalLength), Math.min(PREVIEW_MAX_HEX_BYTES, Math.max(1, room)));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            Formats.appendHexByte(sb, prefix[i]).append(' ');
        }
        if (shown < totalLength) {
            sb.append(ELLIPSIS).append(' ');
        }
        return sb.append(size).toString();
    }

    private static int firstLineEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static final int INVALID = 0;
    private static final int TRUNCATED = -1;

    /**
     * Length of the well-formed sequence starting at {@code i} (2-4), {@link #INVALID}, or {@link #TRUNCATED}
     * when the bytes so far are a valid start but the range ends before the sequence does.
     * Ranges follow table 3-7 of the Unicode standard, which excludes overlongs and surrogates.
     */
    private static int sequenceLength(byte[] bytes, int i, int end) {
        int b0 = bytes[i] & 0xFF;
        int need;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return INVALID;
        }
        for (int k = 1; k < need; k++) {
            if (i + k >= end) {
                return TRUNCATED;
            }
            int b = bytes[i + k] & 0xFF;
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (b < min || b > max) {
                return INVALID;
            }
        }
        return need;
    }

    private static int codePoint(byte[] bytes, int i, int need) {
        int cp = bytes[i] & (0xFF >> (need + 1));
        for (int k = 1; k < need; k++) {
            cp = (cp << 6) | (bytes[i + k] & 0x3F);
        }
        return cp;
    }

    /** Growable int array; invalid-byte lists can be long for binary data shown as text. */
    private static final class IntList {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
