package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HexDumpTest {

    private static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void fullLineLooksLikeHexdumpC() {
        HexDump dump = HexDump.of(ramp(256));
        assertThat(dump.lineCount()).isEqualTo(16);
        assertThat(dump.line(0)).isEqualTo(
                "00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|");
        assertThat(dump.line(4)).isEqualTo(
                "00000040  40 41 42 43 44 45 46 47  48 49 4a 4b 4c 4d 4e 4f  |@ABCDEFGHIJKLMNO|");
        assertThat(dump.line(15)).isEqualTo(
                "000000f0  f0 f1 f2 f3 f4 f5 f6 f7  f8 f9 fa fb fc fd fe ff  |................|");
    }

    @Test
    void shortLastLineIsPaddedSoTheAsciiColumnLinesUp() {
        HexDump dump = HexDump.of("Hello, world!\n...".getBytes(StandardCharsets.US_ASCII));
        assertThat(dump.lineCount()).isEqualTo(2);
        assertThat(dump.line(1)).isEqualTo("00000010  2e" + " ".repeat(46) + "  |.|");
        assertThat(dump.line(1).indexOf('|')).isEqualTo(dump.line(0).indexOf('|'));
        assertThat(dump.lineParts(0).ascii()).isEqualTo("Hello, world!...");
    }

    @Test
    void partsJoinToTheLine() {
        HexDump dump = HexDump.of(ramp(40));
        HexDump.Line parts = dump.lineParts(2);
        assertThat(parts.offset()).isEqualTo("00000020");
        assertThat(parts.hex()).hasSize(48).startsWith("20 21");
        assertThat(parts.text()).isEqualTo(dump.line(2));
    }

    @Test
    void emptyPayloadHasNoLines() {
        assertThat(HexDump.of(new byte[0]).lineCount()).isZero();
        assertThatThrownBy(() -> HexDump.of(new byte[0]).line(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readsBetweenPositionAndLimitWithoutMovingTheBuffer() {
        ByteBuffer buf = ByteBuffer.wrap(ramp(64));
        buf.position(16).limit(20);
        HexDump dump = HexDump.of(buf);
        assertThat(dump.length()).isEqualTo(4);
        assertThat(dump.line(0)).startsWith("00000000  10 11 12 13 ");
        assertThat(buf.position()).isEqualTo(16);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void sixteenMebibytesAreDumpedLineByLineOnDemand() {
        int size = 16 * 1024 * 1024;
        byte[] big = new byte[size];
        big[size - 1] = 0x41;
        int[] reads = {0};
        HexDump dump = new HexDump(new HexDump.ByteSource() {
            @Override
            public int length() {
                return size;
            }

            @Override
            public byte get(int index) {
                reads[0]++;
                return big[index];
            }
        });
        assertThat(dump.lineCount()).isEqualTo(1_048_576);
        assertThat(dump.line(1_048_575)).isEqualTo(
                "00fffff0  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 41  |...............A|");
        assertThat(dump.line(524_288)).startsWith("00800000  ");
        // Two lines shown, 32 bytes read: nothing else of the 16 MiB was touched.
        assertThat(reads[0]).isEqualTo(32);
    }
}
