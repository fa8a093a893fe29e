package dev.wsinspector.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.conformance.ConformanceCase.Outcome;
import dev.wsinspector.core.conformance.ConformanceCase.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The run's files from a made-up report: what a server can put in an observed text must not break them. */
class ConformanceOutputTest {

    private static final ConformanceCase CASE = new ConformanceCase("close-odd", "RFC 6455", "5.5.1", "a <close>",
            "close 1002", false, "", probe -> Outcome.pass(""));

    private static ConformanceReport report(Verdict verdict, String observed) {
        return new ConformanceReport("ws://h/?a=1&b=2", List.of(new CaseResult(CASE, verdict, observed, 12, null)), 40);
    }

    @Test
    void junitXmlParsesWhateverTheServerSaid() throws Exception {
        String said = "close 1000 (<b>\"bye\" & 'so long'\u0001)";
        String xml = ConformanceOutput.junitXml(report(Verdict.FAIL, said));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message")
                .getNodeValue()).isEqualTo("close 1000 (<b>\"bye\" & 'so long')");
        assertThat(ConformanceOutput.junitXml(report(Verdict.SKIP, "no deflate"))).contains("<skipped message=\"no deflate\"/>");
    }

    @Test
    void htmlEscapesAndJsonLinesCarryTheCase() throws Exception {
        assertThat(ConformanceOutput.html(report(Verdict.PASS, "<script>"))).doesNotContain("<script>")
                .contains("&lt;script&gt;").contains("a &lt;close&gt;").contains("ws://h/?a=1&amp;b=2");

        JsonNode line = new ObjectMapper().readTree(ConformanceOutput.caseLine(
                new CaseResult(CASE, Verdict.FAIL, "close 1000", 12, null)));
        assertThat(line.get("type").asText()).isEqualTo("case");
        assertThat(line.get("rfc").asText()).isEqualTo("5.5.1");
        assertThat(line.get("result").asText()).isEqualTo("fail");
        assertThat(line.get("expected").asText()).isEqualTo("close 1002");
        assertThat(ConformanceOutput.tableRow(new CaseResult(CASE, Verdict.FAIL, "close 1000", 12, null)))
                .startsWith("FAIL  close-odd").endsWith("(expected: close 1002)");
    }

    @Test
    void caseIdsAreUniqueAndEachNamesItsSection() {
        List<ConformanceCase> all = ConformanceCases.all();
        assertThat(all).extracting(ConformanceCase::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+|echo-[a-z]+-[0-9]+MiB"));
        assertThat(all).allMatch(c -> c.section().matches("[0-9]+(\\.[0-9]+)*") && !c.expected().isEmpty());
    }
}
