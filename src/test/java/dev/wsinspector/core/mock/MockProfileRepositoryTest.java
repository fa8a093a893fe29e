package dev.wsinspector.core.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wsinspector.core.profile.ConflictException;
import dev.wsinspector.core.profile.ProfileProblem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockProfileRepositoryTest {

    @TempDir
    Path dataDir;

    @Test
    void createsReloadsAndSaves() throws Exception {
        MockProfileRepository repo = new MockProfileRepository(dataDir);
        StoredMockProfile stored = repo.create(MockProfile.echoing("Orders API"));
        assertThat(stored.file()).isEqualTo(dataDir.resolve("servers/orders-api.json").toAbsolutePath());
        StoredMockProfile second = repo.create(MockProfile.echoing("Orders API"));
        assertThat(second.id()).isEqualTo("orders-api-2.json");

        MockProfileRepository fresh = new MockProfileRepository(dataDir);
        assertThat(fresh.reload()).extracting(StoredMockProfile::id)
                .containsExactlyInAnyOrder("orders-api.json", "orders-api-2.json");
        StoredMockProfile loaded = fresh.get("orders-api.json").orElseThrow();
        fresh.save(loaded, loaded.profile().withPort(9000));
        assertThat(new MockProfileRepository(dataDir).reload()).extracting(s -> s.profile().port())
                .contains(9000);
        assertThat(dataDir.resolve("servers")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void filesAreTheOwnersOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        MockProfileRepository repo = new MockProfileRepository(dataDir);
        StoredMockProfile stored = repo.create(MockProfile.echoing("secret"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(repo.directory())))
                .isEqualTo("rwx------");
        repo.save(stored, stored.profile().withPort(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored.file()))).isEqualTo("rw-------");
    }

    @Test
    void aBrokenFileIsReportedWithItsPositionAndKept() throws Exception {
        Path dir = Files.createDirectories(dataDir.resolve("servers"));
        Path broken = dir.resolve("broken.json");
        String text = "{\n  \"name\": \"x\",\n  \"port\": \"eighty\"\n}\n";
        Files.writeString(broken, text);
        Files.writeString(dir.resolve("good.json"), "{\"name\": \"Good\"}");
        MockProfileRepository repo = new MockProfileRepository(dataDir);
        assertThat(repo.reload()).extracting(StoredMockProfile::name).containsExactly("Good");
        List<ProfileProblem> problems = repo.problems();
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).kind()).isEqualTo(ProfileProblem.Kind.CORRUPT);
        assertThat(problems.get(0).describe()).contains("broken.json").contains("line 3, column 11")
                .contains("\"port\" is a whole number");
        assertThat(broken).hasContent(text.strip());
        repo.create(MockProfile.echoing("broken"));
        assertThat(broken).hasContent(text.strip());
        assertThat(repo.reload()).hasSize(2);
        assertThat(repo.problems()).hasSize(1);
    }

    @Test
    void refusesToSaveOverSomeoneElsesEdit() throws Exception {
        MockProfileRepository repo = new MockProfileRepository(dataDir);
        StoredMockProfile stored = repo.create(MockProfile.echoing("a"));
        Files.writeString(stored.file(), "{\"name\": \"edited by hand\"}");
        assertThatThrownBy(() -> repo.save(stored, stored.profile().withPort(5)))
                .isInstanceOf(ConflictException.class);
        assertThat(stored.file()).hasContent("{\"name\": \"edited by hand\"}");
    }
}
