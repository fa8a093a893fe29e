package dev.wsinspector.core.filter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Case-insensitive search for an ASCII term in raw payload bytes, without decoding them: the filter's plain text
 * term over millions of frames. Eight bytes at a time, it looks for the term's first and last byte (either case)
 * with the "has a zero byte" trick and compares only where both are, so a 100-byte payload costs a dozen word
 * operations. ASCII letters fold; every other byte must be equal, so a UTF-8 payload is searched exactly as its
 * text would be for an ASCII term.
 */
final class AsciiSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGHS = 0x8080_8080_8080_8080L;
    private static final byte[] FOLD = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            FOLD[b] = (byte) (b >= 'A' && b <= 'Z' ? b + 32 : b);
        }
    }

    /** The term, lower-cased; empty matches everything. */
    private final byte[] term;
    private final long firstPattern;
    private final long firstCase;
    private final long lastPattern;
    private final long lastCase;

    /** @param term ASCII only (see {@link #isAscii}) */
    AsciiSearch(String term) {
        this.term = term.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        int first = this.term.length == 0 ? 0 : this.term[0];
        int last = this.term.length == 0 ? 0 : this.term[this.term.length - 1];
        firstPattern = ONES * first;
        firstCase = isLetter(first) ? ONES * 0x20 : 0;
        lastPattern = ONES * last;
        lastCase = isLetter(last) ? ONES * 0x20 : 0;
    }

    static boolean isAscii(String s) {
        return s.chars().allMatch(c -> c < 0x80);
    }

    private static boolean isLetter(int b) {
        return b >= 'a' && b <= 'z';
    }

    /** True when {@code a[from, to)} contains the term, ASCII letters compared without case. */
    boolean in(byte[] a, int from, int to) {
        int n = term.length;
        if (n == 0) {
            return true;
        }
        int lastStart = to - n;
        int i = from;
        // Word at i holds the first bytes of starts i..i+7, word at i+n-1 their last bytes.
        while (i + 7 <= lastStart) {
            long x = ((long) LONGS.get(a, i) | firstCase) ^ firstPattern;
            long y = ((long) LONGS.get(a, i + n - 1) | lastCase) ^ lastPattern;
            long hits = (x - ONES) & ~x & (y - ONES) & ~y & HIGHS;
            while (hits != 0) {
                int k = Long.numberOfTrailingZeros(hits) >>> 3;
                if (at(a, i + k)) {
                    return true;
                }
                hits &= hits - 1;
            }
            i += 8;
        }
        for (; i <= lastStart; i++) {
            if (FOLD[a[i] & 0xFF] == term[0] && at(a, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean at(byte[] a, int start) {
        byte[] t = term;
        for (int j = 0; j < t.length; j++) {
            if (FOLD[a[start + j] & 0xFF] != t[j]) {
                return false;
            }
        }
        return true;
    }
}
