package dev.wsinspector.core.payload;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A hex dump whose lines are computed on demand, so a 16 MiB payload costs nothing until a line is shown:
 * a virtualized list asks for the few lines on screen. Layout as {@code hexdump -C}:
 * <pre>00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|</pre>
 */
public final class HexDump {

    public static final int BYTES_PER_LINE = 16;

    /** Width of the hex column: 16 pairs, 15 separating spaces and one extra space in the middle. */
    static final int HEX_WIDTH = BYTES_PER_LINE * 3;

    /** Random access to the bytes being dumped; implementations must allow reads from any thread. */
    public interface ByteSource {
        int length();

        byte get(int index);
    }

    /** The three columns of one line, so a view can style them apart. */
    public record Line(String offset, String hex, String ascii) {

        /** The whole line as one string. */
        public String text() {
            return offset + "  " + hex + "  |" + ascii + "|";
        }
    }

    private final ByteSource source;

    public HexDump(ByteSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Dumps the bytes between position and limit; the buffer is read with absolute gets and not moved. */
    public static HexDump of(ByteBuffer buffer) {
        ByteBuffer view = buffer.asReadOnlyBuffer();
        int base = view.position();
        int length = view.remaining();
        return new HexDump(new ByteSource() {
            @Override
            public int length() {
                return length;
            }

            @Override
            public byte get(int index) {
                return view.get(base + index);
            }
        });
    }

    public static HexDump of(byte[] bytes) {
        return of(ByteBuffer.wrap(bytes));
    }

    /** Bytes being dumped. */
    public int length() {
        return source.length();
    }

    /** Lines in the dump; an empty payload has none. */
    public int lineCount() {
        return (source.length() + BYTES_PER_LINE - 1) / BYTES_PER_LINE;
    }

    /** Line {@code index} as one string. */
    public String line(int index) {
        return lineParts(index).text();
    }

    /** Line {@code index} split into offset, hex and ASCII columns. */
    public Line lineParts(int index) {
        if (index < 0 || index >= lineCount()) {
            throw new IndexOutOfBoundsException("line " + index + " of " + lineCount());
        }
        int start = index * BYTES_PER_LINE;
        int count = Math.min(BYTES_PER_LINE, source.length() - start);
        StringBuilder hex = new StringBuilder(HEX_WIDTH);
        StringBuilder ascii = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int b = source.get(start + i) & 0xFF;
            if (i > 0) {
                hex.append(i == BYTES_PER_LINE / 2 ? "  " : " ");
            }
            Formats.appendHexByte(hex, b);
            ascii.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        // Pad a short last line so its ASCII column lines up with the others.
        while (hex.length() < HEX_WIDTH) {
            hex.append(' ');
        }
        return new Line(String.format("%08x", start), hex.toString(), ascii.toString());
    }
}
