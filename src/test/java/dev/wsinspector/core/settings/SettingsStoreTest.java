package dev.wsinspector.core.settings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.profile.AtomicFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** settings.json on real files in a temporary data directory. */
class SettingsStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    private static final AppSettings SAVED = new AppSettings(
            Optional.of(new AppSettings.WindowBounds(120, -40, 1400, 900.5, true)), ThemeChoice.DARK);

    @TempDir
    Path dataDir;
    private Path file;
    private SettingsStore store;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void setUp() {
        file = dataDir.resolve("settings.json");
        store = new SettingsStore(file, new AtomicFiles(), Clock.fixed(NOW, ZoneOffset.UTC));
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(SettingsStore.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(SettingsStore.class)).detachAppender(log);
    }

    private List<String> filesInDataDir() throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void theDataDirectoryConstructorUsesSettingsJsonInIt() {
        assertThat(new SettingsStore(dataDir).file()).isEqualTo(dataDir.toAbsolutePath().resolve("settings.json"));
    }

    @Test
    void whatIsSavedIsLoadedAgain() {
        assertThat(store.save(SAVED)).isTrue();

        assertThat(new SettingsStore(dataDir).load()).isEqualTo(SAVED);
        AppSettings light = new AppSettings(Optional.of(new AppSettings.WindowBounds(0, 0, 900, 560, false)),
                ThemeChoice.LIGHT);
        assertThat(store.save(light)).isTrue();
        assertThat(store.load()).isEqualTo(light);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void theFileIsPrettyJsonWithASchemaVersionAndWholePixelsAsWholeNumbers() throws Exception {
        store.save(SAVED);

        String text = Files.readString(file);
        assertThat(text).startsWith("{\n  \"schemaVersion\" : 1,\n  \"theme\" : \"dark\",\n").endsWith("}\n");
        assertThat(text).contains("\"x\" : 120,", "\"y\" : -40,", "\"height\" : 900.5,", "\"maximized\" : true");
        JsonNode root = JSON.readTree(text);
        assertThat(root.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(root.get("window").get("width").isIntegralNumber()).isTrue();
    }

    @Test
    void theSessionsRetentionIsReadWrittenAndDefaultsTo30Days10Gigabytes() throws Exception {
        assertThat(AppSettings.DEFAULTS.sessionRetention()).isEqualTo(new SessionRetention(30, 10));
        assertThat(SessionRetention.DEFAULT.maxBytes()).isEqualTo(10L << 30);
        Files.writeString(file, "{\"schemaVersion\": 1, \"sessions\": {\"maxAgeDays\": 7, \"maxGigabytes\": 2,"
                + " \"note\": \"mine\"}}");

        AppSettings loaded = store.load();
        assertThat(loaded.sessionRetention()).isEqualTo(new SessionRetention(7, 2));
        assertThat(loaded.sessionRetention().maxAge()).isEqualTo(java.time.Duration.ofDays(7));

        assertThat(store.save(loaded.withTheme(ThemeChoice.DARK))).isTrue();
        JsonNode sessions = JSON.readTree(Files.readString(file)).get("sessions");
        assertThat(sessions.get("maxAgeDays").longValue()).isEqualTo(7);
        assertThat(sessions.get("maxGigabytes").longValue()).isEqualTo(2);
        assertThat(sessions.get("note").textValue()).as("unknown fields kept").isEqualTo("mine");
        assertThat(warnings()).isEmpty();

        Files.writeString(file, "{\"sessions\": {\"maxAgeDays\": 7}}");
        assertThat(store.load().sessionRetention()).as("a field left out takes its default")
                .isEqualTo(new SessionRetention(7, 10));
    }

    @Test
    void aSessionsRetentionThatIsNoWholeNumberFromOneIsIgnoredWithAWarning() throws Exception {
        for (String bad : List.of("{\"sessions\": {\"maxAgeDays\": 0}}", "{\"sessions\": {\"maxGigabytes\": 1.5}}",
                "{\"sessions\": {\"maxAgeDays\": \"thirty\"}}", "{\"sessions\": 30}")) {
            Files.writeString(file, bad);
            assertThat(store.load().sessionRetention()).as(bad).isEqualTo(SessionRetention.DEFAULT);
        }
        assertThat(warnings()).hasSize(4).allMatch(w -> w.contains("\"sessions\"") && w.contains("30 days, 10 GB"));
    }

    @Test
    void theThemeIsSystemUntilPickedAndFilesFromBeforeSystemKeepTheirPick() throws Exception {
        assertThat(store.save(AppSettings.DEFAULTS)).isTrue();
        assertThat(JSON.readTree(file.toFile()).get("theme").textValue()).isEqualTo("system");
        assertThat(store.load().theme()).isEqualTo(ThemeChoice.SYSTEM);

        // What the versions before "system" wrote, and a hand-edited case.
        String[][] names = {{"light", "LIGHT"}, {"dark", "DARK"}, {"Dark", "DARK"}, {"SYSTEM", "SYSTEM"}};
        for (String[] old : names) {
            Files.writeString(file, "{\"schemaVersion\": 1, \"theme\": \"" + old[0] + "\"}");
            assertThat(store.load().theme()).as(old[0]).isEqualTo(ThemeChoice.valueOf(old[1]));
        }
        assertThat(warnings()).isEmpty();

        Files.writeString(file, "{\"schemaVersion\": 1, \"theme\": \"solarized\"}");
        assertThat(store.load().theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(warnings()).singleElement().asString().contains("\"theme\"", "following the system");
    }

    @Test
    void aMissingFileMeansTheDefaultsAndIsNotCreatedByReading() throws Exception {
        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);
        assertThat(AppSettings.DEFAULTS.window()).isEmpty();
        assertThat(AppSettings.DEFAULTS.theme()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(filesInDataDir()).isEmpty();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aMissingDataDirectoryIsCreatedBySaving() {
        SettingsStore fresh = new SettingsStore(dataDir.resolve("not/yet"));
        assertThat(fresh.save(SAVED)).isTrue();
        assertThat(fresh.load()).isEqualTo(SAVED);
    }

    @Test
    void aCorruptFileIsMovedAsideWithAWarningAndTheDefaultsAreUsed() throws Exception {
        Files.writeString(file, "{\"schemaVersion\":1, \"theme\": \"dark\", \"window\": {\"x\": 1");

        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);

        assertThat(filesInDataDir()).containsExactly("settings.json.corrupt-20250304-050607");
        assertThat(Files.readString(dataDir.resolve("settings.json.corrupt-20250304-050607")))
                .isEqualTo("{\"schemaVersion\":1, \"theme\": \"dark\", \"window\": {\"x\": 1");
        assertThat(warnings()).singleElement().asString()
                .contains("not valid JSON", "moved aside to settings.json.corrupt-20250304-050607");
        // The next save writes a fresh file; the moved-aside one stays.
        assertThat(store.save(SAVED)).isTrue();
        assertThat(filesInDataDir()).containsExactly("settings.json", "settings.json.corrupt-20250304-050607");
        assertThat(store.load()).isEqualTo(SAVED);
    }

    @Test
    void anotherCorruptFileInTheSameSecondDoesNotReplaceTheFirst() throws Exception {
        Files.writeString(file, "[1, 2]");
        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);
        Files.writeString(file, "\"just a string\"");
        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);

        assertThat(filesInDataDir()).containsExactly("settings.json.corrupt-20250304-050607",
                "settings.json.corrupt-20250304-050607-2");
        assertThat(Files.readString(dataDir.resolve("settings.json.corrupt-20250304-050607"))).isEqualTo("[1, 2]");
    }

    @Test
    void aSchemaVersionThatIsNotAWholeNumberMakesTheFileCorrupt() throws Exception {
        Files.writeString(file, "{\"schemaVersion\": \"one\", \"theme\": \"dark\"}");

        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);
        assertThat(filesInDataDir()).containsExactly("settings.json.corrupt-20250304-050607");
    }

    @Test
    void aFileThatBecameCorruptSinceItWasReadIsMovedAsideBeforeSaving() throws Exception {
        store.save(SAVED);
        Files.writeString(file, "{oops");

        assertThat(store.save(AppSettings.DEFAULTS.withTheme(ThemeChoice.DARK))).isTrue();

        assertThat(filesInDataDir()).containsExactly("settings.json", "settings.json.corrupt-20250304-050607");
        assertThat(Files.readString(dataDir.resolve("settings.json.corrupt-20250304-050607"))).isEqualTo("{oops");
        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS.withTheme(ThemeChoice.DARK));
    }

    @Test
    void unknownFieldsAreIgnoredOnReadingAndKeptOnWriting() throws Exception {
        Files.writeString(file, """
                {"schemaVersion": 1, "theme": "dark", "fontSize": 14, "recent": ["a.har"],
                 "window": {"x": 10, "y": 20, "width": 1000, "height": 700, "maximized": false, "screen": "DP-1"}}
                """);

        AppSettings loaded = store.load();
        assertThat(loaded).isEqualTo(new AppSettings(
                Optional.of(new AppSettings.WindowBounds(10, 20, 1000, 700, false)), ThemeChoice.DARK));
        assertThat(warnings()).isEmpty();
        assertThat(filesInDataDir()).containsExactly("settings.json");

        assertThat(store.save(loaded.withTheme(ThemeChoice.LIGHT))).isTrue();
        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.get("theme").textValue()).isEqualTo("light");
        assertThat(root.get("fontSize").intValue()).isEqualTo(14);
        assertThat(root.get("recent").get(0).textValue()).isEqualTo("a.har");
        assertThat(root.get("window").get("screen").textValue()).isEqualTo("DP-1");
    }

    @Test
    void valuesOfTheWrongTypeFallBackToTheirDefaultsWithAWarningAndTheFileStays() throws Exception {
        Files.writeString(file, "{\"theme\": 1, \"window\": {\"x\": \"left\", \"y\": 0, \"width\": 900, \"height\": 600}}");

        assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);

        assertThat(filesInDataDir()).containsExactly("settings.json");
        assertThat(warnings()).hasSize(2);
        for (String bad : List.of("{\"window\": {\"x\": 0, \"y\": 0, \"width\": -5, \"height\": 600}}",
                "{\"window\": {\"x\": 0, \"y\": 0, \"width\": 900}}",
                "{\"window\": {\"x\": 0, \"y\": 0, \"width\": 900, \"height\": 600, \"maximized\": \"yes\"}}",
                "{\"window\": [0, 0, 900, 600]}")) {
            Files.writeString(file, bad);
            assertThat(store.load()).as(bad).isEqualTo(AppSettings.DEFAULTS);
        }
        assertThat(filesInDataDir()).containsExactly("settings.json");
    }

    @Test
    void aFileOfANewerVersionIsReadAsFarAsUnderstoodAndNeverOverwritten() throws Exception {
        String newer = """
                {"schemaVersion": 2, "theme": "dark", "accent": "teal",
                 "window": {"x": 30, "y": 40, "width": 1200, "height": 800, "maximized": true, "monitor": 2}}
                """;
        Files.writeString(file, newer);

        assertThat(store.load()).isEqualTo(new AppSettings(
                Optional.of(new AppSettings.WindowBounds(30, 40, 1200, 800, true)), ThemeChoice.DARK));

        assertThat(store.save(AppSettings.DEFAULTS)).isFalse();
        assertThat(store.save(SAVED)).isFalse();
        assertThat(Files.readString(file)).isEqualTo(newer);
        assertThat(filesInDataDir()).containsExactly("settings.json");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void anAtomicWriteLeavesNoTempFileBehind() throws Exception {
        store.save(SAVED);
        store.save(SAVED.withTheme(ThemeChoice.LIGHT));
        store.save(AppSettings.DEFAULTS);

        assertThat(filesInDataDir()).containsExactly("settings.json");
    }

    @Test
    void aWriteThatFailsIsLoggedNotThrown() throws Exception {
        Path notADirectory = dataDir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        SettingsStore broken = new SettingsStore(notADirectory);

        assertThat(broken.save(SAVED)).isFalse();

        assertThat(broken.load()).isEqualTo(AppSettings.DEFAULTS);
        assertThat(warnings()).anySatisfy(w -> assertThat(w).startsWith("Could not save the settings"));
        assertThat(Files.readString(notADirectory)).isEqualTo("x");
    }
}
