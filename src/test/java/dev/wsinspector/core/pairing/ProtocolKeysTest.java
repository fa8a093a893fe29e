package dev.wsinspector.core.pairing;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** Each protocol's request and reply keys, read from the decoders' own samples where there are some. */
class ProtocolKeysTest {

    private static final ProtocolDecoders DECODERS = new ProtocolDecoders();

    static List<Correlation> keys(String decoder, byte[] payload, boolean text) {
        return new ProtocolKeys(DECODERS, ProtocolHint.NONE.withDecoder(decoder)).of(Direction.OUT, payload, text);
    }

    static List<Correlation> text(String decoder, String payload) {
        return keys(decoder, payload.getBytes(StandardCharsets.UTF_8), true);
    }

    static byte[] sample(String file) {
        try (InputStream in = ProtocolKeysTest.class.getResourceAsStream("/dev/wsinspector/core/payload/protocol/samples/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Correlation> sampleText(String decoder, String file) {
        return keys(decoder, sample(file), true);
    }

    @Test
    void jsonRpcRequestIdAndResponseIdMeetAndAStringIdIsNotANumber() {
        assertThat(text("json-rpc", "{\"jsonrpc\":\"2.0\",\"method\":\"add\",\"params\":[1,2],\"id\":7}"))
                .containsExactly(Correlation.request("rpc:v:7", "add"));
        assertThat(text("json-rpc", "{\"jsonrpc\":\"2.0\",\"result\":3,\"id\":7}")).containsExactly(Correlation.reply("rpc:v:7"));
        assertThat(text("json-rpc", "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-1,\"message\":\"x\"},\"id\":\"7\"}"))
                .containsExactly(Correlation.reply("rpc:s:7"));
        assertThat(text("json-rpc", "{\"jsonrpc\":\"2.0\",\"method\":\"tick\"}")).isEmpty(); // a notification
        assertThat(text("json-rpc", "[{\"jsonrpc\":\"2.0\",\"method\":\"a\",\"id\":1},{\"jsonrpc\":\"2.0\",\"method\":\"b\",\"id\":2}]"))
                .containsExactly(Correlation.request("rpc:v:1", "a"), Correlation.request("rpc:v:2", "b"));
    }

    @Test
    void socketIoEventWithAckIdAndItsAckPerNamespace() {
        assertThat(sampleText("socket.io", "socket.io/event-ack-ns.txt"))
                .containsExactly(Correlation.request("sio:/chat#v:12", "chat:message"));
        assertThat(text("socket.io", "43/chat,12[{\"ok\":true}]")).containsExactly(Correlation.reply("sio:/chat#v:12"));
        assertThat(sampleText("socket.io", "socket.io/ack.txt")).containsExactly(Correlation.reply("sio:/#v:12"));
        assertThat(text("socket.io", "4217[\"add\",1,2]")).containsExactly(Correlation.request("sio:/#v:17", "add"));
        assertThat(sampleText("socket.io", "socket.io/event.txt")).isEmpty(); // no ack asked
    }

    @Test
    void signalRInvocationStreamItemsAndCompletion() {
        assertThat(sampleText("signalr", "signalr/invocation.txt")).containsExactly(Correlation.request("signalr:s:7", "SendMessage"));
        assertThat(sampleText("signalr", "signalr/completion.txt")).containsExactly(Correlation.reply("signalr:s:7"));
        assertThat(sampleText("signalr", "signalr/stream-invocation.txt")).containsExactly(Correlation.request("signalr:s:2", "Counter"));
        assertThat(sampleText("signalr", "signalr/stream-item.txt")).containsExactly(Correlation.streamReply("signalr:s:2"));
        assertThat(sampleText("signalr", "signalr/two-records.txt")).containsExactly(Correlation.streamReply("signalr:s:2"));
        assertThat(sampleText("signalr", "signalr/invocation-noreply.txt")).isEmpty();
        assertThat(keys("signalr", sample("signalr-msgpack/invocation.bin"), false)).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(Correlation.Role.REQUEST));
        assertThat(keys("signalr", sample("signalr-msgpack/completion.bin"), false)).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(Correlation.Role.REPLY));
    }

