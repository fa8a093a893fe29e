package dev.wsinspector.ui.theme;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's light or dark preference, from scripted tool answers: no toolkit, no desktop, no processes. */
class SystemColorSchemeTest {

    /** Answers by the command's last word; a word with no answer is a tool that failed or is not there. */
    private static final class Desktop implements SystemColorScheme.CommandRunner {
        final Map<String, String> answers = new HashMap<>();
        final List<List<String>> asked = new ArrayList<>();

        Desktop answer(String lastWord, String output) {
            answers.put(lastWord, output);
            return this;
        }

        @Override
        public Optional<String> run(List<String> command) {
            asked.add(command);
            return Optional.ofNullable(answers.get(command.get(command.size() - 1)));
        }
    }

    private static boolean linux(Desktop desktop, Map<String, String> env) {
        return new SystemColorScheme("Linux", env, desktop).prefersDark();
    }

    @Test
    void gnomesColorSchemeDecidesFirst() {
        Desktop dark = new Desktop().answer("color-scheme", "'prefer-dark'\n").answer("gtk-theme", "'Adwaita'\n");
        assertThat(linux(dark, Map.of())).isTrue();
        assertThat(dark.asked).containsExactly(List.of("gsettings", "get", "org.gnome.desktop.interface",
                "color-scheme"));

        Desktop light = new Desktop().answer("color-scheme", "'prefer-light'\n").answer("gtk-theme", "'Yaru-dark'");
        assertThat(linux(light, Map.of("GTK_THEME", "Adwaita:dark"))).as("an explicit light preference").isFalse();
    }

    @Test
    void withoutAColorSchemeADarkGtkThemeOrGtkThemeVariableMeansDark() {
        assertThat(linux(new Desktop().answer("color-scheme", "'default'\n").answer("gtk-theme", "'Adwaita-dark'\n"),
                Map.of())).isTrue();
        assertThat(linux(new Desktop().answer("color-scheme", "'default'\n").answer("gtk-theme", "'Adwaita'\n"),
                Map.of())).isFalse();
        // GNOME before 42 has no color-scheme key: gsettings fails for it, the theme still answers.
        assertThat(linux(new Desktop().answer("gtk-theme", "'Yaru-Dark'\n"), Map.of())).isTrue();
        assertThat(linux(new Desktop(), Map.of("GTK_THEME", "Adwaita:dark"))).isTrue();
        assertThat(linux(new Desktop(), Map.of("GTK_THEME", "Adwaita"))).isFalse();
    }

    @Test
    void noGsettingsAndNothingElseMeansLight() {
        Desktop none = new Desktop();
        assertThat(linux(none, Map.of())).isFalse();
        assertThat(none.asked).hasSize(2);
    }

    @Test
    void macOsAsksTheGlobalInterfaceStyle() {
        Desktop dark = new Desktop().answer("AppleInterfaceStyle", "Dark\n");
        assertThat(new SystemColorScheme("Mac OS X", Map.of(), dark).prefersDark()).isTrue();
        assertThat(dark.asked).containsExactly(List.of("defaults", "read", "-g", "AppleInterfaceStyle"));
        // Light mode has no such key: defaults fails.
        assertThat(new SystemColorScheme("Mac OS X", Map.of(), new Desktop()).prefersDark()).isFalse();
    }

    @Test
    void windowsAsksWhetherAppsUseTheLightTheme() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        Desktop desktop = new Desktop().answer("AppsUseLightTheme", dark);
        assertThat(new SystemColorScheme("Windows 11", Map.of(), desktop).prefersDark()).isTrue();
        assertThat(desktop.asked.get(0)).startsWith("reg", "query");
        assertThat(new SystemColorScheme("Windows 10", Map.of(),
                new Desktop().answer("AppsUseLightTheme", dark.replace("0x0", "0x1"))).prefersDark()).isFalse();
        assertThat(new SystemColorScheme("Windows 10", Map.of(),
                new Desktop().answer("AppsUseLightTheme", "garbage")).prefersDark()).isFalse();
        assertThat(new SystemColorScheme("Windows 10", Map.of(), new Desktop()).prefersDark()).isFalse();
    }

    @Test
    void aRunnerThatThrowsOrAnswersNullMeansLightNotAFailedStart() {
        SystemColorScheme.CommandRunner broken = command -> {
            throw new IllegalStateException("no processes here");
        };
        assertThat(new SystemColorScheme("Linux", Map.of(), broken).prefersDark()).isFalse();
        assertThat(new SystemColorScheme("Linux", Map.of(), command -> null).prefersDark()).isFalse();
        assertThat(new SystemColorScheme(null, Map.of(), command -> null).prefersDark()).isFalse();
    }

    @Test
    void theAnswerComesOnItsOwnThreadAndAWaitIsBounded() throws Exception {
        Desktop dark = new Desktop().answer("color-scheme", "'prefer-dark'");
        CompletableFuture<Boolean> answer = new SystemColorScheme("Linux", Map.of(), dark).prefersDarkLater();
        assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(SystemColorScheme.await(answer, Duration.ZERO)).contains(true);

        assertThat(SystemColorScheme.await(new CompletableFuture<>(), Duration.ofMillis(20))).isEmpty();
    }
}
