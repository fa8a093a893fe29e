package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8TextTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validTextDecodesUnchanged() {
        String s = "héllo wörld – 日本語 🎉";
        Utf8Text.Decoded d = Utf8Text.decode(utf8(s));
        assertThat(d.text()).isEqualTo(s);
        assertThat(d.isValid()).isTrue();
        assertThat(d.bytesDecoded()).isEqualTo(utf8(s).length);
    }

    @Test
    void invalidBytesAreShownAsEscapesWithTheirOffsets() {
        // "ab", a Latin-1 é (0xE9 alone), "c", a stray 0xFF
        Utf8Text.Decoded d = Utf8Text.decode(bytes('a', 'b', 0xE9, 'c', 0xFF));
        assertThat(d.text()).isEqualTo("ab\\xe9c\\xff");
        assertThat(d.invalidOffsets()).containsExactly(2, 4);
        assertThat(d.escapeStarts()).containsExactly(2, 7);
        assertThat(d.invalidCount()).isEqualTo(2);
    }

    @Test
    void segmentsMarkEachEscapeAndConcatenateToTheText() {
        Utf8Text.Decoded d = Utf8Text.decode(bytes('x', 0xC3, 0x28, 'y'));
        assertThat(d.segments()).containsExactly(
                new Segment("x", Segment.PLAIN),
                new Segment("\\xc3", Utf8Text.INVALID_BYTE_CLASS),
                new Segment("(y", Segment.PLAIN));
        assertThat(d.segments().stream().map(Segment::text).collect(Collectors.joining())).isEqualTo(d.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "c0 80",        // overlong NUL
            "e0 80 af",     // overlong '/'
            "ed a0 80",     // UTF-16 surrogate D800
            "f4 90 80 80",  // above U+10FFFF
            "f5 80 80 80",  // lead byte never valid
            "80",           // lone continuation
            "e2 82",        // truncated euro sign at the very end
            "c3 41"})       // lead byte followed by ASCII
    void strictValidationRejects(String hex) {
        byte[] b = parseHex(hex);
        assertThat(Utf8Text.isValidUtf8(b)).isFalse();
        assertThat(Utf8Text.decode(b).invalidCount()).isPositive();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "41", "c2 80", "e0 a0 80", "ed 9f bf", "ef bf bf", "f0 90 80 80", "f4 8f bf bf"})
    void strictValidationAccepts(String hex) {
        byte[] b = parseHex(hex);
        assertThat(Utf8Text.isValidUtf8(b)).isTrue();
        assertThat(Utf8Text.decode(b).text()).isEqualTo(new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void agreesWithTheJdkOnEveryTwoByteCombination() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                byte[] in = bytes(a, b);
                boolean jdk = new String(in, StandardCharsets.UTF_8).indexOf('\uFFFD') < 0;
                assertThat(Utf8Text.isValidUtf8(in)).as("%02x %02x", a, b).isEqualTo(jdk);
            }
        }
    }

    @Test
    void aSequenceCutByACapIsLeftOutNotReportedInvalid() {
        byte[] euro = utf8("a€"); // 61 e2 82 ac
        Utf8Text.Decoded cut = Utf8Text.decode(euro, 0, 3, true);
        assertThat(cut.text()).isEqualTo("a");
        assertThat(cut.isValid()).isTrue();
        assertThat(cut.bytesDecoded()).isEqualTo(1);

        Utf8Text.Decoded end = Utf8Text.decode(euro, 0, 3, false);
        assertThat(end.text()).isEqualTo("a\\xe2\\x82");
    }

    @Test
    void textPreviewIsTheFirstLineWithAnEllipsisWhenMoreFollows() {
        assertThat(Utf8Text.preview(utf8("hello"), true, 20)).isEqualTo("hello");
        assertThat(Utf8Text.preview(utf8("hello\nworld"), true, 20)).isEqualTo("hello…");
        assertThat(Utf8Text.preview(utf8("hello\n"), true, 20)).isEqualTo("hello");
        assertThat(Utf8Text.preview(utf8("abcdefghij"), true, 5)).isEqualTo("abcd…").hasSize(5);
        assertThat(Utf8Text.preview(utf8("a\tb"), true, 5)).isEqualTo("a b");
        assertThat(Utf8Text.preview(new byte[0], true, 5)).isEmpty();
    }

    @Test
    void textPreviewShowsInvalidBytes() {
        assertThat(Utf8Text.preview(bytes('o', 'k', 0xFF), true, 40)).isEqualTo("ok\\xff");
    }

    @Test
    void textPreviewFromAPrefixOfALongerPayloadEndsWithEllipsis() {
        byte[] prefix = utf8("short€");
        // The prefix ends inside the euro sign: not invalid, just cut.
        String p = Utf8Text.preview(prefix, prefix.length - 1, 10_000, true, 40);
        assertThat(p).isEqualTo("short…");
    }

    @Test
    void textPreviewNeverSplitsASurrogatePair() {
        String p = Utf8Text.preview(utf8("ab🎉cd"), true, 4);
        assertThat(p).isEqualTo("ab…");
    }

    @Test
    void binaryPreviewIsShortHexAndSize() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        assertThat(Utf8Text.preview(b, false, 20)).isEqualTo("00 01 02 … (256 B)");
        assertThat(Utf8Text.preview(bytes(0xCA, 0xFE), false, 40)).isEqualTo("ca fe (2 B)");
        assertThat(Utf8Text.preview(new byte[0], false, 40)).isEqualTo("(0 B)");
        assertThat(Utf8Text.preview(b, 16, 16 * 1024 * 1024, false, 200)).startsWith("00 01").endsWith("… (16 MiB)");
    }

    @Test
    void previewRejectsANonPositiveWidth() {
        assertThatThrownBy(() -> Utf8Text.preview(new byte[1], true, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] parseHex(String hex) {
        String s = hex.replace(" ", "");
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
