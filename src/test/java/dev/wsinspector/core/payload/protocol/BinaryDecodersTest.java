package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.Test;
import org.msgpack.jackson.dataformat.MessagePackFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary decoders beyond the library samples: round trips through the Java encoders (msgpack-java, Jackson
 * CBOR), protobuf with the descriptor set protobufjs wrote for the sample's .proto (see write-samples.js), and what
 * is not claimed without a hint.
 */
class BinaryDecodersTest {

    private final ProtocolDecoders decoders = new ProtocolDecoders();

    private static ObjectNode value() {
        ObjectNode v = ProtocolJson.object().put("op", "update").put("id", 42).put("price", 1.5).put("text", "héllo ✓");
        v.putArray("list").add(1).add("two").addNull().addObject().put("deep", true);
        return v;
    }

    @Test
    void messagePackAndCborWrittenByJavaReadBackAsTheSameTree() throws IOException {
        ObjectNode value = value();
        byte[] msgpack = new ObjectMapper(new MessagePackFactory()).writeValueAsBytes(value);
        byte[] cbor = new ObjectMapper(new CBORFactory()).writeValueAsBytes(value);
        Decoded m = decoders.decode(msgpack, false, ProtocolHint.NONE).orElseThrow();
        Decoded c = decoders.decode(cbor, false, ProtocolHint.NONE).orElseThrow();
        assertThat(m.id()).isEqualTo(ProtocolId.MSGPACK);
        assertThat(c.id()).isEqualTo(ProtocolId.CBOR);
        assertThat(m.toJson().get("value")).isEqualTo(value);
        assertThat(c.toJson().get("value")).isEqualTo(value);
        assertThat(m.summary()).isEqualTo("MessagePack map with 5 keys, " + msgpack.length + " B");
    }

    @Test
    void trailingBytesOrTextAreNotClaimedWithoutTheHint() throws IOException {
        byte[] one = new ObjectMapper(new MessagePackFactory()).writeValueAsBytes(value());
        byte[] two = java.util.Arrays.copyOf(one, one.length + 1);
        assertThat(decoders.decode(two, false, ProtocolHint.NONE)).isEmpty();
        assertThat(decoders.decode(one, true, ProtocolHint.NONE).map(Decoded::id)).isNotEqualTo(java.util.Optional.of(ProtocolId.MSGPACK));
        Decoded forced = decoders.decode(two, false, ProtocolHint.NONE.withDecoder("msgpack")).orElseThrow();
        assertThat(forced.malformed()).isTrue();
        assertThat(forced.problem()).isEqualTo("not exactly one MessagePack value");
    }

    @Test
    void randomBinaryIsLeftAlone() {
        Random random = new Random(7);
        int claimed = 0;
        for (int i = 0; i < 500; i++) {
            byte[] b = new byte[16 + random.nextInt(200)];
            random.nextBytes(b);
            if (decoders.decode(b, false, ProtocolHint.NONE).isPresent()) {
                claimed++;
            }
        }
        assertThat(claimed).isLessThanOrEqualTo(5);
    }

    @Test
    void protobufWithTheDescriptorSetShowsFieldNames() throws IOException {
        ProtobufSchema schema = ProtobufSchema.parse(read("descriptors/demo.desc"), "demo.Reading");
        byte[] reading = read("samples/protobuf/reading.bin");
        Decoded d = decoders.decode(reading, false, ProtocolHint.NONE.withProtobuf(schema)).orElseThrow();
        assertThat(d.malformed()).as(d.problem()).isFalse();
        ObjectNode json = d.toJson();
        assertThat(json.get("protocol").asText()).isEqualTo("protobuf");
        assertThat(json.at("/type").asText()).isEqualTo("demo.Reading");
        assertThat(json.at("/value/sensor").asText()).isEqualTo("sensors/1");
        assertThat(json.at("/value/value").asDouble()).isEqualTo(21.5);
        assertThat(json.at("/value/at").asText()).isEqualTo("1700000000123");
        assertThat(json.at("/value/tags/1").asText()).isEqualTo("ü");
        assertThat(json.at("/value/unit").asText()).isEqualTo("CELSIUS");
        assertThat(json.at("/value/meta/calibrated").asBoolean()).isTrue();
        assertThat(json.at("/value/delta").asInt()).isEqualTo(-3);
        assertThat(d.summary()).startsWith("Reading {\"sensor\":\"sensors/1\"");
        // The same bytes without a schema: field numbers, the zigzag guess for the sint32, the nested message.
        Decoded raw = decoders.decode(reading, false, ProtocolHint.NONE.withDecoder("protobuf")).orElseThrow();
        assertThat(raw.toJson().at("/fields/7/zigzag").asInt()).isEqualTo(-3);
        assertThat(raw.toJson().at("/fields/6/message/0/string").asText()).isEqualTo("bench");
        assertThat(raw.body()).contains("1: \"sensors/1\"").contains("6 {\n  1: \"bench\"");
    }

