package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.subprotocol;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocols without a library that runs here (Action Cable's server is Ruby, ClusterWS's client needs a browser),
 * the frames the libraries never wrote in the fixture (SockJS's {@code h}), and how a decoder is chosen. Samples
 * are copied from the specifications and sources cited at each test.
 */
class SpecSamplesTest {

    private final ProtocolDecoders decoders = new ProtocolDecoders();

    private Optional<Decoded> decode(String payload, ProtocolHint hint) {
        return decoders.decode(utf8(payload), true, hint);
    }

    private Decoded decoded(String payload, ProtocolHint hint) {
        return decode(payload, hint).orElseThrow(() -> new AssertionError("not decoded: " + payload));
    }

    /** Rails guides, "Action Cable Overview", and actioncable/lib/action_cable/connection/base.rb (message types). */
    @Test
    void actionCable() {
        ProtocolHint cable = new ProtocolHint("actioncable-v1-json", "wss://example.com/cable");
        assertThat(decoded("{\"type\":\"welcome\"}", NONE).summary()).isEqualTo("welcome");
        Decoded ping = decoded("{\"type\":\"ping\",\"message\":1700000000}", NONE);
        assertThat(ping.id()).isEqualTo(ProtocolId.ACTION_CABLE);
        assertThat(ping.summary()).isEqualTo("ping 1700000000");
        Decoded confirm = decoded("{\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\",\\\"room\\\":\\\"1\\\"}\","
                + "\"type\":\"confirm_subscription\"}", NONE);
        assertThat(confirm.summary()).isEqualTo("confirm_subscription ChatChannel");
        assertThat(confirm.toJson().get("channel").asText()).isEqualTo("ChatChannel");
        Decoded subscribe = decoded("{\"command\":\"subscribe\",\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\"}\"}", NONE);
        assertThat(subscribe.summary()).isEqualTo("subscribe ChatChannel");
        Decoded speak = decoded("{\"command\":\"message\",\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\"}\","
                + "\"data\":\"{\\\"action\\\":\\\"speak\\\",\\\"message\\\":\\\"hi\\\"}\"}", NONE);
        assertThat(speak.summary()).isEqualTo("message ChatChannel speak");
        assertThat(speak.toJson().at("/data/message").asText()).isEqualTo("hi");
        Decoded broadcast = decoded("{\"identifier\":\"{\\\"channel\\\":\\\"ChatChannel\\\"}\",\"message\":{\"body\":\"hi\"}}", NONE);
        assertThat(broadcast.summary()).isEqualTo("message ChatChannel");
        assertThat(decoded("{\"type\":\"disconnect\",\"reason\":\"unauthorized\",\"reconnect\":false}", NONE).summary())
                .isEqualTo("disconnect (unauthorized)");
        // Hinted, what is not Action Cable is reported; unhinted it is left alone.
        assertThat(decoded("{\"type\":\"hello\"}", cable).malformed()).isTrue();
        assertThat(decode("{\"type\":\"hello\"}", NONE)).isEmpty();
    }

    /** clusterws-client-js src/index.ts (encode, decode, the '#0' ping) and ClusterWS v4's binary ping 57 / pong 65. */
    @Test
    void clusterWs() {
        ProtocolHint forced = NONE.withDecoder("clusterws");
        Decoded emit = decoded("{\"#\":[\"e\",\"chat\",{\"text\":\"hi\"}]}", NONE);
        assertThat(emit.id()).isEqualTo(ProtocolId.CLUSTERWS);
        assertThat(emit.summary()).isEqualTo("EVENT chat");
        assertThat(decoded("{\"#\":[\"p\",\"news\",\"flash\"]}", NONE).toJson().get("channel").asText()).isEqualTo("news");
        assertThat(decoded("{\"#\":[\"s\",\"s\",\"news\"]}", NONE).summary()).isEqualTo("subscribe news");
        assertThat(decoded("{\"#\":[\"s\",\"c\",{\"ping\":20000,\"binary\":false}]}", NONE).summary()).isEqualTo("configuration");
        assertThat(decode("9", NONE)).isEmpty();
        assertThat(decoded("9", forced).summary()).isEqualTo("ping (9)");
        assertThat(decoded("A", forced).summary()).isEqualTo("pong (A)");
        assertThat(decoded("#0", forced).summary()).isEqualTo("ping (#0)");
        assertThat(decoders.decode(new byte[]{57}, false, forced)).get().extracting(Decoded::summary).isEqualTo("ping (9)");
        assertThat(decoded("[\"p\",\"news\",1]", forced).summary()).isEqualTo("PUBLISH news");
    }

    /** sockjs-protocol 0.3.3, "Framing": {@code h} is the heartbeat frame. */
    @Test
    void sockJsHeartbeatNeedsTheHint() {
        ProtocolHint sockjs = new ProtocolHint("", "https://example.com/sockjs/123/abc/websocket");
        assertThat(decoded("h", sockjs).summary()).isEqualTo("heartbeat");
        assertThat(decode("h", NONE)).isEmpty();
        assertThat(decoded("x", sockjs).malformed()).isTrue();
    }

    /** WAMP specification, "Message Definitions": a message of the wrong length is malformed on a WAMP connection. */
    @Test
    void wampChecksTheMessagesShape() {
        ProtocolHint wamp = subprotocol("wamp.2.json");
        assertThat(decoded("[48,1,{}]", wamp).problem()).isEqualTo("CALL has 4 to 6 elements, not 3");
        assertThat(decoded("[99]", wamp).problem()).isEqualTo("unknown message code 99");
        assertThat(decoded("[36,1,2,{},[1]]\u001e[17,3,4]\u001e", subprotocol("wamp.2.json.batched")).summary())
                .isEqualTo("2 messages: EVENT subscription 1, …");
        assertThat(decode("[48,1,{},\"com.add\"]", NONE)).isEmpty();
    }

    /** ASP.NET Core SignalR, "Hub protocol" (JSON encoding): records end with 0x1E. */
    @Test
    void signalRNeedsTheRecordSeparator() {
        ProtocolHint signalr = NONE.withDecoder("signalr");
        assertThat(decode("{\"type\":6}", NONE)).isEmpty();
        assertThat(decoded("{\"type\":6}", signalr).problem()).contains("0x1E");
        assertThat(decoded("{\"type\":42}\u001e", signalr).problem()).isEqualTo("unknown message type 42");
        assertThat(decoded("{\"type\":1}\u001e", signalr).problem()).isEqualTo("Invocation needs a target");
    }

    @Test
    void theChoiceGoesUserThenSubprotocolThenUrlThenContent() {
        String stompInSockJs = "a[\"MESSAGE\\ndestination:/topic/x\\n\\nhi\\u0000\"]";
        assertThat(decoded(stompInSockJs, NONE).id()).isEqualTo(ProtocolId.SOCKJS);
        assertThat(decoded(stompInSockJs, NONE).summary()).isEqualTo("message: STOMP MESSAGE /topic/x (2 B)");
        // Forced: only that decoder, which then reads everything and reports what it cannot.
        Decoded forcedStomp = decoded(stompInSockJs, NONE.withDecoder("stomp"));
        assertThat(forcedStomp.id()).isEqualTo(ProtocolId.STOMP);
        assertThat(forcedStomp.malformed()).isTrue();
        // Off: nothing, whatever the hint.
        assertThat(decode("42[\"a\"]", DecoderTesting.SOCKET_IO_URL.withDecoder("none"))).isEmpty();
        // A protocol no decoder reads yet (the binary formats come later) gives nothing rather than a wrong guess.
        assertThat(decode("42[\"a\"]", NONE.withDecoder("mqtt"))).isEmpty();
        // The subprotocol and the URL name their decoders.
        assertThat(decoded("[48,1,{},\"com.add\"]", subprotocol("wamp.2.json")).id()).isEqualTo(ProtocolId.WAMP);
        assertThat(decoded("{\"type\":\"ping\"}", new ProtocolHint("", "wss://x.example/cable")).id())
                .isEqualTo(ProtocolId.ACTION_CABLE);
        assertThat(decoded("", new ProtocolHint("", "wss://x.example/socketcluster/")).id())
                .isEqualTo(ProtocolId.SOCKETCLUSTER);
    }

    @Test
    void everyProtocolIdIsADecoderChoice() {
        for (ProtocolId id : ProtocolId.values()) {
            assertThat(NONE.withDecoder(id.id().toUpperCase(java.util.Locale.ROOT)).forced()).contains(id);
        }
        assertThat(NONE.withDecoder("auto").forced()).isEmpty();
        assertThat(NONE.withDecoder("none").off()).isTrue();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> NONE.withDecoder("xml"))
                .withMessageContaining("socket.io");
        assertThat(decoders.protocols()).contains(ProtocolId.SOCKET_IO, ProtocolId.ENGINE_IO, ProtocolId.SIGNALR,
                ProtocolId.JSON_RPC, ProtocolId.STOMP, ProtocolId.GRAPHQL_WS, ProtocolId.SOCKETCLUSTER,
                ProtocolId.CLUSTERWS, ProtocolId.SOCKJS, ProtocolId.WAMP, ProtocolId.ACTION_CABLE);
    }
}
