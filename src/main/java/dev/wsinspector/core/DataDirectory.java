package dev.wsinspector.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where the app keeps its files (profiles, logs, the instance lock, settings.json), per DESIGN.md "Files": the
 * {@code --data-dir} option, else {@code WSI_HOME}, else the operating system's convention. Pure: the
 * environment and system properties are passed in, so every platform's rule is testable on any machine.
 *
 * @param path   the directory (not created here)
 * @param source which rule chose it, for the About dialog and the log
 */
public record DataDirectory(Path path, Source source) {

    public static final String ENV_HOME = "WSI_HOME";
    static final String LINUX_NAME = "ws-inspector";
    static final String DESKTOP_NAME = "WS Inspector";

    /** Which rule chose the directory. */
    public enum Source { OPTION, ENVIRONMENT, PLATFORM }

    public DataDirectory {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(source, "source");
    }

    /** The directory for this process: its environment and system properties. */
    public static DataDirectory resolve(String option) {
        return resolve(option, System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * @param option   the {@code --data-dir} value, or null
     * @param env      environment variables ({@code WSI_HOME}, {@code XDG_CONFIG_HOME}, {@code APPDATA})
     * @param osName   the {@code os.name} system property
     * @param userHome the {@code user.home} system property
     */
    public static DataDirectory resolve(String option, Map<String, String> env, String osName, String userHome) {
        if (!blank(option)) {
            return new DataDirectory(Path.of(option).toAbsolutePath().normalize(), Source.OPTION);
        }
        String home = env.get(ENV_HOME);
        if (!blank(home)) {
            return new DataDirectory(Path.of(home).toAbsolutePath().normalize(), Source.ENVIRONMENT);
        }
        return new DataDirectory(platformDefault(env, osName, userHome), Source.PLATFORM);
    }

    private static Path platformDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = blank(appData) ? Path.of(userHome, "AppData", "Roaming") : Path.of(appData);
            return base.resolve(DESKTOP_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Path.of(userHome, "Library", "Application Support", DESKTOP_NAME);
        }
        // XDG Base Directory spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = !blank(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(userHome, ".config");
        return base.resolve(LINUX_NAME);
    }

    /** {@code <data dir>/profiles}: one JSON file per connection profile. */
    public Path profiles() {
        return path.resolve("profiles");
    }

    /** {@code <data dir>/logs}: the GUI's rotated log files. */
    public Path logs() {
        return path.resolve("logs");
    }

    /** {@code <data dir>/logs/ws-inspector.log}: the current log file. */
    public Path logFile() {
        return logs().resolve("ws-inspector.log");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
