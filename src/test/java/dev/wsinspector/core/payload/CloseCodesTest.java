package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloseCodesTest {

    @Test
    void namesStandardCodesAndRanges() {
        assertThat(CloseCodes.describe(1000)).isEqualTo("1000 Normal Closure");
        assertThat(CloseCodes.describe(1011)).isEqualTo("1011 Internal Error");
        assertThat(CloseCodes.describe(4001)).isEqualTo("4001 (application)");
        assertThat(CloseCodes.describe(3000)).isEqualTo("3000 (registered for libraries)");
        assertThat(CloseCodes.describe(999)).isEqualTo("999 (invalid)");
    }

    @Test
    void describesClosePayloads() {
        assertThat(CloseCodes.describePayload(new byte[0])).isEqualTo("(no close code)");
        assertThat(CloseCodes.describePayload(new byte[]{3})).contains("invalid");
        assertThat(CloseCodes.describePayload(new byte[]{0x03, (byte) 0xE9})).isEqualTo("1001 Going Away");
        assertThat(CloseCodes.describePayload(new byte[]{0x03, (byte) 0xE8, 'o', (byte) 0xFF}))
                .isEqualTo("1000 Normal Closure\no\\xff");
    }
}
