package dev.wsinspector.ui.detail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which detail views are filled at once and which wait for their tab, without a toolkit. */
class StaleViewsTest {

    private final StaleViews stale = new StaleViews();

    @Test
    void theViewOnTopIsFilledAtOnceAndTheOthersWhenTheyComeOnTop() {
        assertThat(stale.changed(DetailView.JSON, DetailView.JSON)).isTrue();
        assertThat(stale.isStale(DetailView.JSON)).isFalse();

        assertThat(stale.changed(DetailView.HEX, DetailView.JSON)).isFalse();
        assertThat(stale.changed(DetailView.TEXT, DetailView.JSON)).isFalse();
        assertThat(stale.isStale(DetailView.HEX)).isTrue();

        assertThat(stale.cameOnTop(DetailView.HEX)).isTrue();
        // Filled once: coming on top again costs nothing.
        assertThat(stale.cameOnTop(DetailView.HEX)).isFalse();
        assertThat(stale.cameOnTop(DetailView.PROTOCOL)).isFalse();
        assertThat(stale.isStale(DetailView.TEXT)).isTrue();
    }

    @Test
    void withNothingOnTopEveryChangeWaits() {
        assertThat(stale.changed(DetailView.TEXT, null)).isFalse();
        assertThat(stale.isStale(DetailView.TEXT)).isTrue();
    }

    @Test
    void takeAllGivesTheStaleViewsInTabOrderOnceAndForgetsThem() {
        stale.changed(DetailView.PROTOCOL, DetailView.FIELDS);
        stale.changed(DetailView.TEXT, DetailView.FIELDS);
        stale.changed(DetailView.TEXT, DetailView.FIELDS);
        stale.changed(DetailView.HEX, DetailView.FIELDS);

        assertThat(stale.takeAll()).containsExactly(DetailView.TEXT, DetailView.HEX, DetailView.PROTOCOL);
        assertThat(stale.takeAll()).isEmpty();
        assertThat(stale.cameOnTop(DetailView.TEXT)).isFalse();
    }
}
