package dev.wsinspector.cli;

import dev.wsinspector.testutil.TestEchoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** --protocol, --emit and --call: help, usage errors (exit 2) and JSON-RPC calls without a protocol, on the echo server. */
@Timeout(30)
class ProtocolOptionsTest {

    private static TestEchoServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = TestEchoServer.launch();
        url = server.uri().toString();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void helpListsEveryProtocolAndDecoder() {
        CliRun help = CliRun.of("connect", "--help");
        assertThat(help.exitCode()).isZero();
        String out = help.out().replaceAll("\\s+", " ");
        assertThat(out).contains("--protocol=NAME").contains("raw, socket.io, signalr, graphql-ws, stomp, mqtt")
                .contains("--emit=NAME JSON").contains("--call=NAME JSON").contains("--protocol-payload=JSON");
        for (String decoder : new String[] {"socket.io", "engine.io", "signalr", "json-rpc", "stomp", "graphql-ws", "mqtt",
                "msgpack", "cbor", "protobuf", "sockjs", "wamp", "socketcluster", "clusterws", "action-cable"}) {
            assertThat(out).contains(decoder);
        }
    }

    @Test
    void badCombinationsAreUsageErrors() {
        CliRun emit = CliRun.of("connect", url, "--emit", "chat", "[1]");
        assertThat(emit.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(emit.err()).contains("--emit chat: --emit needs --protocol");
        CliRun unknown = CliRun.of("connect", url, "--protocol", "xmpp");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'xmpp' is not a protocol; choose one of raw, socket.io");
        CliRun json = CliRun.of("connect", url, "--protocol", "socket.io", "--emit", "chat", "[1,");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(json.err()).contains("--emit chat: the arguments: invalid JSON").doesNotContain("Exception");
        CliRun topic = CliRun.of("connect", url, "--protocol", "mqtt", "--emit", "a/#", "x");
        assertThat(topic.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(topic.err()).contains("cannot contain the wildcards");
        CliRun ns = CliRun.of("connect", url, "--namespace", "/admin");
        assertThat(ns.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ns.err()).contains("--namespace needs --protocol socket.io");
        CliRun payload = CliRun.of("connect", url, "--protocol", "graphql-ws", "--protocol-payload", "[1]");
        assertThat(payload.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(payload.err()).contains("must be a JSON object");
        CliRun half = CliRun.of("connect", url, "--emit", "only-a-name");
        assertThat(half.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(half.err()).contains("takes two values: NAME JSON");
    }

    @Test
    void callWithoutAProtocolIsJsonRpcInOrderWithSends() {
        CliRun run = CliRun.of("connect", url, "--call", "add", "[2,3]", "-s", "plain", "--call", "sub", "{\"a\":1}", "-n", "3");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.frames("out", "text")).extracting(f -> f.get("text").asText()).containsExactly(
                "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[2,3],\"id\":1}", "plain",
                "{\"jsonrpc\":\"2.0\",\"method\":\"sub\",\"params\":{\"a\":1},\"id\":2}");
        assertThat(run.frames("in", "text").get(0).at("/decoded/summary").asText()).isEqualTo("request #1 add");
    }
}
