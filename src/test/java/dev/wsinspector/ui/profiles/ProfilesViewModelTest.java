package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileProblem;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sidebar's logic on a real repository in a temp directory, without the toolkit: the "FX thread" is a
 * queue the test drains, so every result arrives exactly where the app would deliver it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProfilesViewModelTest {

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private BackgroundTasks io;
    private ProfilesViewModel model;

    @BeforeEach
    void setUp() {
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);
        model = new ProfilesViewModel(new ProfileRepository(dataDir), io, fx::add);
    }

    @AfterEach
    void tearDown() {
        model.close();
        io.close();
    }

    /** Runs FX work until one result of an operation was delivered. */
    private void deliver() throws InterruptedException {
        Runnable next = fx.poll(10, TimeUnit.SECONDS);
        assertThat(next).as("a result on the FX thread").isNotNull();
        next.run();
    }

    private StoredProfile create(ConnectionProfile p) throws InterruptedException {
        List<StoredProfile> saved = new ArrayList<>();
        model.create(p, listener(saved, new ArrayList<>()));
        deliver();
        return saved.get(0);
    }

    private static SaveListener listener(List<StoredProfile> saved, List<String> problems) {
        return new SaveListener() {
            @Override
            public void saved(StoredProfile stored) {
                saved.add(stored);
            }

            @Override
            public void conflict(String message) {
                problems.add("conflict: " + message);
            }

            @Override
            public void failed(String message) {
                problems.add("failed: " + message);
            }
        };
    }

    @Test
    void createdProfilesAreListedInFolderOrder() throws Exception {
        create(ConnectionProfile.builder("Zeta", "ws://z/").build());
        create(ConnectionProfile.builder("Alpha", "ws://a/").folder("work").build());

        assertThat(model.profiles()).extracting(StoredProfile::name).containsExactly("Zeta", "Alpha");
        assertThat(Files.exists(dataDir.resolve("profiles/zeta.json"))).isTrue();
    }

    @Test
    void deleteOffersUndoWhichRestoresTheFile() throws Exception {
        StoredProfile p = create(ConnectionProfile.of("Doomed", "ws://d/"));

        model.delete(p);
        deliver();
        assertThat(model.profiles()).isEmpty();
        assertThat(model.noticeProperty().get()).isEqualTo("Deleted 'Doomed'");
        assertThat(model.undoAvailableProperty().get()).isTrue();

        model.undoDelete();
        deliver();
        assertThat(model.profiles()).extracting(StoredProfile::name).containsExactly("Doomed");
        assertThat(model.undoAvailableProperty().get()).isFalse();
        assertThat(Files.readString(p.file())).contains("\"Doomed\"");
    }

    @Test
    void aSaveOverAFileChangedOnDiskIsAConflictAndWritesNothing() throws Exception {
        StoredProfile p = create(ConnectionProfile.of("Shared", "ws://s/"));
        String theirs = Files.readString(p.file()).replace("ws://s/", "ws://theirs/");
        Files.writeString(p.file(), theirs);

        List<String> problems = new ArrayList<>();
        model.save(p, p.profile().withUrl("ws://mine/"), listener(new ArrayList<>(), problems));
        deliver();

        assertThat(problems).singleElement().asString().startsWith("conflict: ").contains("changed by another program");
        assertThat(Files.readString(p.file())).isEqualTo(theirs);

        List<StoredProfile> saved = new ArrayList<>();
        model.overwrite(p, p.profile().withUrl("ws://mine/"), listener(saved, problems));
        deliver();
        assertThat(saved).hasSize(1);
        assertThat(Files.readString(p.file())).contains("ws://mine/");
    }

    @Test
    void updatesApplyToTheLatestVersionSoQuickEditsDoNotUndoEachOther() throws Exception {
        StoredProfile p = create(ConnectionProfile.of("Library", "ws://l/"));
        List<String> problems = new ArrayList<>();
        SaveListener l = listener(new ArrayList<>(), problems);

        model.update(p.id(), x -> x.withMessages(List.of(SavedMessage.text("one", "1"))), l);
        model.update(p.id(), x -> {
            List<SavedMessage> more = new ArrayList<>(x.messages());
            more.add(SavedMessage.text("two", "2"));
            return x.withMessages(more);
        }, l);
        deliver();
        deliver();

        assertThat(problems).isEmpty();
        assertThat(model.find(p.id()).orElseThrow().profile().messages()).extracting(SavedMessage::name)
                .containsExactly("one", "two");
    }

    @Test
    void duplicateAndRenamePickFreeNames() throws Exception {
        StoredProfile p = create(ConnectionProfile.of("Echo", "ws://e/"));
        model.duplicate(p);
        deliver();
        model.duplicate(p);
        deliver();
        assertThat(model.profiles()).extracting(StoredProfile::name).containsExactly("Echo", "Echo copy", "Echo copy 2");

        model.rename(p, "  ");
        assertThat(model.errorProperty().get()).isEqualTo("A profile needs a name");
        model.rename(p, "Renamed");
        deliver();
        assertThat(model.profiles()).extracting(StoredProfile::name).contains("Renamed").doesNotContain("Echo");
    }

    @Test
    void aCorruptFileIsReportedAfterAReload() throws Exception {
        Path dir = dataDir.resolve("profiles");
        Files.createDirectories(dir);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ not json");
        Files.setLastModifiedTime(bad, FileTime.from(Instant.now().minusSeconds(60)));

        model.reload();
        deliver();

        assertThat(model.loadedProperty().get()).isTrue();
        assertThat(model.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ProfileProblem.Kind.CORRUPT);
            assertThat(problem.movedTo().getFileName().toString()).startsWith("bad.json.corrupt-");
        });
    }

    @Test
    void exportLeavesSecretsOutUnlessAskedAndImportBringsProfilesBack(@TempDir Path elsewhere) throws Exception {
        StoredProfile stored = create(ConnectionProfile.builder("Shared", "ws://s/").folder("team")
                .headers(List.of(new dev.wsinspector.core.profile.ProfileHeader("Authorization", "Bearer hunter2", true)))
                .build());
        Path plain = elsewhere.resolve("shared.json");
        model.export(stored, plain, false);
        deliver();
        assertThat(model.noticeProperty().get()).contains("secrets left out");
        assertThat(java.nio.file.Files.readString(plain)).contains("Authorization").doesNotContain("hunter2");
        Path full = elsewhere.resolve("shared-full.json");
        model.export(stored, full, true);
        deliver();
        assertThat(java.nio.file.Files.readString(full)).contains("hunter2");

        java.nio.file.Files.writeString(elsewhere.resolve("broken.json"), "{ not json");
        model.importFiles(List.of(plain, elsewhere.resolve("broken.json")));
        deliver();
        assertThat(model.noticeProperty().get()).isEqualTo("Imported 1 profile");
        assertThat(model.errorProperty().get()).startsWith("Not imported: broken.json");
        assertThat(model.profiles()).extracting(StoredProfile::name).containsExactlyInAnyOrder("Shared", "Shared");

        Path folder = elsewhere.resolve("out");
        model.exportFolder("team", folder, false);
        deliver();
        assertThat(model.noticeProperty().get()).startsWith("Exported 2 profiles");
        model.importFolder(folder);
        deliver();
        assertThat(model.noticeProperty().get()).isEqualTo("Imported 2 profiles");
        assertThat(model.profiles()).hasSize(4);
    }
}
