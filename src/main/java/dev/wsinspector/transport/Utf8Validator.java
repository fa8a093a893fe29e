package dev.wsinspector.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation of whole text payloads (RFC 3629, as RFC 6455 §8.1 requires): no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF, and no sequence cut off at the end.
 *
 * <p>Runs on the socket read thread for every text frame of the capture fast path, so ASCII — nearly all of
 * what servers send — is checked eight bytes at a time: a {@code long} read from the array is all ASCII when
 * none of its bytes has the high bit set. Other bytes go through an explicit check of each sequence, byte
 * ranges as in RFC 3629's table, and the word loop resumes right after it.
 */
final class Utf8Validator {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8Validator() {
    }

    /** True when {@code a[from, to)} is complete, valid UTF-8 (empty included). */
    static boolean isValid(byte[] a, int from, int to) {
        int i = from;
        int words = to - 8;
        int pairs = to - 16;
        while (i < to) {
            while (i <= pairs && (((long) LONGS.get(a, i) | (long) LONGS.get(a, i + 8)) & HIGH_BITS) == 0) {
                i += 16;
            }
            while (i <= words && ((long) LONGS.get(a, i) & HIGH_BITS) == 0) {
                i += 8;
            }
            // A word with a non-ASCII byte, or the last few bytes: byte by byte up to the next word.
            int stop = Math.min(to, i + 8);
            while (i < stop) {
                if (a[i] >= 0) {
                    i++;
                } else {
                    i = sequenceEnd(a, i, to);
                    if (i < 0) {
                        return false;
                    }
                    break;
                }
            }
        }
        return true;
    }

    /**
     * The index after the multi-byte sequence starting at {@code a[i]} (a byte with its high bit set), or -1
     * when it is not a valid sequence or does not end before {@code to}.
     */
    private static int sequenceEnd(byte[] a, int i, int to) {
        int b0 = a[i] & 0xFF;
        if (b0 < 0xC2) {
            return -1; // a continuation byte without its lead, or C0/C1 (always overlong)
        }
        if (b0 < 0xE0) {
            return i + 1 < to && continuation(a[i + 1]) ? i + 2 : -1;
        }
        if (b0 < 0xF0) {
            if (i + 2 >= to) {
                return -1;
            }
            int b1 = a[i + 1] & 0xFF;
            boolean ok = b0 == 0xE0 ? b1 >= 0xA0 && b1 <= 0xBF // no overlong
                    : b0 == 0xED ? b1 >= 0x80 && b1 <= 0x9F    // no surrogates
                    : (b1 & 0xC0) == 0x80;
            return ok && continuation(a[i + 2]) ? i + 3 : -1;
        }
        if (b0 < 0xF5) {
            if (i + 3 >= to) {
                return -1;
            }
            int b1 = a[i + 1] & 0xFF;
            boolean ok = b0 == 0xF0 ? b1 >= 0x90 && b1 <= 0xBF // no overlong
                    : b0 == 0xF4 ? b1 >= 0x80 && b1 <= 0x8F    // nothing above U+10FFFF
                    : (b1 & 0xC0) == 0x80;
            return ok && continuation(a[i + 2]) && continuation(a[i + 3]) ? i + 4 : -1;
        }
        return -1; // F5..FF never appear in UTF-8
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** True when {@code bytes} (position to limit) is valid UTF-8; the buffer is not moved. */
    static boolean isValid(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            int off = bytes.arrayOffset();
            return isValid(bytes.array(), off + bytes.position(), off + bytes.limit());
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(bytes.position(), copy);
        return isValid(copy, 0, copy.length);
    }

    /**
     * For a payload whose sequences were already checked by a validator that accepts a sequence cut off at
     * the end (Java-WebSocket's): true unless the last sequence is incomplete. Looks at the last 4 bytes at most.
     */
    static boolean endsComplete(ByteBuffer bytes) {
        int start = bytes.position();
        int end = bytes.limit();
        for (int k = 1; k <= 4 && end - k >= start; k++) {
            int b = bytes.get(end - k) & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return k == need;
            }
        }
        return end == start;
    }
}
