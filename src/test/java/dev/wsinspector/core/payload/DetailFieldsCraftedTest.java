package dev.wsinspector.core.payload;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.WireHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Frame view says when a frame was crafted, and then does not explain RSV1 as compression. */
class DetailFieldsCraftedTest {

    private static Frame frame(boolean crafted) {
        return new Frame(0, 0, 0, Direction.OUT, WireHeader.of(0xC1, false, 0, 2), false, ByteBuffer.wrap(new byte[2]),
                crafted);
    }

    @Test
    void aCraftedFrameSaysSo() {
        assertThat(DetailFields.of(frame(true))).extracting(DetailFields.Field::name, DetailFields.Field::value)
                .contains(tuple("Crafted", "yes: written as given, past the client's encoder and checks"));
        assertThat(DetailFields.of(frame(true))).filteredOn(f -> f.name().equals("RSV1"))
                .extracting(DetailFields.Field::value).singleElement().asString().doesNotContain("permessage-deflate");
    }

    @Test
    void anOrdinaryFrameHasNoCraftedRow() {
        assertThat(DetailFields.of(frame(false))).extracting(DetailFields.Field::name).doesNotContain("Crafted");
        assertThat(DetailFields.of(frame(false))).filteredOn(f -> f.name().equals("RSV1"))
                .extracting(DetailFields.Field::value).singleElement().asString().contains("permessage-deflate");
    }
}