    @Test
    void aPayloadThatIsNotTheTypeIsMalformedAndBadDescriptorsSayWhy() throws IOException {
        ProtobufSchema schema = ProtobufSchema.parse(read("descriptors/demo.desc"), ".demo.Meta");
        assertThat(schema.descriptor().getFullName()).isEqualTo("demo.Meta");
        Decoded bad = decoders.decode(new byte[]{(byte) 0xFF}, false, ProtocolHint.NONE.withProtobuf(schema)).orElseThrow();
        assertThat(bad.malformed()).isTrue();
        assertThat(bad.problem()).startsWith("not a demo.Meta");
        assertThatThrownBy(() -> ProtobufSchema.parse(read("descriptors/demo.desc"), "demo.Nope"))
                .hasMessage("no message type demo.Nope in the descriptor set (it has demo.Meta, demo.Reading)");
        assertThatThrownBy(() -> ProtobufSchema.parse(new byte[]{1, 2, 3}, "demo.Reading"))
                .hasMessageStartingWith("not a descriptor set");
    }

    @Test
    void mqttNeedsItsSubprotocolExceptForConnect() throws IOException {
        byte[] publish = read("samples/mqtt/publish-v4.bin");
        assertThat(decoders.decode(publish, false, ProtocolHint.NONE)).isEmpty();
        Decoded hinted = decoders.decode(publish, false, DecoderTesting.subprotocol("mqtt")).orElseThrow();
        assertThat(hinted.toJson().get("qos").asInt()).isEqualTo(1);
        assertThat(hinted.body()).contains("\"t\" : 21.5");
        Decoded text = decoders.decode(DecoderTesting.utf8("hello"), true, DecoderTesting.subprotocol("mqtt")).orElseThrow();
        assertThat(text.problem()).isEqualTo("MQTT packets are binary messages");
        byte[] cut = java.util.Arrays.copyOf(publish, publish.length - 1);
        assertThat(decoders.decode(cut, false, DecoderTesting.subprotocol("mqtt")).orElseThrow().problem())
                .isEqualTo("PUBLISH: remaining length 23 but 22 bytes follow");
        assertThat(decoders.decode(read("samples/mqtt/connect-v4.bin"), false, ProtocolHint.NONE).orElseThrow()
                .toJson().get("password").asText()).isEqualTo("(6 B, not shown)");
    }

    static byte[] read(String file) throws IOException {
        try (InputStream in = BinaryDecodersTest.class.getResourceAsStream("/dev/wsinspector/core/payload/protocol/" + file)) {
            return Objects.requireNonNull(in, file).readAllBytes();
        }
    }

    @Test
    void theReadmeExamplesSayWhatTheReadmeSays() throws IOException {
        java.util.HexFormat hex = java.util.HexFormat.of();
        assertThat(decoders.decode(hex.parseHex("82a26f70a6757064617465a269642a"), false, ProtocolHint.NONE)
                .orElseThrow().summary()).isEqualTo("MessagePack map with 2 keys, 15 B");
        assertThat(decoders.decode(hex.parseHex("a2626f7066757064617465626964182a"), false, ProtocolHint.NONE)
                .orElseThrow().summary()).isEqualTo("CBOR map with 2 keys, 16 B");
        byte[] reading = hex.parseHex("0a0973656e736f72732f31110000000000803540");
        assertThat(decoders.decode(reading, false, ProtocolHint.NONE.withDecoder("protobuf")).orElseThrow().summary())
                .isEqualTo("protobuf message, 2 fields (no schema)");
        ProtobufSchema schema = ProtobufSchema.parse(read("descriptors/demo.desc"), "demo.Reading");
        assertThat(decoders.decode(reading, false, ProtocolHint.NONE.withProtobuf(schema)).orElseThrow().summary())
                .isEqualTo("Reading {\"sensor\":\"sensors/1\",\"value\":21.5}");
        assertThat(decoders.decode(hex.parseHex("3217000973656e736f72732f31000a7b2274223a32312e357d"), false,
                DecoderTesting.subprotocol("mqtt")).orElseThrow().summary()).isEqualTo("PUBLISH sensors/1 QoS1 #10 (10 B)");
    }
}
