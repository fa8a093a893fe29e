package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.BackgroundTasks;
import dev.wsinspector.ui.profiles.ProfilesPanelModel.Action;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sidebar's selection, tree and action states on a real repository in a temp directory, without the
 * toolkit (the "FX thread" is a queue the test drains): every disabled action says why in its tooltip.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProfilesPanelModelTest {

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private BackgroundTasks io;
    private ProfilesViewModel profiles;
    private ProfilesPanelModel panel;

    @BeforeEach
    void setUp() {
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);
        profiles = new ProfilesViewModel(new ProfileRepository(dataDir), io, fx::add);
        panel = new ProfilesPanelModel(profiles);
    }

    @AfterEach
    void tearDown() {
        profiles.close();
        io.close();
    }

    private void deliver() throws InterruptedException {
        Runnable next = fx.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a result on the FX thread").isNotNull();
        next.run();
    }

    private void create(ConnectionProfile p) throws InterruptedException {
        profiles.create(p, SaveListener.reportingTo(e -> { }));
        deliver();
    }

    private StoredProfile named(String name) {
        return profiles.profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private TreeItem<ProfileTree.Node> folder(String label) {
        return panel.rootProperty().get().getChildren().stream()
                .filter(i -> i.getValue() instanceof ProfileTree.Folder f && f.label().equals(label)).findFirst()
                .orElseThrow();
    }

    @Test
    void withNothingSelectedEveryActionIsDisabledAndSaysWhatToSelect() {
        for (Action action : Action.values()) {
            assertThat(panel.disabledProperty(action).get()).as(action.name()).isTrue();
        }
        assertThat(panel.tipProperty(Action.DUPLICATE).get()).isEqualTo("Select a profile to duplicate it");
        assertThat(panel.tipProperty(Action.OPEN).get()).isEqualTo("Select a profile to open it");
        assertThat(panel.selectedFolder()).isEmpty();
        assertThat(panel.exportFolderTitle()).isEqualTo("Export all profiles to");
    }

    @Test
    void aSelectedFolderIsWhereNewProfilesGoButNotSomethingToOpen() throws Exception {
        create(ConnectionProfile.builder("Staging", "ws://s/").folder("work").build());

        panel.selectedProperty().set(folder("work"));

        assertThat(panel.selectedFolder()).isEqualTo("work");
        assertThat(panel.exportFolderTitle()).isEqualTo("Export folder 'work' to");
        assertThat(panel.selectedProfile()).isEmpty();
        assertThat(panel.disabledProperty(Action.EDIT).get()).isTrue();
        assertThat(panel.tipProperty(Action.EDIT).get()).isEqualTo("Select a profile to edit it");
    }

    @Test
    void aSelectedProfileEnablesTheActionsWithTheirOwnTooltipsAndStaysSelectedAcrossRebuilds() throws Exception {
        create(ConnectionProfile.builder("Staging", "ws://s/").folder("work").build());
        panel.select(named("Staging").id());

        assertThat(panel.selectedProfile()).map(StoredProfile::name).contains("Staging");
        assertThat(panel.selectedFolder()).isEqualTo("work");
        assertThat(panel.disabledProperty(Action.DELETE).get()).isFalse();
        assertThat(panel.tipProperty(Action.DELETE).get()).startsWith("Delete the profile");
        assertThat(panel.tipProperty(Action.OPEN).get()).contains("Enter, double-click");

        create(ConnectionProfile.of("Other", "ws://o/"));

        assertThat(panel.selectedProfile()).map(StoredProfile::name).contains("Staging");
        assertThat(panel.rootProperty().get().getChildren()).hasSize(2);
    }

    @Test
    void aReadOnlyProfileCannotBeRenamedAndTheTooltipSaysWhy() throws Exception {
        Path dir = dataDir.resolve("profiles");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\":2,\"name\":\"Future\",\"url\":\"ws://f/\"}");
        profiles.reload();
        deliver();

        panel.select("future.json");

        assertThat(panel.disabledProperty(Action.RENAME).get()).isTrue();
        assertThat(panel.tipProperty(Action.RENAME).get()).startsWith("'Future' is read-only: Written by a newer");
        assertThat(panel.disabledProperty(Action.OPEN).get()).isFalse();
        assertThat(panel.disabledProperty(Action.DUPLICATE).get()).isFalse();

        panel.rename("Renamed");
        assertThat(fx).as("a disabled action does nothing").isEmpty();
    }

    @Test
    void actionsWorkOnTheSelectionAndTheSameNameAgainChangesNothing() throws Exception {
        create(ConnectionProfile.of("Echo", "ws://e/"));
        panel.select(named("Echo").id());

        panel.duplicate();
        deliver();
        assertThat(profiles.profiles()).extracting(StoredProfile::name).containsExactly("Echo", "Echo copy");

        panel.rename("Echo");
        assertThat(fx).isEmpty();
        panel.rename("Renamed");
        deliver();
        assertThat(profiles.profiles()).extracting(StoredProfile::name).contains("Renamed").doesNotContain("Echo");

        panel.select(named("Renamed").id());
        panel.delete();
        deliver();
        assertThat(profiles.noticeProperty().get()).isEqualTo("Deleted 'Renamed'");
        assertThat(panel.selectedProfile()).isEmpty();
    }

    @Test
    void aCollapsedFolderStaysCollapsedUntilASearchOpensEveryMatch() throws Exception {
        create(ConnectionProfile.builder("Staging", "ws://s/").folder("work").build());
        folder("work").setExpanded(false);

        create(ConnectionProfile.builder("Prod", "ws://p/").folder("work").build());
        assertThat(folder("work").isExpanded()).isFalse();

        profiles.filterProperty().set("prod");
        assertThat(folder("work").isExpanded()).isTrue();
        assertThat(folder("work").getChildren()).hasSize(1);

        profiles.filterProperty().set("");
        assertThat(folder("work").isExpanded()).isFalse();
    }

    @Test
    void aProblemSaysWhichFileWhatIsWrongAndWhatWasDone() {
        ProfileProblem corrupt = new ProfileProblem(ProfileProblem.Kind.CORRUPT, Path.of("p/broken.json"),
                Path.of("p/broken.json.corrupt-1"), "Unexpected end of input", Instant.EPOCH);

        assertThat(ProfilesPanelModel.problemText(corrupt)).isEqualTo("⚠ Could not read broken.json — moved aside as "
                + "broken.json.corrupt-1, nothing was lost\nUnexpected end of input");
    }
}