    @Test
    void graphQlSubscribeAndItsNextErrorComplete() {
        assertThat(text("graphql-ws", "{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription OnPrice { price }\"}}"))
                .containsExactly(Correlation.request("gql:s:1", "OnPrice"));
        assertThat(text("graphql-ws", "{\"id\":\"2\",\"type\":\"subscribe\",\"payload\":{\"operationName\":\"Me\",\"query\":\"{ me }\"}}"))
                .containsExactly(Correlation.request("gql:s:2", "Me"));
        assertThat(text("graphql-ws", "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{}}}")).containsExactly(Correlation.streamReply("gql:s:1"));
        assertThat(text("graphql-ws", "{\"id\":\"1\",\"type\":\"complete\"}")).containsExactly(Correlation.reply("gql:s:1"));
        assertThat(text("graphql-ws", "{\"id\":\"1\",\"type\":\"error\",\"payload\":[]}")).containsExactly(Correlation.reply("gql:s:1"));
    }

    @Test
    void socketClusterCidAndRid() {
        assertThat(sampleText("socketcluster", "socketcluster/event.txt")).containsExactly(Correlation.request("sc:v:3", "chat"));
        assertThat(sampleText("socketcluster", "socketcluster/error-response.txt")).containsExactly(Correlation.reply("sc:v:3"));
        assertThat(sampleText("socketcluster", "socketcluster/handshake.txt")).containsExactly(Correlation.request("sc:v:1", "#handshake"));
        assertThat(sampleText("socketcluster", "socketcluster/publish.txt")).isEmpty();
    }

    @Test
    void stompReceiptHeaderAndReceiptId() {
        assertThat(text("stomp", "SEND\ndestination:/queue/a\nreceipt:77\n\nhi\0"))
                .containsExactly(Correlation.request("stomp:77", "/queue/a"));
        assertThat(text("stomp", "RECEIPT\nreceipt-id:77\n\n\0")).containsExactly(Correlation.reply("stomp:77"));
        assertThat(text("stomp", "ERROR\nreceipt-id:77\nmessage:bad\n\n\0")).containsExactly(Correlation.reply("stomp:77"));
        assertThat(text("stomp", "SEND\ndestination:/queue/a\n\nhi\0")).isEmpty();
    }

    @Test
    void mqttPacketIds() {
        List<Correlation> publish = keys("mqtt", sample("mqtt/publish-v4.bin"), false);
        List<Correlation> puback = keys("mqtt", sample("mqtt/puback-v4.bin"), false);
        List<Correlation> subscribe = keys("mqtt", sample("mqtt/subscribe-v4.bin"), false);
        List<Correlation> suback = keys("mqtt", sample("mqtt/suback-v4.bin"), false);
        List<Correlation> unsubscribe = keys("mqtt", sample("mqtt/unsubscribe-v4.bin"), false);
        assertThat(publish).singleElement().satisfies(c -> assertThat(c.key()).startsWith("mqtt-pub:"));
        assertThat(puback).singleElement().satisfies(c -> assertThat(c.role()).isEqualTo(Correlation.Role.REPLY));
        assertThat(subscribe).singleElement().satisfies(c -> assertThat(c.key()).startsWith("mqtt-sub:"));
        assertThat(suback.get(0).key()).isEqualTo(subscribe.get(0).key());
        assertThat(puback.get(0).key()).isEqualTo(publish.get(0).key()).isEqualTo("mqtt-pub:10");
        assertThat(publish.get(0).method()).isEqualTo("sensors/1");
        assertThat(unsubscribe).singleElement().satisfies(c -> assertThat(c.key()).startsWith("mqtt-unsub:"));
        assertThat(keys("mqtt", sample("mqtt/pingreq.bin"), false)).isEmpty();
    }
}
