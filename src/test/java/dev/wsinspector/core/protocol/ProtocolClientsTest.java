package dev.wsinspector.core.protocol;

import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.MqttEncoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The protocol clients as state machines, fed what servers send (with a fake clock), citing the specifications. */
class ProtocolClientsTest {

    private static List<String> texts(List<Encoded> messages) {
        return messages.stream().map(Encoded::asText).toList();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ProtocolClient client(ClientProtocol p, ClientProtocol.Settings s) {
        return p.create(s).orElseThrow();
    }

    @Test
    void socketIoConnectsTheNamespaceAnswersPingsAndBecomesReady() throws Exception {
        ProtocolClient c = client(ClientProtocol.SOCKET_IO, ClientProtocol.Settings.defaults()
                .withNamespace("/admin").withPayload("{\"token\":\"abc\"}"));
        assertThat(c.onOpen(0)).isEmpty();
        // engine.io-protocol v4 "open": the server speaks first
        assertThat(texts(c.onMessage(utf8("0{\"sid\":\"x\",\"pingInterval\":300,\"pingTimeout\":200}"), true, 1)))
                .containsExactly("40/admin,{\"token\":\"abc\"}");
        assertThat(c.ready()).isFalse();
        assertThat(texts(c.onMessage(utf8("2"), true, 2))).containsExactly("3");
        c.onMessage(utf8("40{\"sid\":\"other-ns\"}"), true, 3); // the main namespace's CONNECT is not ours
        assertThat(c.ready()).isFalse();
        c.onMessage(utf8("40/admin,{\"sid\":\"s1\"}"), true, 4);
        assertThat(c.ready()).isTrue();
        assertThat(c.emit("chat", "[\"hi\"]").asText()).isEqualTo("42/admin,[\"chat\",\"hi\"]");
        assertThat(c.call("add", "[1,2]").asText()).isEqualTo("42/admin,1[\"add\",1,2]");
        assertThat(c.call("add", "[3]").asText()).isEqualTo("42/admin,2[\"add\",3]");
        assertThat(c.onTick(100_000)).isEmpty(); // v4 clients never ping on their own
    }

    @Test
    void socketIoConnectErrorIsAProblem() {
        ProtocolClient c = client(ClientProtocol.SOCKET_IO, ClientProtocol.Settings.defaults());
        assertThat(texts(c.onMessage(utf8("0{\"sid\":\"x\"}"), true, 0))).containsExactly("40");
        c.onMessage(utf8("44{\"message\":\"Not authorized\"}"), true, 1);
        assertThat(c.ready()).isFalse();
        assertThat(c.problem()).contains("Not authorized");
    }

    @Test
    void signalRHandshakeAndPings() throws Exception {
        ProtocolClient c = client(ClientProtocol.SIGNALR, ClientProtocol.Settings.defaults().withKeepAliveMillis(1000));
        // HubProtocol.md "Overview": the handshake request, then the empty response
        assertThat(texts(c.onOpen(0))).containsExactly("{\"protocol\":\"json\",\"version\":1}\u001e");
        assertThat(c.onMessage(utf8("{}\u001e"), true, 10)).isEmpty();
        assertThat(c.ready()).isTrue();
        assertThat(texts(c.onMessage(utf8("{\"type\":6}\u001e"), true, 20))).containsExactly("{\"type\":6}\u001e");
        c.sent(20);
        assertThat(c.onTick(500)).isEmpty();
        assertThat(texts(c.onTick(1020))).containsExactly("{\"type\":6}\u001e");
        assertThat(c.call("Add", "[1,2]").asText())
                .isEqualTo("{\"type\":1,\"target\":\"Add\",\"arguments\":[1,2],\"invocationId\":\"1\"}\u001e");
        assertThat(c.emit("Send", "\"x\"").asText()).isEqualTo("{\"type\":1,\"target\":\"Send\",\"arguments\":[\"x\"]}\u001e");
    }

    @Test
    void signalRRefusedHandshake() {
        ProtocolClient c = client(ClientProtocol.SIGNALR, ClientProtocol.Settings.defaults());
        c.onOpen(0);
        c.onMessage(utf8("{\"error\":\"Requested protocol 'json' is not available.\"}\u001e"), true, 1);
        assertThat(c.ready()).isFalse();
        assertThat(c.problem()).contains("not available");
    }

    @Test
    void graphQlWsInitAckAndPong() throws Exception {
        ProtocolClient c = client(ClientProtocol.GRAPHQL_WS, ClientProtocol.Settings.defaults().withPayload("{\"token\":\"t\"}"));
        // PROTOCOL.md "ConnectionInit", "ConnectionAck", "Ping"/"Pong"
        assertThat(texts(c.onOpen(0))).containsExactly("{\"type\":\"connection_init\",\"payload\":{\"token\":\"t\"}}");
        c.onMessage(utf8("{\"type\":\"connection_ack\"}"), true, 1);
        assertThat(c.ready()).isTrue();
        assertThat(texts(c.onMessage(utf8("{\"type\":\"ping\"}"), true, 2))).containsExactly("{\"type\":\"pong\"}");
        assertThat(c.onMessage(utf8("{\"type\":\"pong\"}"), true, 3)).isEmpty();
        assertThat(c.emit("Greetings", "subscription { greetings }").asText()).isEqualTo(
                "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { greetings }\",\"operationName\":\"Greetings\"}}");
    }

    @Test
    void stompConnectNegotiatesHeartBeats() throws Exception {
        StompClient c = (StompClient) client(ClientProtocol.STOMP, ClientProtocol.Settings.defaults()
                .withHost("broker.example").withKeepAliveMillis(1000));
        assertThat(texts(c.onOpen(0))).containsExactly(
                "CONNECT\naccept-version:1.2,1.1,1.0\nhost:broker.example\nheart-beat:1000,1000\n\n\0");
        // STOMP 1.2 "Heart-beating": we send every max(cx=1000, sy=4000) ms
        c.onMessage(utf8("CONNECTED\nversion:1.2\nheart-beat:4000,4000\n\n\0"), true, 10);
        assertThat(c.ready()).isTrue();
        assertThat(c.heartbeatEvery()).isEqualTo(4000);
        assertThat(c.onTick(3000)).isEmpty();
        assertThat(texts(c.onTick(4010))).containsExactly("\n");
        assertThat(c.call("/queue/a", "hi").asText()).isEqualTo(
                "SEND\ndestination:/queue/a\nreceipt:1\ncontent-length:2\n\nhi\0");
        StompClient refused = (StompClient) client(ClientProtocol.STOMP, ClientProtocol.Settings.defaults());
        refused.onOpen(0);
        refused.onMessage(utf8("ERROR\nmessage:bad login\n\n\0"), true, 1);
        assertThat(refused.problem()).isEqualTo("the broker sent ERROR: bad login");
        // a server that sends no heart-beats gets none
        StompClient quiet = (StompClient) client(ClientProtocol.STOMP, ClientProtocol.Settings.defaults());
        quiet.onOpen(0);
        quiet.onMessage(utf8("CONNECTED\nversion:1.2\n\n\0"), true, 1);
        assertThat(quiet.heartbeatEvery()).isZero();
        assertThat(quiet.onTick(1_000_000)).isEmpty();
    }

    @Test
    void mqttConnectPingreqAndPuback() throws Exception {
        ProtocolClient c = new MqttClient("c1", 2, 4);
        assertThat(c.onOpen(0).get(0).payload()).isEqualTo(MqttEncoder.connect(4, "c1", 2, true, null, null));
        c.onMessage(HexFormat.of().parseHex("20020000"), false, 5); // CONNACK accepted (§3.2)
        assertThat(c.ready()).isTrue();
        assertThat(c.onTick(1000)).isEmpty();
        assertThat(c.onTick(2000).get(0).payload()).isEqualTo(MqttEncoder.pingreq()); // §3.1.2.10
        // PUBLISH QoS 1, topic "a", packet id 0x0102 → PUBACK 0x0102 (§3.4)
        assertThat(c.onMessage(HexFormat.of().parseHex("3206000161010278"), false, 2100).get(0).payload())
                .isEqualTo(HexFormat.of().parseHex("40020102"));
        assertThat(c.call("t", "x").payload()).isEqualTo(MqttEncoder.publish(4, "t", 1, false, 1, utf8("x")));
        ProtocolClient refused = new MqttClient("c1", 2, 4);
        refused.onOpen(0);
        refused.onMessage(HexFormat.of().parseHex("20020005"), false, 1);
        assertThat(refused.ready()).isFalse();
        assertThat(refused.problem()).contains("code 5");
    }

    @Test
    void protocolNamesAndUrls() {
        assertThat(ClientProtocol.byId("Socket.IO")).contains(ClientProtocol.SOCKET_IO);
        assertThat(ClientProtocol.byId("")).contains(ClientProtocol.RAW);
        assertThat(ClientProtocol.byId("xmpp")).isEmpty();
        assertThat(ClientProtocol.SOCKET_IO.connectUri(java.net.URI.create("ws://127.0.0.1:3000")).toString())
                .isEqualTo("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket");
        assertThat(ClientProtocol.SOCKET_IO.connectUri(java.net.URI.create("ws://h/socket.io/?EIO=4&transport=websocket")))
                .hasToString("ws://h/socket.io/?EIO=4&transport=websocket");
        assertThat(ClientProtocol.RAW.create(ClientProtocol.Settings.defaults())).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClientProtocol.GRAPHQL_WS.create(
                ClientProtocol.Settings.defaults().withPayload("[1]"))).hasMessageContaining("JSON object");
    }
}
