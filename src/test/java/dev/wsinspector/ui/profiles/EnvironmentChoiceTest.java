package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.FileStamp;
import dev.wsinspector.core.profile.StoredProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Variables tab's choice of variable set, without the toolkit. */
class EnvironmentChoiceTest {

    private static ProfileEditorModel withStaging() {
        ConnectionProfile p = ConnectionProfile.builder("Env", "ws://{{host}}/").variables(Map.of("host", "localhost"))
                .environments(Map.of("staging", Map.of("host", "staging.example"))).build();
        return ProfileEditorModel.of(new StoredProfile("env.json", Path.of("env.json"), p,
                new FileStamp(0, FileTime.fromMillis(0), ""), 1, ""));
    }

    @Test
    void theProfilesOwnVariablesComeFirstAndCannotBeRemoved() {
        ProfileEditorModel draft = withStaging();
        EnvironmentChoice choice = new EnvironmentChoice(draft);

        assertThat(choice.choices()).extracting(EnvironmentDraft::toString)
                .containsExactly("Profile variables (defaults)", "staging");
        assertThat(choice.shownProperty().get()).isSameAs(draft.variables());
        assertThat(choice.removeDisabledProperty().get()).isTrue();
        assertThat(choice.removeTipProperty().get()).isEqualTo(EnvironmentChoice.CANNOT_REMOVE);

        choice.remove();
        assertThat(choice.choices()).hasSize(2);

        choice.chosenProperty().set(choice.choices().get(1));
        assertThat(choice.shownProperty().get()).extracting(EditableEntry::value).containsExactly("staging.example");
        assertThat(choice.removeDisabledProperty().get()).isFalse();
        assertThat(choice.removeTipProperty().get()).isEqualTo(EnvironmentChoice.REMOVE_TIP);
    }

    @Test
    void addNeedsANewNameAndSaysSo() {
        ProfileEditorModel draft = withStaging();
        EnvironmentChoice choice = new EnvironmentChoice(draft);

        assertThat(choice.addDisabledProperty().get()).isTrue();
        assertThat(choice.addTipProperty().get()).isEqualTo(EnvironmentChoice.NAME_FIRST);
        choice.newNameProperty().set(" staging ");
        assertThat(choice.addDisabledProperty().get()).isTrue();
        assertThat(choice.addTipProperty().get()).isEqualTo("There already is an environment 'staging'");
        choice.add();
        assertThat(draft.environments()).hasSize(1);

        choice.newNameProperty().set("prod");
        assertThat(choice.addTipProperty().get()).isEqualTo("Add environment 'prod'");
        choice.add();

        assertThat(draft.environments()).extracting(EnvironmentDraft::name).containsExactly("staging", "prod");
        assertThat(choice.chosenProperty().get().name()).isEqualTo("prod");
        assertThat(choice.newNameProperty().get()).isEmpty();
        assertThat(choice.shownProperty().get()).isEmpty();

        choice.remove();
        assertThat(draft.environments()).extracting(EnvironmentDraft::name).containsExactly("staging");
        assertThat(choice.shownProperty().get()).isSameAs(draft.variables());
        assertThat(draft.validate()).isTrue();
        assertThat(draft.toProfile().environments()).containsOnlyKeys("staging");
    }
}
