package dev.wsinspector.core.frame;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw bytes read back as a peer would read them: whole frames, a frame cut short, bytes that are no header. */
class WireFramesTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void wholeFramesAreUnmasked() {
        WireFrames.Split split = WireFrames.split(HEX.parseHex("818537fa213d7f9f4d5158" + "8900"));
        assertThat(split.frames()).hasSize(2);
        assertThat(split.trailing()).isZero();
        WireFrames.Piece hello = split.frames().get(0);
        assertThat(hello.header().masked()).isTrue();
        assertThat(hello.header().maskKey()).isEqualTo(0x37fa213d);
        assertThat(new String(hello.payload(), StandardCharsets.UTF_8)).isEqualTo("Hello");
        assertThat(hello.cut()).isFalse();
        assertThat(split.frames().get(1).header().opcode()).isEqualTo(Opcode.PING);
    }

    @Test
    void aLengthThatLiesLeavesTheFrameCutShort() {
        WireFrames.Split split = WireFrames.split(FrameSpec.parse("mask=off,len=200,text=hello").encode());
        assertThat(split.frames()).singleElement().satisfies(p -> {
            assertThat(p.header().payloadLength()).isEqualTo(200);
            assertThat(p.payload()).hasSize(5);
            assertThat(p.cut()).isTrue();
        });
    }

    @Test
    void bytesTooFewForAHeaderAreCountedNotInvented() {
        WireFrames.Split split = WireFrames.split(HEX.parseHex("8100" + "817e00"));
        assertThat(split.frames()).hasSize(1);
        assertThat(split.trailing()).isEqualTo(3);
        assertThat(WireFrames.split(HEX.parseHex("ff")).trailing()).isEqualTo(1);
        assertThat(WireFrames.split(new byte[0]).frames()).isEmpty();
    }
}
