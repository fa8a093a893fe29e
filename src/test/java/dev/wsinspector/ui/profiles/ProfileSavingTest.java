package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileRepository;
import dev.wsinspector.core.profile.StoredProfile;
import dev.wsinspector.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The editor's save flow on a real repository in a temp directory, without the toolkit. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProfileSavingTest {

    @TempDir
    Path dataDir;

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private BackgroundTasks io;
    private ProfilesViewModel profiles;

    @BeforeEach
    void setUp() {
        io = new BackgroundTasks(Executors.newSingleThreadExecutor(), fx::add);
        profiles = new ProfilesViewModel(new ProfileRepository(dataDir), io, fx::add);
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

    private StoredProfile stored(String name) throws InterruptedException {
        ProfileEditorModel draft = ProfileEditorModel.forNew("");
        draft.nameProperty().set(name);
        draft.urlProperty().set("ws://127.0.0.1:1/");
        ProfileSaving saving = new ProfileSaving(draft, profiles);
        saving.save();
        deliver();
        return saving.savedProperty().get();
    }

    @Test
    void invalidFieldsAreCountedAndNothingIsWritten() {
        ProfileSaving saving = new ProfileSaving(ProfileEditorModel.forNew("work"), profiles);

        saving.save();

        assertThat(saving.statusProperty().get()).isEqualTo("Not saved: 2 fields need attention (marked in red)");
        assertThat(saving.savingProperty().get()).isFalse();
        assertThat(fx).isEmpty();
    }

    @Test
    void saveWaitsForTheWriteSoADoubleClickMakesOneProfile() throws Exception {
        ProfileEditorModel draft = ProfileEditorModel.forNew("dev");
        draft.nameProperty().set("Local echo");
        draft.urlProperty().set("ws://127.0.0.1:1/");
        ProfileSaving saving = new ProfileSaving(draft, profiles);
        assertThat(saving.saveTipProperty().get()).isEqualTo(ProfileSaving.SAVE_TIP);

        saving.save();
        assertThat(saving.saveDisabledProperty().get()).isTrue();
        assertThat(saving.saveTipProperty().get()).isEqualTo(ProfileSaving.SAVING);
        saving.save();
        deliver();

        assertThat(saving.savedProperty().get().name()).isEqualTo("Local echo");
        assertThat(saving.saveDisabledProperty().get()).isFalse();
        assertThat(profiles.profiles()).extracting(StoredProfile::name).containsExactly("Local echo");
        assertThat(fx).isEmpty();
    }

    @Test
    void aFileChangedOnDiskIsAConflictThatOverwriteOrReloadResolves() throws Exception {
        StoredProfile base = stored("Shared");
        String theirs = Files.readString(base.file()).replace("ws://127.0.0.1:1/", "ws://theirs/");
        Files.writeString(base.file(), theirs);
        ProfileEditorModel draft = ProfileEditorModel.of(base);
        draft.urlProperty().set("ws://mine/");
        ProfileSaving saving = new ProfileSaving(draft, profiles);

        saving.save();
        deliver();
        assertThat(saving.conflictProperty().get()).isTrue();
        assertThat(saving.statusProperty().get()).contains("changed by another program");
        assertThat(saving.savedProperty().get()).isNull();
        assertThat(Files.readString(base.file())).isEqualTo(theirs);

        List<StoredProfile> reopened = new ArrayList<>();
        saving.reloadFromDisk(reopened::add);
        deliver();
        assertThat(reopened).singleElement().satisfies(p -> assertThat(p.profile().url()).isEqualTo("ws://theirs/"));

        saving.overwrite();
        deliver();
        assertThat(saving.conflictProperty().get()).isFalse();
        assertThat(saving.savedProperty().get().profile().url()).isEqualTo("ws://mine/");
        assertThat(Files.readString(base.file())).contains("ws://mine/");
    }

    @Test
    void aReadOnlyProfileCannotBeSavedAndSaveSaysWhy() throws Exception {
        Path dir = dataDir.resolve("profiles");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\":2,\"name\":\"Future\",\"url\":\"ws://f/\"}");
        profiles.reload();
        deliver();
        ProfileSaving saving = new ProfileSaving(ProfileEditorModel.of(profiles.find("future.json").orElseThrow()),
                profiles);

        assertThat(saving.saveDisabledProperty().get()).isTrue();
        assertThat(saving.saveTipProperty().get()).startsWith("Read-only: Written by a newer WS Inspector");

        saving.save();
        saving.overwrite();
        assertThat(fx).isEmpty();
    }
}
