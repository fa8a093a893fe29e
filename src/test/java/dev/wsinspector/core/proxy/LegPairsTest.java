package dev.wsinspector.core.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LegPairsTest {

    @Test
    void pairsAreFoundFromEitherLegAndFramesWithoutACopyHaveNone() {
        LegPairs pairs = new LegPairs();
        pairs.pair(Flow.TO_SERVER, 0, 3);   // client leg 0 -> server leg 3
        pairs.pair(Flow.TO_CLIENT, 4, 1);   // server leg 4 -> client leg 1
        pairs.pair(100_000, 9_999);         // beyond the first chunks
        assertThat(pairs.other(Leg.CLIENT, 0)).isEqualTo(3);
        assertThat(pairs.other(Leg.SERVER, 3)).isEqualTo(0);
        assertThat(pairs.other(Leg.SERVER, 4)).isEqualTo(1);
        assertThat(pairs.other(Leg.CLIENT, 1)).isEqualTo(4);
        assertThat(pairs.other(Leg.CLIENT, 100_000)).isEqualTo(9_999);
        assertThat(pairs.other(Leg.CLIENT, 2)).isEqualTo(-1);
        assertThat(pairs.other(Leg.SERVER, 5_000_000)).isEqualTo(-1);
        assertThat(pairs.other(Leg.SERVER, -1)).isEqualTo(-1);
    }
}
