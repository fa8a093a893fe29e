package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crafted-frame encoder and its SPEC syntax, checked against RFC 6455's own examples (section 5.7). */
class FrameSpecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static String wire(String spec) {
        return HEX.formatHex(FrameSpec.parse(spec).encode());
    }

    @Test
    void rfcExamplesComeOutByteForByte() {
        assertThat(wire("op=text,mask=off,text=Hello")).isEqualTo("810548656c6c6f");
        assertThat(wire("op=text,mask=37fa213d,text=Hello")).isEqualTo("818537fa213d7f9f4d5158");
        assertThat(wire("op=ping,mask=off,text=Hello")).isEqualTo("890548656c6c6f");
        assertThat(wire("op=pong,mask=37fa213d,text=Hello")).isEqualTo("8a8537fa213d7f9f4d5158");
        assertThat(wire("op=text,mask=off,fragments=2,text=Hello")).isEqualTo("010248658003" + "6c6c6f");
    }

    @Test
    void extendedLengthsUseTheShortestForm() {
        byte[] b256 = FrameSpec.of(Opcode.BINARY, new byte[256]).withMask(FrameSpec.Mask.NONE).encode();
        assertThat(HEX.formatHex(b256, 0, 4)).isEqualTo("827e0100");
        assertThat(b256).hasSize(4 + 256);
        byte[] b64k = FrameSpec.of(Opcode.BINARY, new byte[65536]).withMask(FrameSpec.Mask.NONE).encode();
        assertThat(HEX.formatHex(b64k, 0, 10)).isEqualTo("827f0000000000010000");
    }

    @Test
    void whatAWellBehavedClientNeverSends() {
        // reserved opcode, RSV bits, no FIN, unmasked
        assertThat(wire("op=3,fin=0,rsv1=1,rsv2=1,rsv3=1,mask=off,hex=ff")).isEqualTo("7301ff");
        assertThat(wire("op=reserved-b,mask=00000000,text=x")).as("a key of zeros is still a key").isEqualTo("8b810000000078");
    }

    @Test
    void aLyingLengthIsWrittenInTheFormItNeeds() {
        assertThat(wire("op=text,mask=off,len=200,text=hello")).isEqualTo("817e00c868656c6c6f");
        assertThat(wire("op=binary,mask=off,len=2,hex=010203")).isEqualTo("8202010203");
        assertThat(wire("op=text,mask=off,len=70000,text=a")).isEqualTo("817f000000000001117061");
    }

    @Test
    void fragmentsWithAControlFrameBetweenThem() {
        FrameSpec spec = FrameSpec.parse("op=text,rsv1=1,mask=off,fragments=3,between=ping,text=abcdef");
        assertThat(spec.encodeFrames()).extracting(HEX::formatHex).containsExactly(
                "41026162", "8900", "00026364", "8900", "80026566");
        assertThat(spec.describe()).isEqualTo("text rsv1 mask=off in 3 fragments with ping between, 6 bytes");
    }

    @Test
    void finOfAFragmentedMessageIsTheLastFramesFin() {
        List<FrameSpec> frames = FrameSpec.parse("fin=0,fragments=2,mask=off,text=ab").frames();
        assertThat(frames).extracting(FrameSpec::fin).containsExactly(false, false);
    }

    @Test
    void aRandomMaskIsAFreshKeyEachFrameAndMasksThePayload() {
        RandomGenerator keys = new java.util.Random(7);
        List<byte[]> frames = FrameSpec.parse("fragments=2,text=Hello!").encodeFrames(keys);
        java.util.Random same = new java.util.Random(7);
        for (byte[] frame : frames) {
            int key = same.nextInt();
            assertThat(frame[1] & 0x80).as("MASK bit").isEqualTo(0x80);
            int onWire = ((frame[2] & 0xFF) << 24) | ((frame[3] & 0xFF) << 16) | ((frame[4] & 0xFF) << 8) | (frame[5] & 0xFF);
            assertThat(onWire).isEqualTo(key);
            byte[] payload = java.util.Arrays.copyOfRange(frame, 6, frame.length);
            WireHeaderParser.unmask(payload, 0, payload.length, key, 0);
            assertThat(new String(payload, StandardCharsets.UTF_8)).isIn("Hel", "lo!");
        }
    }

    @Test
    void defaultsAreAMaskedFinalTextFrameAndHexMeansBinary() {
        FrameSpec text = FrameSpec.parse("text=hi, there");
        assertThat(text.opcode()).isEqualTo(1);
        assertThat(text.fin()).isTrue();
        assertThat(text.mask()).isEqualTo(FrameSpec.Mask.RANDOM);
        assertThat(new String(text.payload(), StandardCharsets.UTF_8)).as("text takes the rest, commas too")
                .isEqualTo("hi, there");
        assertThat(FrameSpec.parse("hex=de ad:be ef").opcode()).isEqualTo(2);
        assertThat(FrameSpec.parse("hex=0xdeadbeef").payload()).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(FrameSpec.parse("").encode()).hasSize(6);
    }

    @Test
    void aCloseCodeGoesInFrontOfTheReason() {
        assertThat(wire("code=1002,mask=off,text=bye")).isEqualTo("880503ea627965");
        assertThat(wire("op=close,mask=off,hex=03")).as("a 1-byte close payload").isEqualTo("880103");
    }

    @ParameterizedTest
    @ValueSource(strings = {"op=text,fin=0,rsv1=1,mask=off,len=200,text=hello", "op=ping,hex=0102",
            "op=7,rsv2=1,rsv3=1,mask=01020304", "op=cont,fragments=4,between=pong,text=x,y",
            "op=binary,mask=off,hex=00ff", "op=close,hex=03e8"})
    void toSpecReadsBackTheSame(String spec) {
        FrameSpec parsed = FrameSpec.parse(spec);
        assertThat(FrameSpec.parse(parsed.toSpec())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rsv1=2|'rsv1=2': expected 1 or 0",
        "op=16|'op=16': an opcode is text, binary, cont, close, ping, pong or a number 0-15",
        "op=pingg|'op=pingg': an opcode is",
        "mask=1234|'mask=1234': mask is on, off or a key of 8 hex digits",
        "len=-3|'len=-3': a length is 0 to 2^63-1",
        "fragments=0|'fragments=0': fragments is 1 to",
        "colour=red|'colour=red': unknown key",
        "fin|'fin': expected key=value",
        "fin=1,fin=0|'fin=0': fin is given twice",
        "hex=abc|'hex=abc': hex needs an even number of digits",
        "hex=zz|'hex=zz': not hex",
        "len=9,fragments=2|len= and fragments= do not go together",
    })
    void aBadSpecSaysWhichPartIsWrong(String spec, String message) {
        assertThatThrownBy(() -> FrameSpec.parse(spec)).isInstanceOf(FrameSpec.SpecException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
