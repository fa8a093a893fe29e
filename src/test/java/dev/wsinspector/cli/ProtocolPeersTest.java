package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.testutil.NodePeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect --protocol} against real servers from the npm registry on loopback (src/test/peers): socket.io 4
 * and graphql-ws 6 on ws. The servers ping every 300 ms and drop a client that does not answer; the runs stop on
 * --count, after several heartbeats, so exit 0 proves the client stayed connected through them.
 */
@Timeout(60)
class ProtocolPeersTest {

    private static NodePeer socketIo;
    private static NodePeer graphql;

    @BeforeAll
    static void start() throws Exception {
        socketIo = NodePeer.start("socketio-server.js");
        graphql = NodePeer.start("graphql-server.js");
    }

    @AfterAll
    static void stop() throws Exception {
        if (socketIo != null) {
            socketIo.close();
        }
        if (graphql != null) {
            graphql.close();
        }
    }

    private static List<String> texts(CliRun run, String dir) {
        return run.frames(dir, "text").stream().map(f -> f.get("text").asText()).toList();
    }

    @Test
    void socketIoEmitAndCallWithAckStayConnectedAcrossHeartbeats() {
        // in: open, CONNECT, welcome, ack, chat echo = 5 messages, then at least 4 pings "2"
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + socketIo.port(), "--protocol", "socket.io",
                "--call", "add", "[2, 3]", "--emit", "chat", "\"hi\"", "-n", "9", "--timeout", "30");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> out = texts(run, "out");
        assertThat(out).as(run.toString()).startsWith("40", "421[\"add\",2,3]", "42[\"chat\",\"hi\"]");
        List<String> in = texts(run, "in");
        long pings = in.stream().filter("2"::equals).count();
        assertThat(pings).as(run.toString()).isGreaterThanOrEqualTo(3);
        // every ping answered, but the one that completed --count may have ended the run before its pong
        assertThat(out.stream().filter("3"::equals).count()).isBetween(pings - 1, pings);
        JsonNode ack = run.frames("in", "text").stream().filter(f -> f.at("/decoded/packet").asText().equals("ACK"))
                .findFirst().orElseThrow(() -> new AssertionError("no ACK line\n" + run));
        assertThat(ack.at("/decoded/protocol").asText()).isEqualTo("socket.io");
        assertThat(ack.at("/decoded/ack").asInt()).isEqualTo(1);
        assertThat(ack.at("/decoded/args/0/sum").asInt()).isEqualTo(5);
        assertThat(run.frames("in", "text")).anySatisfy(f -> {
            assertThat(f.at("/decoded/event").asText()).isEqualTo("chat");
            assertThat(f.at("/decoded/args/0").asText()).isEqualTo("echo: hi");
        });
        assertThat(run.frames("out", "close")).isNotEmpty(); // we closed, on --count
    }

    @Test
    void socketIoNamespaceWithAuth() {
        CliRun ok = CliRun.of("connect", "ws://127.0.0.1:" + socketIo.port(), "--protocol", "socket.io",
                "--namespace", "/admin", "--protocol-payload", "{\"token\":\"abc\"}", "-n", "3", "--timeout", "30");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(texts(ok, "out")).first().isEqualTo("40/admin,{\"token\":\"abc\"}");
        assertThat(texts(ok, "in")).contains("42/admin,[\"admin\",{\"ok\":true}]");

        CliRun refused = CliRun.of("connect", "ws://127.0.0.1:" + socketIo.port(), "--protocol", "socket.io",
                "--namespace", "/admin", "--protocol-payload", "{\"token\":\"nope\"}", "-s", "never", "-n", "4",
                "--timeout", "30");
        assertThat(refused.err()).as(refused.toString()).contains("socket.io: the server refused namespace /admin: Not authorized");
        assertThat(texts(refused, "out")).doesNotContain("never"); // the handshake never completed
        assertThat(refused.err()).contains("socket.io: the handshake did not complete; 1 message(s) not sent");
    }

    @Test
    void aProfileSaysTheProtocol(@TempDir Path data) throws Exception {
        Path profiles = Files.createDirectories(data.resolve("profiles"));
        Files.writeString(profiles.resolve("sio.json"), "{\"name\":\"sio\",\"url\":\"ws://127.0.0.1:" + socketIo.port()
                + "\",\"protocol\":\"socket.io\"}");
        CliRun run = CliRun.of("connect", "--profile", "sio", "--data-dir", data.toString(), "-n", "3", "--timeout", "30");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(texts(run, "out")).first().isEqualTo("40");
        assertThat(texts(run, "in")).anyMatch(m -> m.startsWith("42[\"welcome\""));
    }

    @Test
    void graphQlWsSubscribesAndAnswersPings() {
        // in: connection_ack, next Hi, next Bonjour, complete = 4, then at least 4 pings
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:" + graphql.port(), "--protocol", "graphql-ws",
                "--protocol-payload", "{\"token\":\"t\"}", "--emit", "Greetings", "subscription Greetings { greetings }",
                "-n", "8", "--timeout", "30");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        List<String> out = texts(run, "out");
        assertThat(out.get(0)).isEqualTo("{\"type\":\"connection_init\",\"payload\":{\"token\":\"t\"}}");
        assertThat(out.get(1)).contains("\"type\":\"subscribe\"").contains("\"operationName\":\"Greetings\"");
        List<String> in = texts(run, "in");
        assertThat(in).contains("{\"type\":\"connection_ack\"}");
        assertThat(in).anyMatch(m -> m.contains("\"greetings\":\"Hi\"")).anyMatch(m -> m.contains("\"greetings\":\"Bonjour\""));
        long pings = in.stream().filter(m -> m.equals("{\"type\":\"ping\"}")).count();
        assertThat(pings).as(run.toString()).isGreaterThanOrEqualTo(3);
        // every ping answered, but the one that completed --count may have ended the run before its pong
        assertThat(out.stream().filter(m -> m.equals("{\"type\":\"pong\"}")).count()).isBetween(pings - 1, pings);
        assertThat(run.lines().stream().filter(l -> l.path("type").asText().equals("close"))
                .map(l -> l.path("code").asInt())).doesNotContain(4408);
    }
}
