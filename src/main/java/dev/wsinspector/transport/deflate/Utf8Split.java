package dev.wsinspector.transport.deflate;

/** Finds a UTF-8 character cut off at the end of a byte range. */
final class Utf8Split {

    private Utf8Split() {
    }

    /**
     * Returns how many bytes at the end of {@code bytes[0, length)} are the start of a character whose
     * remaining bytes are missing (0..3). Invalid sequences count as complete: validation reports them.
     */
    static int incompleteTail(byte[] bytes, int length) {
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = bytes[length - back] & 0xff;
            if ((b & 0xC0) == 0x80) {
                continue; // continuation byte: the lead byte is further back
            }
            int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
