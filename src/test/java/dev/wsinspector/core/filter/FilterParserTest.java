package dev.wsinspector.core.filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The language's syntax: every term and operator, precedence, and errors that say where. */
class FilterParserTest {

    private static String canonical(String expression) {
        return Filter.parse(expression, ZoneOffset.UTC).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hello                          | \"hello\"",
        "\"two words\"                  | \"two words\"",
        "\"say \\\"hi\\\"\"             | \"say \\\"hi\\\"\"",
        "/a+b/                          | /a+b/",
        "/x\\/y/i                       | /x/y/i",
        "dir:in                         | dir:in",
        "DIR:OUT                        | dir:out",
        "type:text                      | type:text",
        "type:binary                    | type:binary",
        "type:control                   | type:control",
        "type:ping                      | type:ping",
        "type:pong                      | type:pong",
        "type:close                     | type:close",
        "type:event                     | type:event",
        "type:error                     | type:error",
        "size>1k                        | size>1024",
        "size >= 2KiB                   | size>=2048",
        "size<1.5M                      | size<1572864",
        "size<=100                      | size<=100",
        "size=3MiB                      | size==3145728",
        "size!=0                        | size!=0",
        "time>12:00:05                  | time>12:00:05",
        "time<2026-12-03T12:00:05Z      | time<2026-12-03T12:00:05Z",
        "$.type == \"trade\"            | $.type == \"trade\"",
        "$.price>10                     | $.price > 10.0",
        "$.a.b exists                   | $.a.b exists",
        "$.a[0]['x y'] != null          | $.a[0]['x y'] != null",
        "$.ok == true                   | $.ok == true",
        "$.items[*].id <= 3             | $.items[*].id <= 3.0",
        "event:chat                     | event:\"chat\"",
        "method:add                     | method:\"add\"",
        "protocol:stomp                 | protocol:\"stomp\"",
        "event:\"chat message\"         | event:\"chat message\"",
        "command:SEND                   | command:\"SEND\"",
        "heartbeat                      | heartbeat",
        "unanswered                     | unanswered",
        "latency>200ms                  | latency>200.0ms",
        "latency<1.5s                   | latency<1500.0ms",
        "http://host:1/x                | \"http://host:1/x\"",
    })
    void everyTermHasItsCanonicalForm(String expression, String expected) {
        assertThat(canonical(expression.strip())).isEqualTo(expected.strip());
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(canonical("a or b and c")).isEqualTo("(\"a\" or (\"b\" and \"c\"))");
        assertThat(canonical("a and b or c")).isEqualTo("((\"a\" and \"b\") or \"c\")");
        assertThat(canonical("not a and b")).isEqualTo("(not \"a\" and \"b\")");
        assertThat(canonical("not (a or b)")).isEqualTo("not (\"a\" or \"b\")");
        assertThat(canonical("not not a")).isEqualTo("not not \"a\"");
    }

    @Test
    void termsSideBySideAreAndedAndParenthesesGroup() {
        assertThat(canonical("dir:in trade size>1k")).isEqualTo("(dir:in and \"trade\" and size>1024)");
        assertThat(canonical("(a or b) c")).isEqualTo("((\"a\" or \"b\") and \"c\")");
        assertThat(canonical("a (b or (c and not d))")).isEqualTo("(\"a\" and (\"b\" or (\"c\" and not \"d\")))");
        assertThat(canonical("A OR B AND NOT C")).isEqualTo("(\"A\" or (\"B\" and not \"C\"))");
    }

    @Test
    void aQuotedKeywordIsText() {
        assertThat(canonical("\"or\" \"not\" \"heartbeat\"")).isEqualTo("(\"or\" and \"not\" and \"heartbeat\")");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "size>                | 6  | expected a value after 'size>'",
        "dir:                 | 5  | expected a value after 'dir:'",
        "dir:up               | 5  | expected in or out after 'dir:', found 'up'",
        "type:frame           | 6  | expected text, binary, control, ping, pong, close, event or error",
        "a and                | 6  | expected a term after 'and'",
        "a or or b            | 6  | expected a term after 'or', found 'or'",
        "not                  | 4  | expected a term after 'not'",
        "(a or b              | 8  | expected ')' to close the '(' at 1",
        "a)                   | 2  | ')' without a matching '('",
        "()                   | 2  | expected a term inside '()'",
        "\"open               | 1  | the quote that starts here is not closed",
        "/open                | 1  | the regex that starts here has no closing '/'",
        "/a(/                 | 4  | bad regex",
        "/a/q                 | 4  | unknown regex flag 'q'",
        "size>big             | 6  | expected a size after 'size>'",
        "latency>soon         | 9  | expected a duration after 'latency>'",
        "time>noon            | 6  | expected a time after 'time>'",
        "foo>3                | 4  | '>' compares only size, time, latency or a JSON path",
        ">3                   | 1  | '>' needs something to compare on its left",
        "$.a ==               | 7  | expected a value after '$.a =='",
        "$.a == trade         | 8  | expected a quoted string, a number, true, false or null",
        "$.a > true           | 5  | only == and != compare with true",
        "$a                   | 2  | expected '.' or '[' in the JSON path",
        "$..a                 | 3  | expected a member name after '.' in the JSON path ('..' is not supported)",
        "$.a[x]               | 4  | expected an index, '*' or a quoted name",
        "$.a[0                | 4  | the '[' here is not closed",
        "x exists             | 3  | 'exists' follows a JSON path",
    })
    void errorsNameThePositionAndWhatWasExpected(String expression, int column, String message) {
        String e = expression.strip();
        assertThatThrownBy(() -> Filter.parse(e, ZoneOffset.UTC))
                .isInstanceOfSatisfying(FilterSyntaxException.class, ex -> {
                    assertThat(ex.position() + 1).as(ex.getMessage()).isEqualTo(column);
                    assertThat(ex.getMessage()).startsWith("at " + column + ": ").contains(message.strip());
                });
    }

    @Test
    void theEmptyFilterIsAnError() {
        assertThatThrownBy(() -> Filter.parse("   ")).isInstanceOf(FilterSyntaxException.class)
                .hasMessage("at 1: the filter is empty");
    }

    @Test
    void pairingTermsParseButDoNotBindWithoutAPairingEngine() {
        Filter f = Filter.parse("dir:in and latency>200ms");
        assertThatThrownBy(() -> f.bind(FilterContext.defaults()))
                .isInstanceOfSatisfying(FilterSyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(11);
                    assertThat(e.getMessage()).isEqualTo("at 12: pairing is not available yet: 'latency' needs requests"
                            + " paired with their replies");
                });
        assertThatThrownBy(() -> Filter.compile("unanswered", FilterContext.defaults()))
                .hasMessageContaining("pairing is not available yet");
        Pairing none = new Pairing() {
            @Override
            public boolean unanswered(long seq) {
                return false;
            }

            @Override
            public long latencyNanos(long seq) {
                return -1;
            }
        };
        assertThat(f.bind(FilterContext.defaults().withPairing(none))).isNotNull();
    }
}
