package dev.wsinspector.core.replay;

import dev.wsinspector.core.profile.ConnectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:34:56.789Z");
    static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    static BuiltIns fixedBuiltIns() {
        AtomicInteger random = new AtomicInteger(41);
        return new BuiltIns(Clock.fixed(NOW, ZoneOffset.UTC), () -> ID, random::incrementAndGet);
    }

    private final Templates templates = new Templates(Map.of("host", "example.org", "token", "abc"), fixedBuiltIns());

    @Test
    void variablesAndBuiltInsResolve() {
        assertThat(templates.resolve("wss://{{host}}/x?t={{ token }}")).isEqualTo("wss://example.org/x?t=abc");
        assertThat(templates.resolve("{{uuid}} {{timestamp}} {{isoTime}} {{randomInt}} {{randomInt}}"))
                .isEqualTo(ID + " " + NOW.toEpochMilli() + " 2024-05-01T12:34:56.789Z 42 43");
    }

    @Test
    void theCounterCountsMessagesNotOccurrences() {
        assertThat(templates.preview("#{{counter}}")).isEqualTo("#1");
        assertThat(templates.resolveMessage("#{{counter}} and {{counter}}")).isEqualTo("#1 and 1");
        assertThat(templates.resolveMessage("#{{counter}}")).isEqualTo("#2");
        // URLs and headers see the count without adding to it; a preview shows the next message's value.
        assertThat(templates.resolve("{{counter}}")).isEqualTo("2");
        assertThat(templates.preview("{{counter}}")).isEqualTo("3");
        assertThat(templates.resolveMessage("{{counter}}")).isEqualTo("3");
    }

    @Test
    void aFailedMessageIsNotCounted() {
        assertThatThrownBy(() -> templates.resolveMessage("{{nope}} {{counter}}"))
                .isInstanceOf(UnknownVariablesException.class);
        assertThat(templates.resolveMessage("{{counter}}")).isEqualTo("1");
    }

    @Test
    void unknownVariablesAreAnErrorListingEveryOne() {
        assertThatThrownBy(() -> templates.resolve("{{a}} {{host}} {{b}} {{a}}"))
                .isInstanceOf(UnknownVariablesException.class)
                .hasMessage("Unknown variables {{a}}, {{b}} (define them in the profile or the environment)")
                .satisfies(e -> assertThat(((UnknownVariablesException) e).names()).containsExactly("a", "b"));
        assertThat(templates.unknownVariables("{{x}}{{uuid}}{{host}}")).containsExactly("x");
        assertThatThrownBy(() -> templates.check("{{x}}")).hasMessageStartingWith("Unknown variable {{x}} (define it");
    }

    @Test
    void aVariableShadowsTheBuiltInOfTheSameName() {
        Templates t = new Templates(Map.of("counter", "mine"), fixedBuiltIns());
        assertThat(t.resolveMessage("{{counter}}")).isEqualTo("mine");
    }

    @Test
    void valuesAreNotResolvedAgain() {
        Templates t = new Templates(Map.of("a", "{{b}}", "b", "x"), fixedBuiltIns());
        assertThat(t.resolve("{{a}}")).isEqualTo("{{b}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\\{{host}}           | {{host}}",
            "\\\\{{host}}         | \\example.org",
            "\\\\\\{{host}}       | \\{{host}}",
            "a\\nb \\ {{host}}    | a\\nb \\ example.org",
            "{\"a\":{\"b\":1}}    | {\"a\":{\"b\":1}}",
            "{ {host} }           | { {host} }",
    })
    void backslashEscapesBracesAndNothingElse(String template, String expected) {
        assertThat(templates.resolve(template)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{{host            | 1",
            "x {{ two words }} | 3",
            "{{{host}}}        | 1",
            "{{}}              | 1",
    })
    void aMalformedPlaceholderIsAnErrorWithItsPosition(String template, int position) {
        assertThatThrownBy(() -> templates.resolve(template))
                .isInstanceOf(TemplateException.class)
                .hasMessage("'{{' at position " + position + " does not start a {{name}} (write \\{{ for a literal '{{')");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{{x}}", "a {{ b", "\\{{", "\\\\{{", "\\\\\\{{y}}", "plain \\ text"})
    void escapeMakesAnyTextResolveToItself(String text) {
        assertThat(templates.resolve(Templates.escape(text))).isEqualTo(text);
    }

    @Test
    void theEnvironmentOverridesTheProfile() {
        ConnectionProfile p = ConnectionProfile.builder("p", "ws://{{host}}/")
                .variables(Map.of("host", "localhost", "user", "me"))
                .environments(Map.of("staging", Map.of("host", "staging.example")))
                .build();
        assertThat(Templates.forProfile(p, null, fixedBuiltIns()).resolve("{{user}}@{{host}}")).isEqualTo("me@localhost");
        assertThat(Templates.forProfile(p, "staging", fixedBuiltIns()).resolve("{{user}}@{{host}}"))
                .isEqualTo("me@staging.example");
        assertThatThrownBy(() -> Templates.forProfile(p, "prod", fixedBuiltIns()))
                .hasMessage("Profile 'p' has no environment 'prod' (it has: staging)");
    }

    @Test
    void referencedNamesListsKnownAndUnknown() {
        assertThat(Templates.referencedNames("{{a}} \\{{b}} {{ c }} {{a}}")).containsExactly("a", "c");
    }
}
