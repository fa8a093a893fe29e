package dev.wsinspector.ui.filter;

import dev.wsinspector.core.profile.SavedFilter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved filters against a stand-in profile store that applies each change to its own list, as the repository does. */
class SavedFiltersModelTest {

    private List<SavedFilter> stored = new ArrayList<>(List.of(new SavedFilter("in", "dir:in")));
    private final SavedFiltersModel saved = new SavedFiltersModel((change, result) -> {
        stored = change.apply(stored);
        result.accept("");
    });

    @Test
    void saveAddsOrReplacesByNameAndDeleteRemoves() {
        saved.show(true, stored);
        saved.save("big", "size>1k");
        saved.save("in", "dir:in and not heartbeat");
        assertThat(stored).containsExactly(new SavedFilter("big", "size>1k"),
                new SavedFilter("in", "dir:in and not heartbeat"));
        assertThat(saved.filters()).isEqualTo(stored);

        saved.delete("big");
        assertThat(stored).containsExactly(new SavedFilter("in", "dir:in and not heartbeat"));
        assertThat(saved.statusProperty().get()).isEmpty();
    }

    @Test
    void aTabWithoutAProfileSaysWhyAndKeepsNothing() {
        saved.show(false, List.of());
        assertThat(saved.availableProperty().get()).isFalse();
        assertThat(saved.whyNotProperty().get()).contains("profile");
        saved.save("x", "dir:in");
        assertThat(stored).hasSize(1);
        assertThat(saved.statusProperty().get()).contains("profile");
    }

    @Test
    void blankNamesAndEmptyFiltersAreRefused() {
        saved.show(true, stored);
        saved.save("  ", "dir:in");
        assertThat(saved.statusProperty().get()).isEqualTo("A saved filter needs a name");
        saved.save("n", " ");
        assertThat(saved.statusProperty().get()).isEqualTo("There is no filter to save");
        assertThat(stored).hasSize(1);
    }
}
