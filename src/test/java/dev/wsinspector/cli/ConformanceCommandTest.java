package dev.wsinspector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.core.conformance.ConformanceCases;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.transport.EchoServer;
import java.io.EOFException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code conformance} against the project's own echo server (every case passes; the deflate cases skip when it
 * does not offer permessage-deflate) and against a deliberately broken raw-socket server (exactly the cases it
 * breaks fail), with the JSON lines, the JUnit XML read back, the HTML page and the exit codes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConformanceCommandTest {

    @TempDir
    Path dir;

    @Test
    void everyCasePassesAgainstTheProjectsEchoServer() throws Exception {
        Path junit = dir.resolve("conformance.xml");
        Path html = dir.resolve("conformance.html");
        try (EchoServer server = EchoServer.builder().build()) {
            URI uri = server.start();

            CliRun run = CliRun.of("conformance", uri.toString(), "--junit", junit.toString(), "--html",
                    html.toString());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            List<JsonNode> cases = run.ofType("case");
            assertThat(cases).extracting(n -> n.get("id").asText())
                    .containsExactlyElementsOf(ConformanceCases.all().stream().map(c -> c.id()).toList());
            assertThat(cases).allSatisfy(n -> {
                assertThat(n.get("result").asText()).as(n.toString()).isEqualTo("pass");
                assertThat(n.get("rfc").asText()).matches("[0-9.]+");
                assertThat(n.get("expected").asText()).isNotEmpty();
                assertThat(n.get("observed").asText()).isNotEmpty();
            });
            JsonNode summary = run.ofType("summary").get(0);
            assertThat(summary.get("cases").asInt()).isEqualTo(cases.size());
            assertThat(summary.get("failed").asInt()).isZero();
            assertThat(run.err()).contains("PASS  unmasked-frame").contains(cases.size() + " passed, 0 failed");

            Document xml = parse(junit);
            assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(cases.size()));
            assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
            assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(cases.size());
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("echo-binary-16MiB")
                    .contains("class=\"pass\"").doesNotContain("<script");
        }
    }

    @Test
    void theDeflateCasesAreSkippedWhenTheServerDoesNotOfferIt() throws Exception {
        try (EchoServer server = EchoServer.builder().deflate(false).build()) {
            URI uri = server.start();

            CliRun run = CliRun.of("conformance", uri.toString(), "--json", "--case",
                    "deflate-context-takeover,deflate-no-context-takeover,echo-text-125");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(results(run)).containsExactly(Map.entry("deflate-context-takeover", "skip"),
                    Map.entry("deflate-no-context-takeover", "skip"), Map.entry("echo-text-125", "pass"));
            assertThat(run.err()).as("--json: no table").isEmpty();
        }
    }

    @Test
    void aBrokenServerFailsExactlyTheCasesItBreaks() throws Exception {
        Path junit = dir.resolve("broken.xml");
        try (RawWebSocketServer server = new RawWebSocketServer(ConformanceCommandTest::brokenEcho)) {
            CliRun run = CliRun.of("conformance", server.uri("/").toString(), "--case-timeout", "5", "--junit",
                    junit.toString(), "--case", "echo-text-125,echo-binary-65536,fragmented-text,ping-payload,"
                            + "invalid-utf8-text,unmasked-frame,close-normal,close-one-byte,deflate-context-takeover");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
            Map<String, String> results = results(run);
            assertThat(results).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "echo-text-125", "pass", "echo-binary-65536", "pass", "fragmented-text", "pass",
                    "close-normal", "pass", "deflate-context-takeover", "skip",
                    "ping-payload", "fail", "invalid-utf8-text", "fail", "unmasked-frame", "fail",
                    "close-one-byte", "fail"));
            assertThat(observed(run, "ping-payload")).isEqualTo("pong with 0 bytes");
            assertThat(observed(run, "invalid-utf8-text")).isEqualTo("close 1000 (bye)");
            assertThat(observed(run, "unmasked-frame")).startsWith("text message of 8 bytes: answered instead");
            assertThat(run.err()).contains("FAIL  ping-payload").contains("(expected: pong with the ping's");

            Document xml = parse(junit);
            assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("4");
            assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
            NodeList failures = xml.getElementsByTagName("failure");
            Map<String, String> failed = new TreeMap<>();
            for (int i = 0; i < failures.getLength(); i++) {
                Element failure = (Element) failures.item(i);
                failed.put(((Element) failure.getParentNode()).getAttribute("name"), failure.getAttribute("message"));
            }
            assertThat(failed).containsOnlyKeys("ping-payload", "invalid-utf8-text", "unmasked-frame",
                    "close-one-byte");
            assertThat(failed.get("close-one-byte")).isEqualTo("close 1000 (bye)");
        }
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(CliRun.of("conformance", "http://example.com/").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("conformance").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun unknown = CliRun.of("conformance", "ws://127.0.0.1:1/", "--case", "no-such-case");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no such case");
        assertThat(CliRun.of("conformance", "ws://127.0.0.1:1/", "--case-timeout", "0").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void helpListsEveryCaseWithItsSection() {
        CliRun help = CliRun.of("conformance", "--help");

        assertThat(help.exitCode()).isEqualTo(ExitCodes.OK);
        for (var c : ConformanceCases.all()) {
            assertThat(help.out()).contains("  " + c.id() + "  (" + c.reference() + ")");
        }
    }

    @Test
    void aServerThatCannotBeReachedFailsEveryCaseQuickly() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliRun run = CliRun.of("conformance", "ws://127.0.0.1:" + port + "/", "--json", "--case",
                "echo-text-0,close-normal");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(results(run)).containsOnly(Map.entry("echo-text-0", "fail"), Map.entry("close-normal", "fail"));
        assertThat(observed(run, "echo-text-0")).startsWith("could not connect");
    }

    /**
     * Echoes every frame as it came (unmasked, so it does not care whether the client masked), answers pings with
     * an empty pong, answers text that is not UTF-8 and every close with a close 1000 "bye".
     */
    private static void brokenEcho(RawWebSocketServer.Peer peer) throws Exception {
        peer.upgrade();
        try {
            while (true) {
                RawWebSocketServer.ClientFrame frame = peer.readFrame();
                int opcode = frame.opcode();
                if (opcode == 0x9) {
                    peer.sendFrame(0x8A, new byte[0]);
                } else if (opcode == 0x8 || (opcode == 0x1 && !utf8(frame.payload()))) {
                    peer.sendClose(1000, "bye");
                    peer.drop();
                    return;
                } else {
                    peer.sendFrame(frame.firstByte(), frame.payload());
                }
            }
        } catch (EOFException gone) {
            // the client closed the connection
        }
    }

    private static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static Map<String, String> results(CliRun run) {
        Map<String, String> results = new TreeMap<>();
        for (JsonNode n : run.ofType("case")) {
            results.put(n.get("id").asText(), n.get("result").asText());
        }
        return results;
    }

    private static String observed(CliRun run, String id) {
        return run.ofType("case").stream().filter(n -> n.get("id").asText().equals(id)).findFirst()
                .orElseThrow().get("observed").asText();
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }
}
