package dev.wsinspector.ui.composer;

import dev.wsinspector.core.payload.CloseCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloseCodeConverterTest {

    private final CloseCodeConverter converter = new CloseCodeConverter();

    @Test
    void showsTheCodesNameAndReadsTheNumberTypedOrPicked() {
        assertThat(converter.toString(1000)).isEqualTo(CloseCodes.describe(1000)).startsWith("1000");
        assertThat(converter.toString(null)).isEmpty();
        assertThat(converter.fromString(converter.toString(1001))).isEqualTo(1001);
        assertThat(converter.fromString(" 4001 ")).isEqualTo(4001);
        assertThat(converter.fromString("4001 mine")).isEqualTo(4001);
        assertThat(converter.fromString("")).as("nothing typed: a normal closure").isEqualTo(1000);
        assertThat(converter.fromString("closing")).isEqualTo(1000);
        assertThat(converter.fromString("99999999999")).as("no int").isEqualTo(1000);
    }
}
