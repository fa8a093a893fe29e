package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.FileStamp;
import dev.wsinspector.core.profile.StoredProfile;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Grouping and filtering of the sidebar tree (TreeItems need no toolkit). */
class ProfileTreeTest {

    private static StoredProfile stored(String name, String folder, String url) {
        return new StoredProfile(name + ".json", Path.of(name + ".json"),
                ConnectionProfile.builder(name, url).folder(folder).build(),
                new FileStamp(0, FileTime.fromMillis(0), ""), 1, "");
    }

    private final List<StoredProfile> profiles = List.of(
            stored("Top", "", "ws://top/"),
            stored("Api", "work/staging", "wss://api.example/"),
            stored("Feed", "work", "wss://feed.example/"));

    @Test
    void nestsFoldersBeforeProfiles() {
        TreeItem<ProfileTree.Node> root = ProfileTree.build(profiles, "", Set.of());
        assertThat(root.getChildren()).extracting(i -> i.getValue().label()).containsExactly("work", "Top");
        TreeItem<ProfileTree.Node> work = root.getChildren().get(0);
        assertThat(work.getChildren()).extracting(i -> i.getValue().label()).containsExactly("staging", "Feed");
        assertThat(work.getChildren().get(0).getChildren()).extracting(i -> i.getValue().label()).containsExactly("Api");
    }

    @Test
    void filtersByNameFolderOrUrlAndKeepsCollapsedFoldersCollapsed() {
        TreeItem<ProfileTree.Node> root = ProfileTree.build(profiles, "API.EXAMPLE", Set.of("work"));
        assertThat(root.getChildren()).hasSize(1);
        assertThat(root.getChildren().get(0).isExpanded()).as("matches are always visible").isTrue();

        assertThat(ProfileTree.build(profiles, "", Set.of("work")).getChildren().get(0).isExpanded()).isFalse();
        assertThat(ProfileTree.build(profiles, "nothing", Set.of()).getChildren()).isEmpty();
    }
}
