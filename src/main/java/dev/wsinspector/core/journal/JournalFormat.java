package dev.wsinspector.core.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of a session journal ({@code frames.wsj}); docs/JOURNAL.md describes it for other tools.
 *
 * <p>Little-endian throughout. A 32-byte file header, then records, each self-delimiting and checksummed so a
 * reader can cut a torn tail back to the last complete record and step over a damaged one:
 * <pre>
 *   file header: magic "\x89WSJ\r\n\x1a\n" (8) | major u16 | minor u16 | header length u32 | created epoch µs i64
 *                | reserved (8)
 *   record:      marker u32 (0x524A5357, "WSJR") | length u32 (of type + body) | type u8 | body | crc32c u32
 *                (the CRC covers length, type and body)
 *   frame body:  seq i64 | epoch µs i64 | mono ns i64 | flags u16 | mask key i32 | wire payload length i64
 *                | payload length i32 | payload (after unmasking and decompression)
 *   event body:  frame index i64 | epoch µs i64 | UTF-8 JSON of the event ({@link EventCodec})
 * </pre>
 * Flags: bits 0-7 the first header byte as on the wire (FIN, RSV1-3, opcode), bit 8 MASK, bit 9 inbound,
 * bit 10 payload inflated by permessage-deflate, bits 12-13 the wire length encoding (0 7-bit, 1 16-bit,
 * 2 64-bit), bit 14 (since 1.1) the frame was crafted by the user (old readers ignore it).
 */
public final class JournalFormat {

    static final byte[] MAGIC = {(byte) 0x89, 'W', 'S', 'J', '\r', '\n', 0x1A, '\n'};
    /** Readers refuse a file whose major version is newer; minor versions only add what old readers may skip. */
    public static final int MAJOR_VERSION = 1;
    public static final int MINOR_VERSION = 1;
    static final int FILE_HEADER_LENGTH = 32;

    static final int RECORD_MARKER = 0x524A5357;
    /** Marker and length in front of the type byte. */
    static final int RECORD_PREFIX = 8;
    static final int CRC_LENGTH = 4;
    static final byte TYPE_FRAME = 1;
    static final byte TYPE_EVENT = 2;

    /** Frame body bytes before the payload. */
    static final int FRAME_FIXED = 8 + 8 + 8 + 2 + 4 + 8 + 4;
    static final int EVENT_FIXED = 8 + 8;

    static final int FLAG_MASKED = 1 << 8;
    static final int FLAG_INBOUND = 1 << 9;
    static final int FLAG_INFLATED = 1 << 10;
    static final int FLAG_CRAFTED = 1 << 14;
    static final int LENGTH_CODE_SHIFT = 12;

    /** Largest record a reader accepts; bounds what a corrupt length field can make it allocate or skip. */
    static final int MAX_RECORD = 1 << 30;

    public static final String JOURNAL_FILE = "frames.wsj";

    private JournalFormat() {
    }

    static ByteBuffer fileHeader(long createdEpochMicros) {
        ByteBuffer b = ByteBuffer.allocate(FILE_HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) MAJOR_VERSION).putShort((short) MINOR_VERSION).putInt(FILE_HEADER_LENGTH)
                .putLong(createdEpochMicros).putLong(0);
        return b.flip();
    }

    /**
     * Checks a file header.
     *
     * @return the header length to skip
     * @throws JournalException when it is not a journal or a newer major version wrote it
     */
    static int checkFileHeader(ByteBuffer b) {
        if (b.remaining() < 16) {
            throw new JournalException("not a session journal: the file is shorter than its header");
        }
        b.order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new JournalException("not a session journal (wrong magic number)");
            }
        }
        int major = b.getShort() & 0xFFFF;
        b.getShort();
        int headerLength = b.getInt();
        if (major > MAJOR_VERSION) {
            throw new JournalException("written by a newer WS Inspector (journal format " + major
                    + "; this version reads format " + MAJOR_VERSION + "): update the app to open it");
        }
        if (headerLength < 16 || headerLength > 4096) {
            throw new JournalException("not a session journal (header length " + headerLength + ")");
        }
        return headerLength;
    }

    /**
     * Whether {@code bytes} (a whole file shorter than a header) can be the start of a header this version writes,
     * or zeros (what a file system may show of blocks that never reached the disk): a journal whose writer stopped
     * before its header was complete, so it holds nothing.
     */
    static boolean tornHeader(byte[] bytes) {
        if (bytes.length >= FILE_HEADER_LENGTH) {
            return false;
        }
        ByteBuffer expected = fileHeader(0);
        boolean zeros = true;
        boolean prefix = true;
        for (int i = 0; i < bytes.length; i++) {
            zeros &= bytes[i] == 0;
            prefix &= i >= 16 || bytes[i] == expected.get(i); // from byte 16: the creation time, any value
        }
        return zeros || prefix;
    }

    static int crc(ByteBuffer record, int from, int to) {
        CRC32C crc = new CRC32C();
        crc.update(record.duplicate().limit(to).position(from));
        return (int) crc.getValue();
    }

    static int lengthCode(int headerLength, boolean masked) {
        int extended = headerLength - 2 - (masked ? 4 : 0);
        return extended == 8 ? 2 : extended == 2 ? 1 : 0;
    }

    static int headerLength(int flags) {
        int code = (flags >>> LENGTH_CODE_SHIFT) & 3;
        return 2 + (code == 2 ? 8 : code == 1 ? 2 : 0) + ((flags & FLAG_MASKED) != 0 ? 4 : 0);
    }
}
