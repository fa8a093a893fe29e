package dev.wsinspector.core.payload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFormatterTest {

    private final JsonFormatter formatter = new JsonFormatter();

    @Test
    void prettyPrintsAnObject() {
        JsonResult r = formatter.format("{\"a\":1,\"b\":[true,null]}");
        assertThat(r).isInstanceOf(JsonResult.Valid.class);
        JsonResult.Valid v = (JsonResult.Valid) r;
        assertThat(v.pretty()).isEqualTo("{\n  \"a\" : 1,\n  \"b\" : [ true, null ]\n}");
        assertThat(v.isContainer()).isTrue();
        assertThat(v.truncated()).isFalse();
        assertThat(v.notice()).isEmpty();
        assertThat(v.tree().get("b").size()).isEqualTo(2);
    }

    @Test
    void keepsTheExactSpellingOfNumbers() {
        JsonResult.Valid v = (JsonResult.Valid) formatter.format("[1.50, 1e400, 12345678901234567890123]");
        assertThat(v.pretty()).contains("1.50").contains("12345678901234567890123");
        assertThat(v.pretty()).doesNotContain("Infinity");
    }

    @Test
    void aScalarIsValidButNotAContainer() {
        JsonResult.Valid v = (JsonResult.Valid) formatter.format("\"hello\"");
        assertThat(v.isContainer()).isFalse();
    }

    @Test
    void errorGivesLineAndColumn() {
        String text = "{\n  \"a\": 1,\n  bad: 2\n}";
        JsonResult r = formatter.format(text);
        assertThat(r).isInstanceOf(JsonResult.Invalid.class);
        JsonResult.Invalid e = (JsonResult.Invalid) r;
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.notice()).startsWith("Invalid JSON at line 3, column 3: ").doesNotContain("\n");
    }

    @Test
    void trailingContentIsAnError() {
        JsonResult r = formatter.format("{} {}");
        assertThat(r).isInstanceOf(JsonResult.Invalid.class);
        assertThat(((JsonResult.Invalid) r).column()).isGreaterThan(1);
    }

    @Test
    void unterminatedDocumentIsAnError() {
        JsonResult r = formatter.format("{\"a\": [1, 2");
        assertThat(r).isInstanceOf(JsonResult.Invalid.class);
        assertThat(r.notice()).contains("line 1");
    }

    @Test
    void emptyPayloadIsNotJson() {
        assertThat(formatter.format("   ")).isInstanceOf(JsonResult.Invalid.class);
        assertThat(formatter.format("   ").notice()).contains("No content");
    }

    @Test
    void plainTextIsNotJson() {
        JsonResult r = formatter.format("hello world");
        assertThat(r).isInstanceOf(JsonResult.Invalid.class);
        assertThat(((JsonResult.Invalid) r).line()).isEqualTo(1);
    }

    @Test
    void inputAboveTheCapIsNotParsed() {
        JsonFormatter small = new JsonFormatter(10, 100);
        JsonResult r = small.format("[1,2,3,4,5,6,7]");
        assertThat(r).isInstanceOf(JsonResult.TooLarge.class);
        assertThat(r.notice()).isEqualTo("JSON view is limited to 10 B; this payload is 15 B (see Text or Hex)");
    }

    @Test
    void outputAboveTheCapIsCutAndTheUserIsTold() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            sb.append(i == 0 ? "" : ",").append(i);
        }
        String json = sb.append(']').toString();
        JsonFormatter capped = new JsonFormatter(1 << 20, 1024);
        JsonResult.Valid v = (JsonResult.Valid) capped.format(json.getBytes(StandardCharsets.UTF_8));
        assertThat(v.pretty()).hasSize(1024);
        assertThat(v.truncated()).isTrue();
        assertThat(v.prettyChars()).isGreaterThan(1024);
        assertThat(v.notice()).startsWith("Showing first 1 KiB of ").endsWith(" of formatted JSON");
        String full = ((JsonResult.Valid) formatter.format(json)).pretty();
        assertThat(v.prettyChars()).isEqualTo(full.length());
        assertThat(full).startsWith(v.pretty());
    }

    @Test
    void nonAsciiTextSurvives() {
        JsonResult.Valid v = (JsonResult.Valid) formatter.format("{\"name\":\"Zoë 🎉\"}");
        assertThat(v.pretty()).contains("Zoë 🎉");
    }
}
