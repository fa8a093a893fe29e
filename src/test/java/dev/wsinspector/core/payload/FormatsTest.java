package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0 B",
            "1023, 1023 B",
            "1024, 1 KiB",
            "1536, 1.5 KiB",
            "4194304, 4 MiB",
            "16777216, 16 MiB",
            "6501171, 6.2 MiB",
            "1073741824, 1 GiB",
            "-1, ?"})
    void humanBytes(long bytes, String expected) {
        assertThat(Formats.humanBytes(bytes)).isEqualTo(expected);
    }

    @Test
    void hexIsSpacedLowerCasePairs() {
        assertThat(Formats.hex(new byte[]{0, 0x1f, (byte) 0xff})).isEqualTo("00 1f ff");
        assertThat(Formats.hex(new byte[0])).isEmpty();
    }

    @Test
    void base64IsStandardWithPadding() {
        assertThat(Formats.base64(new byte[]{(byte) 0xfb, (byte) 0xff})).isEqualTo("+/8=");
    }

    @Test
    void isoMicrosIsUtcWithSixFractionDigits() {
        assertThat(IsoTime.ofEpochMicros(1_714_564_800_123_456L)).isEqualTo("2024-05-01T12:00:00.123456Z");
        assertThat(IsoTime.ofEpochMicros(0)).isEqualTo("1970-01-01T00:00:00.000000Z");
        assertThat(IsoTime.ofEpochMicros(-1)).isEqualTo("1969-12-31T23:59:59.999999Z");
    }

    @Test
    void countsAndMaskKeys() {
        assertThat(Formats.count(1_048_576)).isEqualTo("1,048,576");
        assertThat(Formats.hex32(0x1a2b3c4d)).isEqualTo("0x1a2b3c4d");
        assertThat(Formats.hex32(0xff000001)).isEqualTo("0xff000001");
    }
}
