package dev.wsinspector.ui.main;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pulse's throttle without a toolkit: animation frames closer than 15 ms are skipped. */
class WindowPulseTest {

    @Test
    void framesCloserThanTheMinimumAreSkippedAndEachBatchIsObserved() {
        List<Long> batches = new ArrayList<>();
        List<long[]> observed = new ArrayList<>();
        WindowPulse pulse = new WindowPulse(batches::add);
        pulse.setObserver((start, work) -> observed.add(new long[] {start, work}));
        long frame = 5_000_000_000L;
        long ms = 1_000_000L;

        assertThat(pulse.tick(frame)).isTrue();
        assertThat(pulse.tick(frame + 10 * ms)).as("10 ms after the last batch").isFalse();
        assertThat(pulse.tick(frame + 16 * ms)).isTrue();
        assertThat(pulse.tick(frame + 17 * ms)).isFalse();
        assertThat(pulse.tick(frame + 31 * ms)).isTrue();

        assertThat(batches).hasSize(3);
        assertThat(observed).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(observed.get(i)[0]).as("the batch's start is what the observer is told").isEqualTo(batches.get(i));
            assertThat(observed.get(i)[1]).isNotNegative();
        }
    }

    @Test
    void anObserverCanAlsoBeToldTheWorksCpuTime() {
        List<long[]> observed = new ArrayList<>();
        WindowPulse pulse = new WindowPulse(start -> { });
        pulse.setObserver(new WindowPulse.Observer() {
            @Override
            public void onPulse(long startNanos, long workNanos) {
                observed.add(new long[] {startNanos, workNanos, -2});
            }

            @Override
            public void onPulse(long startNanos, long workNanos, long cpuNanos) {
                observed.add(new long[] {startNanos, workNanos, cpuNanos});
            }
        });
        assertThat(pulse.tick(1_000_000_000L)).isTrue();
        assertThat(observed).singleElement().satisfies(o -> assertThat(o[2]).as("CPU time, or -1: not the two-figure call")
                .isGreaterThanOrEqualTo(-1));
    }
}
