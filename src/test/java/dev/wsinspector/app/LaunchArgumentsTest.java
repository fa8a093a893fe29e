package dev.wsinspector.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchArgumentsTest {

    private static final Predicate<Path> NO_FILES = p -> false;

    private static LaunchArguments parse(Predicate<Path> files, String... args) {
        return LaunchArguments.parse(args, files);
    }

    @Test
    void noArgumentsStartTheGui() {
        LaunchArguments launch = parse(NO_FILES);
        assertThat(launch.gui()).isTrue();
        assertThat(launch.dataDir()).isNull();
        assertThat(launch.files()).isEmpty();
    }

    @Test
    void commandsAndOptionsGoToTheCommandLine() {
        assertThat(parse(NO_FILES, "--version").gui()).isFalse();
        assertThat(parse(NO_FILES, "--help").gui()).isFalse();
        assertThat(parse(NO_FILES, "connect", "ws://127.0.0.1:1/").gui()).isFalse();
        assertThat(parse(NO_FILES, "echo-server", "--port", "0").gui()).isFalse();
        assertThat(parse(NO_FILES, "--data-dir", "/tmp/x", "connect", "ws://h/").gui()).isFalse();
    }

    @Test
    void dataDirAloneStartsTheGuiOnThatDirectory() {
        assertThat(parse(NO_FILES, "--data-dir", "/tmp/x")).isEqualTo(new LaunchArguments(true, "/tmp/x", List.of()));
        assertThat(parse(NO_FILES, "--data-dir=/tmp/y").dataDir()).isEqualTo("/tmp/y");
    }

    @Test
    void aDataDirWithoutItsValueIsACommandLineUsageError() {
        assertThat(parse(NO_FILES, "--data-dir").gui()).isFalse();
    }

    @Test
    void existingCaptureFilesStartTheGui(@TempDir Path dir) throws IOException {
        Path har = Files.writeString(dir.resolve("session.HAR"), "{}");
        Path jsonl = Files.writeString(dir.resolve("capture.jsonl"), "");
        LaunchArguments launch = parse(Files::isRegularFile, har.toString(), jsonl.toString());
        assertThat(launch.gui()).isTrue();
        assertThat(launch.files()).containsExactly(har, jsonl);

        LaunchArguments withDir = parse(Files::isRegularFile, "--data-dir", "/tmp/z", har.toString());
        assertThat(withDir.gui()).isTrue();
        assertThat(withDir.files()).containsExactly(har);
        assertThat(withDir.toArgs()).containsExactly("--data-dir=/tmp/z", har.toString());
    }

    @Test
    void otherFilesAndMissingCapturesGoToTheCommandLine(@TempDir Path dir) throws IOException {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "");
        assertThat(parse(Files::isRegularFile, txt.toString()).gui()).isFalse();
        assertThat(parse(Files::isRegularFile, dir.resolve("missing.har").toString()).gui()).isFalse();
        assertThat(parse(Files::isRegularFile, dir.toString()).gui()).isFalse();
        Set<Path> existing = Set.of(Path.of("-x.har"));
        assertThat(parse(existing::contains, "-x.har").gui()).as("an option is never a file").isFalse();
    }

    @Test
    void aCaptureNextToACommandIsTheCommandLine(@TempDir Path dir) throws IOException {
        Path har = Files.writeString(dir.resolve("a.har"), "{}");
        assertThat(parse(Files::isRegularFile, "connect", "ws://h/", "--record", har.toString()).gui()).isFalse();
    }
}
