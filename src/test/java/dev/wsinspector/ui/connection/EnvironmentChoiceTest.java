package dev.wsinspector.ui.connection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentChoiceTest {

    @Test
    void theProfilesOwnVariablesAreTheFirstChoiceAndTheEmptyName() {
        assertThat(EnvironmentChoice.choices(List.of("staging", "prod")))
                .containsExactly(EnvironmentChoice.NONE, "staging", "prod");
        assertThat(EnvironmentChoice.shown("")).isEqualTo(EnvironmentChoice.NONE);
        assertThat(EnvironmentChoice.shown("prod")).isEqualTo("prod");
        assertThat(EnvironmentChoice.chosen(EnvironmentChoice.NONE)).isEmpty();
        assertThat(EnvironmentChoice.chosen(null)).isEmpty();
        assertThat(EnvironmentChoice.chosen("staging")).isEqualTo("staging");
    }
}
