package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.transport.EchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code "decoded"} member of {@code connect} and {@code show} lines, and {@code --decode}, against the echo server. */
@Timeout(30)
class DecodedLinesTest {

    private static EchoServer server;
    private static String base;

    @TempDir
    Path data;

    @BeforeAll
    static void startServer() throws Exception {
        server = EchoServer.builder().host("127.0.0.1").port(0).build();
        server.start();
        base = "ws://127.0.0.1:" + server.address().getPort();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void framesAProtocolDecoderReadsCarryDecodedAndOthersDoNot() {
        // The URL says Engine.IO, so even the one-character ping is read.
        CliRun run = CliRun.of("connect", base + "/socket.io/?EIO=4&transport=websocket",
                "-s", "42[\"welcome\",{\"user\":\"ann\"}]", "-s", "2", "-n", "2", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        for (String dir : List.of("out", "in")) {
            List<JsonNode> frames = run.frames(dir, "text");
            JsonNode event = frames.get(0).get("decoded");
            assertThat(event.get("protocol").asText()).isEqualTo("socket.io");
            assertThat(event.get("packet").asText()).isEqualTo("EVENT");
            assertThat(event.get("event").asText()).isEqualTo("welcome");
            assertThat(event.at("/args/0/user").asText()).isEqualTo("ann");
            assertThat(event.get("summary").asText()).isEqualTo("EVENT \"welcome\"");
            assertThat(frames.get(1).at("/decoded/protocol").asText()).isEqualTo("engine.io");
            assertThat(frames.get(1).at("/decoded/packet").asText()).isEqualTo("ping");
            // The contract's members are all still there.
            assertThat(frames.get(0).get("text").asText()).isEqualTo("42[\"welcome\",{\"user\":\"ann\"}]");
        }
        assertThat(run.frames("out", "close").get(0).has("decoded")).isFalse();
    }

    @Test
    void plainTextIsNotDecoded() {
        CliRun run = CliRun.of("connect", base + "/", "-s", "hello", "-n", "1", "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.ofType("frame")).noneMatch(f -> f.has("decoded"));
    }

    @Test
    void decodeForcesADecoderOrTurnsDecodingOff() {
        CliRun forced = CliRun.of("connect", base + "/", "-s", "{\"#\":[\"e\",\"chat\",1]}", "-s", "9", "-n", "2",
                "--decode", "clusterws", "--data-dir", data.toString());
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.frames("in", "text")).extracting(f -> f.at("/decoded/summary").asText())
                .containsExactly("EVENT chat", "ping (9)");
        // A forced decoder reads every message, and says which it cannot.
        CliRun stomp = CliRun.of("connect", base + "/", "-s", "hello", "-n", "1", "--decode", "stomp",
                "--data-dir", data.toString());
        assertThat(stomp.frames("in", "text").get(0).at("/decoded/malformed").asText()).isEqualTo("no end of line after the command");
        CliRun off = CliRun.of("connect", base + "/socket.io/?EIO=4", "-s", "42[\"a\"]", "-n", "1", "--decode", "none",
                "--data-dir", data.toString());
        assertThat(off.exitCode()).as(off.toString()).isZero();
        assertThat(off.ofType("frame")).noneMatch(f -> f.has("decoded"));
    }

    @Test
    void anUnknownDecoderIsAUsageError() {
        CliRun bad = CliRun.of("connect", base + "/", "--decode", "xml");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'xml' is not a decoder").contains("socket.io").doesNotContain("Exception");
    }

    @Test
    void helpListsEveryProtocolADecoderReads() {
        CliRun help = CliRun.of("connect", "--help");
        String text = (help.out() + help.err()).replaceAll("\\s+", " ");
        for (String id : List.of("socket.io", "engine.io", "signalr", "json-rpc", "stomp", "graphql-ws", "socketcluster",
                "clusterws", "sockjs", "wamp", "action-cable")) {
            assertThat(text).contains(id);
        }
    }

    @Test
    void showDecodesWithTheHintOfTheOpenBeforeItsRange() {
        CliRun run = CliRun.of("connect", base + "/socket.io/?EIO=4", "-s", "2", "-s", "3", "-n", "2", "--save=eio",
                "--data-dir", data.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        CliRun part = CliRun.of("show", "eio", "--from", "1", "--data-dir", data.toString());
        assertThat(part.exitCode()).as(part.toString()).isZero();
        assertThat(part.ofType("open")).isEmpty();
        assertThat(part.frames("in", "text")).extracting(f -> f.at("/decoded/packet").asText()).contains("pong");
        CliRun off = CliRun.of("show", "eio", "--decode", "none", "--data-dir", data.toString());
        assertThat(off.ofType("frame")).noneMatch(f -> f.has("decoded"));
    }
}
