package dev.wsinspector.ui.main;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pulse's budget over the tabs, with a manual clock: the selected tab first, the others in turn while time is left. */
class PulseRotaTest {

    private long now;
    private final PulseRota rota = new PulseRota(() -> now);
    private final List<Integer> ran = new ArrayList<>();

    @Test
    void withTimeLeftEveryTabIsBroughtUpToDateTheSelectedOneFirst() {
        assertThat(rota.run(4, 2, 100, ran::add)).isEqualTo(4);
        assertThat(ran).containsExactly(2, 0, 1, 3);
    }

    @Test
    void whatDoesNotFitGoesFirstInTheNextPulseAndTheSelectedTabAlwaysRuns() {
        // Each tab's pulse takes 5 "ns"; the budget ends at 10 ns after the pulse began.
        rota.run(5, 0, now + 10, tab -> {
            ran.add(tab);
            now += 5;
        });
        assertThat(ran).as("the selected tab and one more fit").containsExactly(0, 1);

        ran.clear();
        rota.run(5, 0, now + 10, tab -> {
            ran.add(tab);
            now += 5;
        });
        assertThat(ran).as("tab 2 waited, so it goes first").containsExactly(0, 2);

        ran.clear();
        rota.run(5, 0, now - 1, ran::add);
        assertThat(ran).as("past its deadline a pulse still shows the selected tab").containsExactly(0);

        ran.clear();
        for (int pulse = 0; pulse < 2; pulse++) {
            rota.run(5, 0, now + 10, tab -> {
                ran.add(tab);
                now += 5;
            });
        }
        assertThat(ran).as("no tab is left out for ever").containsExactly(0, 3, 0, 4);
    }

    @Test
    void withNoTabSelectedOrNoTabsTheOthersShareTheBudget() {
        assertThat(rota.run(0, -1, 100, ran::add)).isZero();
        assertThat(rota.run(3, -1, 100, ran::add)).isEqualTo(3);
        assertThat(ran).containsExactly(0, 1, 2);
    }
}
