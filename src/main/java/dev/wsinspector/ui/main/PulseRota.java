package dev.wsinspector.ui.main;

import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Which tabs one pulse brings up to date, within its time budget. The selected tab always goes first (it is what the
 * user sees); the others follow, starting where the last pulse stopped, while time is left. A tab that did not fit
 * waits for the next pulse instead of making this one late, and since the next pulse starts with it, no tab waits
 * for ever. Nothing piles up either way: a tab's pulse takes in everything that arrived since its last one. Plain
 * Java, so the rule is tested without a toolkit.
 */
final class PulseRota {

    private final LongSupplier clock;
    /** The first of the other tabs in the next pulse. */
    private int next;

    /** @param clock {@link System#nanoTime} (a manual clock in tests) */
    PulseRota(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code pulse} for tab {@code selected} (unless it is -1), then for the other tabs of {@code count}
     * while the clock is before {@code deadlineNanos}.
     *
     * @return how many tabs were brought up to date
     */
    int run(int count, int selected, long deadlineNanos, IntConsumer pulse) {
        int done = 0;
        if (selected >= 0 && selected < count) {
            pulse.accept(selected);
            done++;
        }
        int others = selected >= 0 && selected < count ? count - 1 : count;
        if (next >= count) {
            next = 0;
        }
        for (int i = 0; i < count && others > 0; i++) {
            int tab = next;
            if (tab == selected) {
                next = (next + 1) % count;
                continue;
            }
            if (clock.getAsLong() - deadlineNanos >= 0) {
                break; // this one goes first next time
            }
            pulse.accept(tab);
            done++;
            others--;
            next = (next + 1) % count;
        }
        return done;
    }
}
