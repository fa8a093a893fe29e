package dev.wsinspector.ui.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the desktop prefers a dark look. JavaFX 21 cannot tell ({@code Platform.Preferences} came with 22), so
 * this asks the desktop's own tools: GNOME's {@code gsettings} (the color-scheme, else a GTK theme named dark,
 * else {@code GTK_THEME}), macOS's {@code defaults}, Windows' registry. A missing tool, a slow one (each is cut
 * off after {@link #COMMAND_TIMEOUT}) or an answer it does not understand means light: this must never hold up
 * or fail a start, so the app asks early, on its own thread ({@link #prefersDarkLater}), and takes the answer
 * when the window is about to show. The commands go through a {@link CommandRunner}, so the rules are tested
 * without a desktop.
 */
public final class SystemColorScheme {

    /** Runs a command and gives its standard output, if it ended with status 0 in time. Never throws. */
    @FunctionalInterface
    public interface CommandRunner {
        Optional<String> run(List<String> command);
    }

    /** Longest a desktop tool may take: gsettings answers in a few ms, but a start never waits on a hung one. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);
    private static final Pattern REG_DWORD = Pattern.compile("AppsUseLightTheme\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

    private final String osName;
    private final Map<String, String> env;
    private final CommandRunner runner;

    public SystemColorScheme(String osName, Map<String, String> env, CommandRunner runner) {
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.runner = runner;
    }

    /** This machine's: its OS name, environment and processes. */
    public static SystemColorScheme ofThisSystem() {
        return new SystemColorScheme(System.getProperty("os.name"), System.getenv(), SystemColorScheme::runProcess);
    }

    /** Asks on a daemon thread of its own; completes with false on any failure, never exceptionally. */
    public CompletableFuture<Boolean> prefersDarkLater() {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread asking = new Thread(() -> answer.complete(prefersDark()), "wsi-color-scheme");
        asking.setDaemon(true);
        asking.start();
        return answer;
    }

    /** The answer if it is there within {@code wait}; empty when it is not yet. */
    public static Optional<Boolean> await(CompletableFuture<Boolean> answer, Duration wait) {
        try {
            return Optional.of(answer.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Blocks for the tools' answers (each bounded by {@link #COMMAND_TIMEOUT}); false when unsure. */
    public boolean prefersDark() {
        try {
            if (osName.startsWith("mac")) {
                return run("defaults", "read", "-g", "AppleInterfaceStyle")
                        .map(out -> out.trim().equalsIgnoreCase("dark")).orElse(false);
            }
            if (osName.startsWith("windows")) {
                return run("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme").map(REG_DWORD::matcher).filter(Matcher::find)
                        .map(m -> Long.parseLong(m.group(1), 16) == 0).orElse(false);
            }
            return linuxPrefersDark();
        } catch (RuntimeException e) {
            return false;  // a runner or an answer we did not foresee: light, as without a desktop
        }
    }

    private boolean linuxPrefersDark() {
        Optional<String> scheme = run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")
                .map(SystemColorScheme::unquote);
        if (scheme.filter("prefer-dark"::equals).isPresent()) {
            return true;
        }
        if (scheme.filter("prefer-light"::equals).isPresent()) {
            return false;
        }
        // GNOME before 42, and desktops that only set a theme: a dark one is named so (Adwaita-dark, Yaru-dark).
        if (run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme").map(SystemColorScheme::unquote)
                .filter(SystemColorScheme::namesDark).isPresent()) {
            return true;
        }
        return namesDark(env.getOrDefault("GTK_THEME", ""));  // e.g. "Adwaita:dark"
    }

    private Optional<String> run(String... command) {
        Optional<String> out = runner.run(List.of(command));
        return out == null ? Optional.empty() : out;
    }

    private static String unquote(String value) {
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("'") && v.endsWith("'") ? v.substring(1, v.length() - 1) : v;
    }

    private static boolean namesDark(String theme) {
        return theme.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** A real process: no shell, stderr dropped, killed after {@link #COMMAND_TIMEOUT}. */
    private static Optional<String> runProcess(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();  // no such tool here
        }
        try {
            process.getOutputStream().close();
            // The answers are a line: far below a pipe's buffer, so waiting before reading cannot deadlock.
            if (!process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                return Optional.of(new String(out.readNBytes(4096), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
