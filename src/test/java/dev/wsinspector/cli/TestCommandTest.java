package dev.wsinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.transport.EchoServer;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code test} against the project's echo server: exit codes 0, 1 and 2, the JSON lines and the reports. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestCommandTest {

    private static EchoServer echo;
    private static URI uri;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        echo = EchoServer.builder().build();
        uri = echo.start();
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
    }

    private Path scenario(String name, String steps) throws Exception {
        return Files.writeString(dir.resolve(name), "{\"schemaVersion\":1,\"connection\":{\"url\":\"" + uri
                + "\"},\"timeoutMs\":500,\"steps\":[" + steps + "]}");
    }

    @Test
    void allPassExitsZeroAndWritesValidJunit() throws Exception {
        scenario("a.json", "{\"send\":\"hi\"},{\"expect\":\"hi\"}");
        Files.writeString(dir.resolve("b.yaml"), "schemaVersion: 1\nconnection: {url: \"" + uri + "\"}\nsteps:\n"
                + "  - send: {json: {\"n\": 1}}\n  - expect: {json: {$.n: 1}}\n");
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");
        Path junit = dir.resolve("out/report.xml");
        Files.createDirectories(junit.getParent());
        Path html = dir.resolve("report.html");

        CliRun run = CliRun.of("test", dir.toString(), "--junit", junit.toString(), "--html", html.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.ofType("step")).hasSize(4).allSatisfy(n -> assertThat(n.get("result").asText()).isEqualTo("pass"));
        assertThat(run.ofType("scenario")).extracting(n -> n.get("name").asText()).containsExactly("a", "b");
        assertThat(run.ofType("summary").get(0).get("passed").asInt()).isEqualTo(2);
        assertThat(run.err()).contains("PASS  a").contains("PASS  b");
        String xml = Files.readString(junit);
        validate(xml);
        assertThat(xml).contains("tests=\"2\" failures=\"0\" errors=\"0\"");
        assertThat(Files.readString(html)).contains("<h2 class=\"pass\">a</h2>");
    }

    @Test
    void aFailingScenarioExitsOneAndItsFailureNamesTheStep() throws Exception {
        Path ok = scenario("ok.json", "{\"send\":\"x\"},{\"expect\":\"x\"}");
        Path bad = scenario("bad.json", "{\"send\":\"ping\"},{\"expect\":\"pong\",\"timeoutMs\":200}");
        Path junit = dir.resolve("r.xml");

        CliRun run = CliRun.of("test", ok.toString(), bad.toString(), "--junit", junit.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode failed = run.ofType("scenario").get(1);
        assertThat(failed.get("result").asText()).isEqualTo("fail");
        assertThat(failed.get("message").asText()).startsWith("step 2 (expect text \"pong\") failed: no message")
                .contains("last seen: #").contains("\"ping\"");
        assertThat(run.err()).contains("FAIL  bad").doesNotContain("PASS  ok");
        String xml = Files.readString(junit);
        validate(xml);
        assertThat(xml).contains("failures=\"1\"").contains("<failure message=\"step 2 (expect text &quot;pong&quot;)");
    }

    @Test
    void aMalformedFileExitsTwoWithItsPosition() throws Exception {
        Path ok = scenario("ok.json", "{\"send\":\"x\"},{\"expect\":\"x\"}");
        Path bad = Files.writeString(dir.resolve("broken.yaml"), "schemaVersion: 1\nconnection: {url: \"" + uri
                + "\"}\nsteps:\n  - sned: x\n");

        CliRun run = CliRun.of("test", ok.toString(), bad.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(bad + ":4:5: a step needs one of");
        JsonNode m = run.ofType("malformed").get(0);
        assertThat(m.get("line").asInt()).isEqualTo(4);
        assertThat(m.get("file").asText()).isEqualTo(bad.toString());
        assertThat(run.ofType("scenario")).hasSize(1); // the good one still ran
    }

    @Test
    void noScenarioFilesIsAUsageError() {
        CliRun run = CliRun.of("test", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no scenario files");
    }

    @Test
    void aProfileConnectionUsesItsEnvironment() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("profiles"));
        Files.writeString(data.resolve("profiles/echo.json"), "{\"schemaVersion\":1,\"name\":\"Echo\",\"url\":\""
                + uri + "\",\"variables\":{\"word\":\"dev\"},\"environments\":{\"ci\":{\"word\":\"ci\"}}}");
        Path s = Files.writeString(dir.resolve("p.json"), "{\"schemaVersion\":1,\"connection\":{\"profile\":\"Echo\"},"
                + "\"timeoutMs\":500,\"steps\":[{\"send\":\"{{word}}\"},{\"expect\":\"ci\"}]}");

        CliRun run = CliRun.of("test", s.toString(), "--env", "ci", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        CliRun dev = CliRun.of("test", s.toString(), "--data-dir", data.toString());
        assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(ExitCodes.FAILED);
        CliRun missing = CliRun.of("test", s.toString(), "--data-dir", dir.resolve("none").toString());
        assertThat(missing.ofType("scenario").get(0).get("message").asText()).contains("no profile named \"Echo\"");
    }

    @Test
    void fromSessionSavesASessionAsATestThatPasses() throws Exception {
        Path data = dir.resolve("data");
        CliRun connect = CliRun.of("connect", uri.toString(), "-s", "{\"id\":\"0b6c1c8e-6f43-4c5e-9d8b-1f0a2b3c4d5e\","
                + "\"op\":\"sub\"}", "-s", "plain", "-n", "2", "--save=explore", "--data-dir", data.toString());
        assertThat(connect.exitCode()).as(connect.toString()).isZero();
        Path out = dir.resolve("saved.json");

        CliRun save = CliRun.of("test", "--from-session", "explore", out.toString(), "--data-dir", data.toString());

        assertThat(save.exitCode()).as(save.toString()).isZero();
        assertThat(save.ofType("loosening")).extracting(n -> n.get("where").asText()).containsExactly("$.id");
        assertThat(save.err()).contains("loosened #").contains("a UUID").contains("2 sends, 2 expects");
        assertThat(Files.readString(out)).contains("\"$.op\" : \"sub\"").contains("\"expect\" : \"plain\"");
        CliRun again = CliRun.of("test", out.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
        CliRun unknown = CliRun.of("test", "--from-session", "nope", out.toString(), "--data-dir", data.toString());
        assertThat(unknown.exitCode()).as("as show does for an unknown session").isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.err()).contains("nope");
    }

    static void validate(String xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.newSchema(TestCommandTest.class.getResource("/junit/junit-report.xsd")).newValidator()
                .validate(new StreamSource(new StringReader(xml)));
        assertThat(List.of(xml)).isNotEmpty();
    }
}
