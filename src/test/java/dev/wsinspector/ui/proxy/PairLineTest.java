package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.proxy.Leg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PairLineTest {

    @Test
    void aFrameReadWasForwardedAndAFrameWrittenIsACopy() {
        PairLine read = PairLine.of(Leg.CLIENT, 3, Direction.IN, Opcode.TEXT, 7);
        assertThat(read.text()).isEqualTo("Frame 3 was forwarded as frame 7 on proxy ↔ server");
        assertThat(read.otherLeg()).isEqualTo(Leg.SERVER);
        assertThat(read.other()).isEqualTo(7);
        PairLine written = PairLine.of(Leg.SERVER, 7, Direction.OUT, Opcode.TEXT, 3);
        assertThat(written.text()).isEqualTo("Frame 7 is the copy of frame 3 on client ↔ proxy");
        assertThat(written.otherLeg()).isEqualTo(Leg.CLIENT);
    }

    @Test
    void framesWithoutACopySayWhy() {
        assertThat(PairLine.of(Leg.SERVER, 4, Direction.IN, Opcode.BINARY, -1).text())
                .isEqualTo("Frame 4 has no copy on client ↔ proxy: held, dropped, replaced by an edit, or not yet written");
        assertThat(PairLine.of(Leg.CLIENT, 9, Direction.OUT, Opcode.TEXT, -1).text())
                .isEqualTo("Frame 9 has no original on proxy ↔ server: injected or an edited message");
        assertThat(PairLine.of(Leg.CLIENT, 1, Direction.IN, Opcode.PING, -1).text()).contains("control frame");
        assertThat(PairLine.of(Leg.CLIENT, 1, Direction.IN, Opcode.PING, -1).other()).isEqualTo(-1);
    }
}
