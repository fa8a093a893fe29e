package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class JsonHighlighterTest {

    private static String joined(List<Segment> segments) {
        return segments.stream().map(Segment::text).collect(Collectors.joining());
    }

    @Test
    void classifiesEveryKindOfToken() {
        List<Segment> s = JsonHighlighter.highlight("{\"k\": \"v\", \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null}");
        assertThat(s).contains(
                new Segment("{", JsonHighlighter.PUNCT),
                new Segment("\"k\"", JsonHighlighter.KEY),
                new Segment("\"v\"", JsonHighlighter.STRING),
                new Segment("-1.5e3", JsonHighlighter.NUMBER),
                new Segment("true", JsonHighlighter.BOOLEAN),
                new Segment("false", JsonHighlighter.BOOLEAN),
                new Segment("null", JsonHighlighter.NULL),
                new Segment("}", JsonHighlighter.PUNCT));
    }

    @Test
    void aKeyIsAStringFollowedByAColonEvenAcrossWhitespace() {
        List<Segment> s = JsonHighlighter.highlight("{\"a\"\n  : \"b\"}");
        assertThat(s.get(1)).isEqualTo(new Segment("\"a\"", JsonHighlighter.KEY));
        assertThat(s).contains(new Segment("\"b\"", JsonHighlighter.STRING));
    }

    @Test
    void escapedQuotesStayInsideTheString() {
        List<Segment> s = JsonHighlighter.highlight("[\"say \\\"hi\\\"\"]");
        assertThat(s).contains(new Segment("\"say \\\"hi\\\"\"", JsonHighlighter.STRING));
    }

    @Test
    void anUnterminatedStringStopsAtTheEndOfItsLine() {
        List<Segment> s = JsonHighlighter.highlight("[\"open\n1]");
        assertThat(s).contains(new Segment("\"open", JsonHighlighter.STRING), new Segment("1", JsonHighlighter.NUMBER));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{\n  \"a\" : [ 1, 2.5, -3 ],\n  \"b\" : { \"c\" : null }\n}",
            "not json at all ~~~ \u0000 \t",
            "{\"broken\": [1, 2,, }",
            "\"\\\"",
            "{\"emoji\": \"🎉\", \"x\": tru}",
            "    \n\n\r\n   "})
    void segmentsConcatenateBackToTheInput(String text) {
        List<Segment> s = JsonHighlighter.highlight(text);
        assertThat(joined(s)).isEqualTo(text);
        assertThat(s).allSatisfy(seg -> assertThat(seg.text()).isNotEmpty());
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.get(i).styleClass()).as("adjacent runs merged").isNotEqualTo(s.get(i - 1).styleClass());
        }
    }

    @Test
    void aboveTheCapTheTextIsOnePlainSegment() {
        String text = "{\"a\": 1}";
        assertThat(JsonHighlighter.highlight(text, 7)).containsExactly(new Segment(text, Segment.PLAIN));
        assertThat(JsonHighlighter.highlight(text, 8)).hasSizeGreaterThan(1);
    }

    @Test
    void bigInputIsHighlightedInLinearTime() {
        String word = "lorem ipsum ";
        String text = word.repeat(300_000);
        long start = System.nanoTime();
        List<Segment> s = JsonHighlighter.highlight(text, Integer.MAX_VALUE);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(s).hasSize(1);
        assertThat(ms).isLessThan(2_000);
    }
}
