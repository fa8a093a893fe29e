package dev.wsinspector.ui.detail;

import dev.wsinspector.core.filter.Filter;
import dev.wsinspector.core.payload.JsonHighlighter;
import dev.wsinspector.core.payload.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {

    private static String marked(List<Segment> segments) {
        return segments.stream().map(s -> s.styleClass().contains(Highlights.STYLE) ? "[" + s.text() + "]" : s.text())
                .collect(Collectors.joining());
    }

    @Test
    void marksTheFiltersTextTermsAndRegexesButNotNegatedOnes() {
        Highlights h = Highlights.of(Filter.parse("dir:in and Hello and /wor.d/ and not bye"), null);
        List<Segment> out = h.apply(List.of(new Segment("say hello ", Segment.PLAIN), new Segment("world, bye", "x")));
        assertThat(marked(out)).isEqualTo("say [hello] [world], bye");
        assertThat(out).filteredOn(s -> s.text().equals("world")).extracting(Segment::styleClass)
                .containsExactly("x " + Highlights.STYLE); // keeps its own colour too
    }

    @Test
    void marksTheFindQueryInsideJsonAndKeepsTheText() {
        List<Segment> json = JsonHighlighter.highlight("{\"price\": 10, \"name\": \"PRICE\"}");
        List<Segment> out = Highlights.of(null, "price").apply(json);
        assertThat(out.stream().map(Segment::text).collect(Collectors.joining()))
                .isEqualTo(json.stream().map(Segment::text).collect(Collectors.joining()));
        assertThat(marked(out)).contains("[price]").contains("[PRICE]");
    }

    @Test
    void nothingToMarkLeavesTheSegmentsAlone() {
        List<Segment> in = List.of(new Segment("abc", Segment.PLAIN));
        assertThat(Highlights.of(Filter.parse("dir:in"), "").apply(in)).isSameAs(in);
        assertThat(Highlights.of(null, "hex:ABCD").isEmpty()).isTrue();
    }
}
