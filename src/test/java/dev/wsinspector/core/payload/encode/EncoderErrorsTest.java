package dev.wsinspector.core.payload.encode;

import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is refused with an {@link EncodeException} that says what is wrong; nothing else escapes. */
class EncoderErrorsTest {

    private final EncodeContext context = EncodeContext.fresh();

    private void refused(MessageFormat format, EncodeRequest request, String... says) {
        var thrown = assertThatThrownBy(() -> format.encode(request, context)).isInstanceOf(EncodeException.class);
        for (String s : says) {
            thrown.hasMessageContaining(s);
        }
    }

    @Test
    void invalidJsonSaysWhere() {
        refused(MessageFormat.MSGPACK, EncodeRequest.of("{\"a\": }"), "invalid JSON at line 1, column 7");
        refused(MessageFormat.CBOR, EncodeRequest.of("[1, 2"), "invalid JSON");
        refused(MessageFormat.CBOR, EncodeRequest.of("{} {}"), "invalid JSON");
        refused(MessageFormat.MSGPACK, EncodeRequest.of("  "), "no JSON given");
        refused(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[1,", "event", "x"), "the arguments: invalid JSON");
        refused(MessageFormat.JSON_RPC, EncodeRequest.of("42", "method", "m"), "params are an array or an object");
    }

    @Test
    void protobufWithoutATypeOrWithWrongFields() throws Exception {
        refused(MessageFormat.PROTOBUF, EncodeRequest.of("{}"), "no protobuf message type", "descriptor set");
        ProtobufSchema schema = ProtobufSchema.parse(EncoderSamplesTest.read("descriptors/demo.desc"), "demo.Reading");
        EncodeContext typed = context.withProtobuf(schema);
        String[][] cases = {
            {"{\"sensr\":\"x\"}", "Reading.sensr: demo.Reading has no field \"sensr\" (it has sensor, value"},
            {"{\"value\":\"warm\"}", "Reading.value: expected a number"},
            {"{\"at\":1.5}", "Reading.at: expected a whole number"},
            {"{\"delta\":3000000000}", "Reading.delta: 3000000000 is out of range"},
            {"{\"unit\":\"KELVIN\"}", "\"KELVIN\" is not a value of demo.Unit (UNIT_UNSPECIFIED, CELSIUS, FAHRENHEIT)"},
            {"{\"tags\":\"one\"}", "Reading.tags: a repeated field takes a JSON array"},
            {"{\"meta\":{\"calibrated\":\"yes\"}}", "Reading.meta.calibrated: expected true or false"},
            {"[1]", "expected a JSON object for demo.Reading"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> MessageFormat.PROTOBUF.encode(EncodeRequest.of(c[0]), typed))
                    .as(c[0]).isInstanceOf(EncodeException.class).hasMessageContaining(c[1]);
        }
    }

    @Test
    void mqttTopicsPacketIdsAndVersions() {
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "sensors/+"), "cannot contain the wildcards");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "a/#"), "cannot contain the wildcards");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x"), "no topic given");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "a", "qos", "3"), "qos must be between 0 and 2");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "a", "qos", "1", "packetId", "0"),
                "packetId must be between 1 and 65535");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "a", "retain", "maybe"), "retain must be true or false");
        refused(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("x", "topic", "a", "version", "3"), "MQTT version is 3.1.1 or 5");
        refused(MessageFormat.MQTT_SUBSCRIBE, EncodeRequest.of("", "topic", "a/b#"), "invalid topic filter \"a/b#\"");
        refused(MessageFormat.MQTT_SUBSCRIBE, EncodeRequest.of("", "topic", "#/a"), "invalid topic filter");
        refused(MessageFormat.MQTT_SUBSCRIBE, EncodeRequest.of(""), "no topic filter given");
        refused(MessageFormat.MQTT_CONNECT, EncodeRequest.of("", "password", "p"), "password only with a user name");
        refused(MessageFormat.MQTT_CONNECT, EncodeRequest.of("", "keepAlive", "soon"), "keepAlive must be a whole number");
    }

    @Test
    void protocolMessagesNeedTheirNames() {
        refused(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[]"), "no event name given");
        refused(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[]", "event", "disconnect"), "reserved");
        refused(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[]", "event", "x", "namespace", "chat"), "starts with /");
        refused(MessageFormat.SIGNALR_INVOCATION, EncodeRequest.of("[]"), "no hub method");
        refused(MessageFormat.JSON_RPC, EncodeRequest.of("[]"), "no method given");
        refused(MessageFormat.STOMP_FRAME, EncodeRequest.of("hi"), "SEND needs a destination header");
        refused(MessageFormat.STOMP_FRAME, EncodeRequest.of("", "command", "SHOUT"), "unknown STOMP command");
        refused(MessageFormat.STOMP_FRAME, EncodeRequest.of("", "command", "SUBSCRIBE", "destination", "/q"), "needs a id header");
        refused(MessageFormat.STOMP_FRAME, EncodeRequest.of("", "destination", "/q", "headers", "nocolon"), "name:value");
        refused(MessageFormat.GRAPHQL_WS, EncodeRequest.of(""), "no query given");
        refused(MessageFormat.GRAPHQL_WS, EncodeRequest.of("{\"variables\":{}}"), "needs a \"query\" string");
        refused(MessageFormat.GRAPHQL_WS, EncodeRequest.of("", "type", "complete"), "needs the id");
        refused(MessageFormat.GRAPHQL_WS, EncodeRequest.of("", "type", "next"), "unknown graphql-transport-ws message type");
    }

    /** Seeded random bodies and parameters: every format either encodes or says why, never anything else. */
    @ParameterizedTest
    @EnumSource(MessageFormat.class)
    void randomInputOnlyEverFailsWithAnEncodeException(MessageFormat format) {
        Random random = new Random(13 + format.ordinal());
        String[] bodies = {"", "{", "[]", "null", "\"x\"", "{\"query\":1}", "[1,[2,{\"a\":null}]]", "\u0000", "1e999"};
        for (int i = 0; i < 300; i++) {
            String body = random.nextBoolean() ? bodies[random.nextInt(bodies.length)] : randomText(random);
            String[] kv = new String[format.params().size() * 2];
            for (int p = 0; p < format.params().size(); p++) {
                Param param = format.params().get(p);
                kv[2 * p] = param.name();
                kv[2 * p + 1] = switch (random.nextInt(4)) {
                    case 0 -> param.defaultValue();
                    case 1 -> param.choices().isEmpty() ? "1" : param.choices().get(random.nextInt(param.choices().size()));
                    case 2 -> randomText(random);
                    default -> "";
                };
            }
            try {
                Encoded e = format.encode(EncodeRequest.of(body, kv), context);
                assertThat(e.text()).isEqualTo(!format.binary());
            } catch (EncodeException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("Exception");
            }
        }
    }

    private static String randomText(Random random) {
        String alphabet = "ab/+#:{}[]\",0129 \n\u00e9\u0000\\-";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
