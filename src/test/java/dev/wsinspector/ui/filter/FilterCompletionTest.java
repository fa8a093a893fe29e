package dev.wsinspector.ui.filter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FilterCompletionTest {

    @Test
    void offersTheKeywordsThatStartWithTheWordAtTheCaret() {
        assertThat(FilterCompletion.suggest("di", 2).items()).containsExactly("dir:in", "dir:out");
        assertThat(FilterCompletion.suggest("dir:in and ty", 13).items()).contains("type:text", "type:ping")
                .allMatch(w -> w.startsWith("type:"));
        assertThat(FilterCompletion.suggest("(HEART", 6).items()).containsExactly("heartbeat");
        assertThat(FilterCompletion.suggest("protocol:st", 11).items()).containsExactly("protocol:stomp");
        assertThat(FilterCompletion.suggest("lat", 3).items()).containsExactly("latency>");
        assertThat(FilterCompletion.suggest("un", 2).items()).containsExactly("unanswered");
        assertThat(FilterCompletion.suggest("n", 1).items()).containsExactly("not");
    }

    @Test
    void offersNothingForAnEmptyWordOrInsideQuotesAndRegexes() {
        assertThat(FilterCompletion.suggest("dir:in ", 7).isEmpty()).isTrue();
        assertThat(FilterCompletion.suggest("\"di", 3).isEmpty()).isTrue();
        assertThat(FilterCompletion.suggest("/di", 3).isEmpty()).isTrue();
        assertThat(FilterCompletion.suggest("/x/ di", 6).items()).containsExactly("dir:in", "dir:out");
        assertThat(FilterCompletion.suggest("dir:in", 6).items()).isEmpty();
    }

    @Test
    void acceptingReplacesTheWordAndLeavesTheCaretAfterIt() {
        String text = "ty and x";
        FilterCompletion.Suggestions s = FilterCompletion.suggest(text, 2);
        assertThat(FilterCompletion.accept(text, s, "type:ping")).isEqualTo("type:ping  and x");
        assertThat(FilterCompletion.caretAfter(s, "type:ping")).isEqualTo(10);
        FilterCompletion.Suggestions size = FilterCompletion.suggest("si", 2);
        assertThat(FilterCompletion.accept("si", size, "size>")).isEqualTo("size>");
    }
}
