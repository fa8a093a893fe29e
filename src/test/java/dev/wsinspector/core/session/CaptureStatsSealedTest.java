package dev.wsinspector.core.session;

import dev.wsinspector.core.frame.FrameStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

/** A stored session brings its counts: the stats take them instead of reading millions of frames again. */
class CaptureStatsSealedTest {

    @Test
    void aSealedStoreIsNotReadFrameByFrame() {
        FrameStore sealed = (FrameStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {FrameStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "size" -> 10_000_000L;
                    case "sealedTotals" -> new FrameStore.Totals(9_000_000, 1_000_000, 900_000_000, 100_000_000);
                    default -> throw new AssertionError("read " + method.getName());
                });
        CaptureStats stats = new CaptureStats();
        stats.update(sealed, 1_000);
        stats.update(sealed, 2_000_000_000L);
        assertThat(stats.framesIn()).isEqualTo(9_000_000);
        assertThat(stats.framesOut()).isEqualTo(1_000_000);
        assertThat(stats.bytesIn()).isEqualTo(900_000_000);
        assertThat(stats.bytesOut()).isEqualTo(100_000_000);
    }
}
