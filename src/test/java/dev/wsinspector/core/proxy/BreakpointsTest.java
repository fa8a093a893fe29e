package dev.wsinspector.core.proxy;

import dev.wsinspector.core.filter.FilterSyntaxException;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.WireHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakpointsTest {

    private final ColumnarFrameStore store = new ColumnarFrameStore();

    private long text(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return store.append(Direction.IN, WireHeader.of(0x81, true, 0x01020304, b.length), false, 0, ByteBuffer.wrap(b));
    }

    @Test
    void eachFlowHasItsOwnExpressionAndAMatcherFollowsChanges() {
        Breakpoints breakpoints = new Breakpoints();
        Breakpoints.Matcher toServer = breakpoints.matcher(Flow.TO_SERVER, store);
        Breakpoints.Matcher toClient = breakpoints.matcher(Flow.TO_CLIENT, store);
        long secret = text("a secret");
        assertThat(toServer.holds(secret)).isFalse(); // no breakpoint yet

        breakpoints.set(Flow.TO_SERVER, "secret and dir:in");
        assertThat(toServer.holds(secret)).isTrue();
        assertThat(toClient.holds(secret)).isFalse();
        assertThat(toServer.holds(text("plain"))).isFalse();

        breakpoints.set(Flow.TO_SERVER, "$.id == 7");
        assertThat(toServer.holds(text("{\"id\":7}"))).isTrue();
        assertThat(breakpoints.expression(Flow.TO_SERVER)).contains("$.id == 7");

        assertThatThrownBy(() -> breakpoints.set(Flow.TO_SERVER, "(unclosed")).isInstanceOf(FilterSyntaxException.class);
        assertThat(breakpoints.expression(Flow.TO_SERVER)).contains("$.id == 7");

        breakpoints.set(Flow.TO_SERVER, "  ");
        assertThat(breakpoints.expression(Flow.TO_SERVER)).isEmpty();
        assertThat(toServer.holds(text("{\"id\":7}"))).isFalse();
    }
}
