package dev.wsinspector.core;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    private static final String HOME = "/home/ada";

    @Test
    void theOptionWinsOverEverything() {
        DataDirectory dir = DataDirectory.resolve("/tmp/wsi-option", Map.of("WSI_HOME", "/tmp/wsi-env",
                "XDG_CONFIG_HOME", "/tmp/xdg"), "Linux", HOME);
        assertThat(dir.path()).isEqualTo(Path.of("/tmp/wsi-option"));
        assertThat(dir.source()).isEqualTo(DataDirectory.Source.OPTION);
    }

    @Test
    void wsiHomeWinsOverThePlatformConvention() {
        DataDirectory dir = DataDirectory.resolve(null, Map.of("WSI_HOME", "/tmp/wsi-env"), "Mac OS X", HOME);
        assertThat(dir.path()).isEqualTo(Path.of("/tmp/wsi-env"));
        assertThat(dir.source()).isEqualTo(DataDirectory.Source.ENVIRONMENT);
    }

    @Test
    void aRelativeOptionIsMadeAbsolute() {
        DataDirectory dir = DataDirectory.resolve("some/dir/../data", Map.of(), "Linux", HOME);
        assertThat(dir.path()).isAbsolute().isEqualTo(Path.of("some/data").toAbsolutePath());
    }

    @Test
    void blankValuesCountAsUnset() {
        DataDirectory dir = DataDirectory.resolve(" ", Map.of("WSI_HOME", ""), "Linux", HOME);
        assertThat(dir.path()).isEqualTo(Path.of(HOME, ".config", "ws-inspector"));
        assertThat(dir.source()).isEqualTo(DataDirectory.Source.PLATFORM);
    }

    @Test
    void linuxFollowsXdgConfigHome() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/srv/cfg"), "Linux", HOME).path())
                .isEqualTo(Path.of("/srv/cfg/ws-inspector"));
    }

    @Test
    void linuxIgnoresARelativeXdgConfigHomeAsTheSpecSays() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "cfg"), "Linux", HOME).path())
                .isEqualTo(Path.of(HOME, ".config", "ws-inspector"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataDirectory.resolve(null, Map.of("XDG_CONFIG_HOME", "/srv/cfg"), "Mac OS X", HOME).path())
                .isEqualTo(Path.of(HOME, "Library", "Application Support", "WS Inspector"));
    }

    @Test
    void windowsUsesAppData() {
        String appData = "C:\\Users\\ada\\AppData\\Roaming";
        Path path = DataDirectory.resolve(null, Map.of("APPDATA", appData), "Windows 11", HOME).path();
        assertThat(path.getFileName()).hasToString("WS Inspector");
        assertThat(path.getParent()).hasToString(appData);
    }

    @Test
    void windowsWithoutAppDataFallsBackToTheRoamingFolder() {
        assertThat(DataDirectory.resolve(null, Map.of(), "Windows 10", HOME).path())
                .isEqualTo(Path.of(HOME, "AppData", "Roaming", "WS Inspector"));
    }

    @Test
    void filesInsideTheDataDirectory() {
        DataDirectory dir = new DataDirectory(Path.of("/d"), DataDirectory.Source.OPTION);
        assertThat(dir.profiles()).isEqualTo(Path.of("/d/profiles"));
        assertThat(dir.logFile()).isEqualTo(Path.of("/d/logs/ws-inspector.log"));
    }
}
