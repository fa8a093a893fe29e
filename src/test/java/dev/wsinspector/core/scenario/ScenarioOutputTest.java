package dev.wsinspector.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/** The reports of a passed, a failed and a malformed scenario; the JUnit XML validated against its schema. */
class ScenarioOutputTest {

    static ScenarioResult result(boolean fail) throws Exception {
        Scenario s = ScenarioReader.parse("dir/echo <1>.json", "{\"schemaVersion\":1,\"name\":\"echo & co\","
                + "\"connection\":{\"url\":\"ws://h/\"},\"steps\":[{\"send\":\"a\"},{\"expect\":\"a\"}]}", false);
        StepResult send = new StepResult("1", s.steps().get(0), "main", true, "sent 1 bytes", List.of(0L), 1);
        StepResult expect = new StepResult("2", s.steps().get(1), "main", !fail,
                fail ? "no message matched text \"a\" within 5000 ms; last seen: #1 \"<b>\"" : "matched #1",
                List.of(1L), 5);
        return new ScenarioResult(s, List.of(send, expect), 0, null, 7, Map.of(), Map.of());
    }

    static void validate(String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator v = f.newSchema(ScenarioOutputTest.class.getResource("/junit/junit-report.xsd")).newValidator();
        v.validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void junitXmlIsValidAndNamesTheFailedStepAndTheLastFrames() throws Exception {
        ScenarioFormatException bad = new ScenarioFormatException("b.json", new Position(3, 4), "unknown member");
        String xml = ScenarioOutput.junitXml(List.of(result(false), result(true)), List.of(bad), 12);
        validate(xml);
        assertThat(xml).contains("tests=\"3\" failures=\"1\" errors=\"1\"")
                .contains("<testcase classname=\"scenario.echo__1_\" name=\"echo &amp; co\"")
                .contains("<failure message=\"step 2 (expect text &quot;a&quot;) failed: no message matched")
                .contains("last seen: #1 &quot;&lt;b&gt;&quot;")
                .contains("dir/echo &lt;1&gt;.json:1:")
                .contains("<error message=\"b.json:3:4: unknown member\"");
    }

    @Test
    void theSchemaRejectsWhatCiWouldNotRead() {
        assertThatThrownBy(() -> validate("<testsuite name=\"x\" tests=\"1\" failures=\"0\" errors=\"0\">"
                + "<testcase name=\"a\"/></testsuite>")).hasMessageContaining("classname");
    }

    @Test
    void jsonLinesAndHtml() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ScenarioResult failed = result(true);
        JsonNode step = m.readTree(ScenarioOutput.stepLine(failed.scenario(), failed.steps().get(1)));
        assertThat(step.get("type").asText()).isEqualTo("step");
        assertThat(step.get("result").asText()).isEqualTo("fail");
        assertThat(step.get("seqs").get(0).asLong()).isEqualTo(1);
        JsonNode line = m.readTree(ScenarioOutput.scenarioLine(failed));
        assertThat(line.get("result").asText()).isEqualTo("fail");
        assertThat(line.get("message").asText()).startsWith("step 2 (expect text \"a\") failed");
        JsonNode summary = m.readTree(ScenarioOutput.summaryLine(List.of(failed, result(false)), 1, 9));
        assertThat(summary.get("scenarios").asInt()).isEqualTo(3);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        String html = ScenarioOutput.html(List.of(failed), List.of(), 9);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("class=\"fail\"").contains("&lt;b&gt;")
                .doesNotContain("<script");
    }
}
