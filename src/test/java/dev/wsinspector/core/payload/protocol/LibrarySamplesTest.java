package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoders against byte-exact messages written by the protocols' own libraries from the npm registry:
 * socket.io-parser 4 with engine.io-parser 5, @microsoft/signalr's JsonHubProtocol and HandshakeProtocol, a real
 * sockjs 0.3 server (its raw WebSocket transport, read with ws), sc-formatter 4 (SocketCluster's codec) and
 * autobahn's JSONSerializer for WAMP. The samples are committed under {@code src/test/resources/…/protocol/samples};
 * to regenerate them: {@code cd src/test/node && npm ci && npm run samples} (see write-samples.js), then run this
 * test, which also fails when a sample has no expectation here.
 */
class LibrarySamplesTest {

    private static final String ROOT = "/dev/wsinspector/core/payload/protocol/samples/";
    private static final ProtocolHint SOCKET_IO = DecoderTesting.SOCKET_IO_URL;
    private static final ProtocolHint SOCKJS = new ProtocolHint("", "ws://127.0.0.1:8080/echo/000/abcdefgh/websocket");
    private static final ProtocolHint SOCKETCLUSTER = new ProtocolHint("", "wss://example.com/socketcluster/");
    private static final ProtocolHint SIGNALR = new ProtocolHint("", "wss://example.com/signalr/chat?id=x");
    private static final ProtocolHint WAMP = DecoderTesting.subprotocol("wamp.2.json");
    private static final ProtocolHint NONE = ProtocolHint.NONE;

    private final ProtocolDecoders decoders = new ProtocolDecoders();

    /** Sample, the hint it is read with, and what must come out: protocol id, summary, one member of the JSON. */
    static Stream<Arguments> samples() {
        return Stream.of(
                sample("engine.io/open.txt", NONE, "engine.io", "open sid lv_VI97HAXpY6yYWAAAC (ping every 25000 ms)",
                        "/data/pingTimeout", "20000"),
                sample("engine.io/ping.txt", SOCKET_IO, "engine.io", "ping", "/packet", "ping"),
                sample("engine.io/pong.txt", SOCKET_IO, "engine.io", "pong", "/packet", "pong"),
                sample("engine.io/probe.txt", SOCKET_IO, "engine.io", "ping \"probe\"", "/data", "probe"),
                sample("socket.io/connect.txt", NONE, "socket.io", "CONNECT /", "/data/sid", "YfT2X1bFBNQc2Q1BAAAD"),
                sample("socket.io/connect-admin-auth.txt", NONE, "socket.io", "CONNECT /admin", "/data/token", "abc"),
                sample("socket.io/event.txt", NONE, "socket.io", "EVENT \"welcome\"", "/args/0/user", "ann"),
                sample("socket.io/event-ack-ns.txt", NONE, "socket.io", "EVENT \"chat:message\" (ack 12) on /chat",
                        "/args/0", "héllo ✓"),
                sample("socket.io/ack.txt", NONE, "socket.io", "ACK 12", "/ack", "12"),
                sample("socket.io/connect-error.txt", NONE, "socket.io", "CONNECT_ERROR \"Not authorized\"",
                        "/data/code", "401"),
                sample("socket.io/disconnect.txt", SOCKET_IO, "socket.io", "DISCONNECT /chat", "/namespace", "/chat"),
                sample("socket.io/binary-event.txt", NONE, "socket.io", "BINARY_EVENT \"upload\" (1 attachment)",
                        "/attachments", "1"),
                sample("socket.io/binary-event-attachment-1.bin", SOCKET_IO, "socket.io",
                        "binary attachment, 3 B (see the Hex view)", "/length", "3"),
                sample("signalr/handshake-request.txt", NONE, "signalr", "handshake json v2", "/hubProtocol", "json"),
                sample("signalr/handshake-response.txt", NONE, "signalr", "handshake accepted", "/type", "HandshakeResponse"),
                sample("signalr/handshake-error.txt", NONE, "signalr",
                        "handshake refused: Requested protocol 'xml' is not available.", "/type", "HandshakeResponse"),
                sample("signalr/invocation.txt", NONE, "signalr", "Invocation SendMessage(2 arguments) #7",
                        "/arguments/1", "hello"),
                sample("signalr/invocation-noreply.txt", SIGNALR, "signalr", "Invocation ReceiveMessage(2 arguments)",
                        "/target", "ReceiveMessage"),
                sample("signalr/stream-invocation.txt", NONE, "signalr", "StreamInvocation Counter(2 arguments) #2",
                        "/typeCode", "4"),
                sample("signalr/stream-item.txt", NONE, "signalr", "StreamItem #2", "/item", "3"),
                sample("signalr/completion.txt", NONE, "signalr", "Completion #7 result", "/result", "42"),
                sample("signalr/completion-error.txt", NONE, "signalr", "Completion #8 error: Method does not exist.",
                        "/error", "Method does not exist."),
                sample("signalr/cancel.txt", NONE, "signalr", "CancelInvocation #2", "/invocationId", "2"),
                sample("signalr/ping.txt", NONE, "signalr", "Ping", "/type", "Ping"),
                sample("signalr/close.txt", NONE, "signalr", "Close: Connection closed with an error. (may reconnect)",
                        "/allowReconnect", "true"),
                sample("signalr/two-records.txt", NONE, "signalr", "2 records: Ping, StreamItem #2", "/records/1/item", "4"),
                sample("sockjs/open.txt", SOCKJS, "sockjs", "open", "/frame", "open"),
                sample("sockjs/array-stomp.txt", NONE, "sockjs", "message: STOMP SEND /app/chat (application/json, 13 B)",
                        "/decoded/0/headers/destination", "/app/chat"),
                sample("sockjs/array.txt", NONE, "sockjs", "message: second ✓ \"quoted\"", "/messages/0",
                        "second ✓ \"quoted\""),
                sample("sockjs/client-send.txt", SOCKJS, "sockjs", "message: STOMP SEND /app/chat (application/json, 13 B)",
                        "/decoded/0/command", "SEND"),
                sample("sockjs/close.txt", NONE, "sockjs", "close 3000 \"Go away!\"", "/reason", "Go away!"),
                sample("socketcluster/handshake.txt", NONE, "socketcluster", "#handshake (cid 1)", "/cid", "1"),
                sample("socketcluster/handshake-response.txt", NONE, "socketcluster",
                        "handshake response rid 1 id sEX2kp9FUvSZR6D1AAAA", "/data/pingTimeout", "20000"),
                sample("socketcluster/subscribe.txt", NONE, "socketcluster", "#subscribe sensors/1 (cid 2)", "/channel",
                        "sensors/1"),
                sample("socketcluster/publish.txt", NONE, "socketcluster", "#publish sensors/1", "/data/t", "21.5"),
                sample("socketcluster/event.txt", NONE, "socketcluster", "EVENT chat (cid 3)", "/data", "hello"),
                sample("socketcluster/error-response.txt", NONE, "socketcluster", "response rid 3 error: Nope",
                        "/error/name", "BadRequest"),
                sample("socketcluster/batch.txt", NONE, "socketcluster", "batch of 2: #publish a, …",
                        "/messages/1/channel", "b"),
                sample("socketcluster/ping-v1.txt", SOCKETCLUSTER, "socketcluster", "ping (v1)", "/version", "1"),
                sample("socketcluster/pong-v1.txt", SOCKETCLUSTER, "socketcluster", "pong (v1)", "/packet", "pong"),
                sample("socketcluster/ping-v2.txt", SOCKETCLUSTER, "socketcluster", "ping/pong (v2)", "/version", "2"),
                sample("wamp/hello.txt", NONE, "wamp", "HELLO realm1", "/details/authmethods/0", "anonymous"),
                sample("wamp/welcome.txt", NONE, "wamp", "WELCOME session 9129137332", "/session", "9129137332"),
                sample("wamp/call.txt", WAMP, "wamp", "CALL com.myapp.add #7814135", "/args/1", "3"),
                sample("wamp/result.txt", WAMP, "wamp", "RESULT #7814135", "/args/0", "5"),
                sample("wamp/error.txt", WAMP, "wamp", "ERROR wamp.error.no_such_procedure (CALL) #7814135",
                        "/requestTypeName", "CALL"),
                sample("wamp/subscribe.txt", WAMP, "wamp", "SUBSCRIBE com.myapp.mytopic1 #713845233", "/topic",
                        "com.myapp.mytopic1"),
                sample("wamp/event.txt", WAMP, "wamp", "EVENT subscription 5512315355", "/kwargs/color", "orange"),
                sample("wamp/goodbye.txt", WAMP, "wamp", "GOODBYE wamp.close.system_shutdown", "/type", "GOODBYE"));
    }

    private static Arguments sample(String file, ProtocolHint hint, String protocol, String summary, String pointer,
                                    String value) {
        return Arguments.of(file, hint, protocol, summary, pointer, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void decodesTheLibrarysMessage(String file, ProtocolHint hint, String protocol, String summary, String pointer,
                                   String value) throws IOException {
        byte[] payload = read(file);
        boolean text = file.endsWith(".txt");
        Decoded decoded = decoders.decode(payload, text, hint).orElseThrow(() -> new AssertionError(file + " not decoded"));
        assertThat(decoded.malformed()).as(decoded.problem()).isFalse();
        assertThat(decoded.id().id()).isEqualTo(protocol);
        assertThat(decoded.summary()).isEqualTo(summary);
        ObjectNode json = decoded.toJson();
        assertThat(json.get("protocol").asText()).isEqualTo(protocol);
        assertThat(json.at(pointer).asText()).as(pointer + " of " + json).isEqualTo(value);
        // Forcing the protocol reads the same message the same way.
        Decoded forced = decoders.decode(payload, text, ProtocolHint.NONE.withDecoder(protocol)).orElseThrow();
        assertThat(forced.summary()).isEqualTo(summary);
    }

    @Test
    void everySampleHasAnExpectation() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(getClass().getResource(ROOT)).toURI());
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = samples().map(a -> (String) a.get()[0]).collect(Collectors.toCollection(TreeSet::new));
        assertThat(onDisk).isEqualTo(expected);
    }

    @Test
    void thePingsThatAreNextToNothingNeedTheHint() throws IOException {
        for (String file : List.of("engine.io/ping.txt", "socketcluster/ping-v1.txt", "socketcluster/ping-v2.txt",
                "sockjs/open.txt", "wamp/call.txt", "socket.io/binary-event-attachment-1.bin")) {
            assertThat(decoders.decode(read(file), file.endsWith(".txt"), NONE)).as(file).isEmpty();
        }
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = LibrarySamplesTest.class.getResourceAsStream(ROOT + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        }
    }
}
