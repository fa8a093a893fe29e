package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encoders byte for byte against messages the protocols' own npm libraries wrote (the decoder samples of
 * src/test/node/write-samples.js: socket.io-parser 4, @microsoft/signalr's JsonHubProtocol, mqtt-packet 9,
 * @msgpack/msgpack, protobufjs).
 */
class EncoderSamplesTest {

    private static final String ROOT = "/dev/wsinspector/core/payload/protocol/";

    static byte[] read(String file) throws IOException {
        try (InputStream in = Objects.requireNonNull(EncoderSamplesTest.class.getResourceAsStream(ROOT + file), file)) {
            return in.readAllBytes();
        }
    }

    static String text(String file) throws IOException {
        return new String(read(file), StandardCharsets.UTF_8);
    }

    private static Encoded encode(MessageFormat format, EncodeRequest request) throws EncodeException {
        return format.encode(request, EncodeContext.fresh());
    }

    @Test
    void socketIoEventsAsSocketIoParserWritesThem() throws Exception {
        assertThat(encode(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[{\"user\":\"ann\",\"rooms\":[1,2]}]",
                "event", "welcome")).asText()).isEqualTo(text("samples/socket.io/event.txt"));
        assertThat(encode(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("\"héllo ✓\"", "event", "chat:message",
                "namespace", "/chat", "ackId", "12")).asText()).isEqualTo(text("samples/socket.io/event-ack-ns.txt"));
        assertThat(SocketIoEncoder.connect("/admin", JsonNodeFactory.instance.objectNode().put("token", "abc")))
                .isEqualTo(text("samples/socket.io/connect-admin-auth.txt"));
        assertThat(SocketIoEncoder.ack("/", 12, JsonNodeFactory.instance.arrayNode()
                .add(JsonNodeFactory.instance.objectNode().put("ok", true)))).isEqualTo(text("samples/socket.io/ack.txt"));
        assertThat(SocketIoEncoder.pong()).isEqualTo(text("samples/engine.io/pong.txt"));
    }

    @Test
    void signalRRecordsAsJsonHubProtocolWritesThem() throws Exception {
        Encoded e = encode(MessageFormat.SIGNALR_INVOCATION, EncodeRequest.of("[\"ann\",\"hello\"]", "target", "ReceiveMessage"));
        assertThat(e.text()).isTrue();
        assertThat(e.asText()).isEqualTo(text("samples/signalr/invocation-noreply.txt"));
        assertThat(SignalREncoder.ping()).isEqualTo(text("samples/signalr/ping.txt"));
    }

    @Test
    void mqttPacketsAsMqttPacketWritesThem() throws Exception {
        Encoded publish = encode(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("{\"t\":21.5}", "topic", "sensors/1",
                "qos", "1", "packetId", "10"));
        assertThat(publish.text()).isFalse();
        assertThat(publish.payload()).isEqualTo(read("samples/mqtt/publish-v4.bin"));
        assertThat(encode(MessageFormat.MQTT_CONNECT, EncodeRequest.of("", "clientId", "inspector-1", "keepAlive", "60",
                "username", "ann", "password", "secret")).payload()).isEqualTo(read("samples/mqtt/connect-v4.bin"));
        assertThat(MqttEncoder.subscribe(4, 11, List.of(new MqttEncoder.Subscription("sensors/#", 1),
                new MqttEncoder.Subscription("alerts", 0)))).isEqualTo(read("samples/mqtt/subscribe-v4.bin"));
        assertThat(encode(MessageFormat.MQTT_PINGREQ, EncodeRequest.of("")).payload()).isEqualTo(read("samples/mqtt/pingreq.bin"));
        assertThat(encode(MessageFormat.MQTT_DISCONNECT, EncodeRequest.of("")).payload())
                .isEqualTo(read("samples/mqtt/disconnect-v4.bin"));
    }

    @Test
    void messagePackAsMsgpackJsWritesIt() throws Exception {
        assertThat(encode(MessageFormat.MSGPACK, EncodeRequest.of("[1, -2, \"three\", [4], {\"five\": 5}]")).payload())
                .isEqualTo(read("samples/msgpack/array.bin"));
        assertThat(encode(MessageFormat.MSGPACK, EncodeRequest.of("\"just a string\"")).payload())
                .isEqualTo(read("samples/msgpack/scalar.bin"));
    }

    @Test
    void protobufFromJsonAsProtobufJsWritesIt() throws Exception {
        ProtobufSchema schema = ProtobufSchema.parse(read("descriptors/demo.desc"), "demo.Reading");
        String json = """
                {"sensor": "sensors/1", "value": 21.5, "at": "1700000000123", "tags": ["lab", "ü"], "unit": "CELSIUS",
                 "meta": {"source": "bench", "calibrated": true}, "delta": -3}""";
        Encoded e = MessageFormat.PROTOBUF.encode(EncodeRequest.of(json), EncodeContext.fresh().withProtobuf(schema));
        assertThat(e.text()).isFalse();
        assertThat(e.payload()).isEqualTo(read("samples/protobuf/reading.bin"));
        // the enum by number and the 64-bit integer as a number write the same bytes
        String numeric = json.replace("\"CELSIUS\"", "1").replace("\"1700000000123\"", "1700000000123");
        assertThat(MessageFormat.PROTOBUF.encode(EncodeRequest.of(numeric), EncodeContext.fresh().withProtobuf(schema))
                .payload()).isEqualTo(read("samples/protobuf/reading.bin"));
    }
}
