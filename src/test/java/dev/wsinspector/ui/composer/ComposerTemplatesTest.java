package dev.wsinspector.ui.composer;

import dev.wsinspector.core.compose.MessageMode;
import dev.wsinspector.core.replay.BuiltIns;
import dev.wsinspector.core.replay.Templates;
import dev.wsinspector.testutil.FakeConnection;
import dev.wsinspector.testutil.ManualScheduler;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The composer in a profile tab: preview, unknown variables before sending, {{counter}} per send. */
class ComposerTemplatesTest {

    private final FakeConnection connection = new FakeConnection(new ManualScheduler());
    private final Templates templates = new Templates(Map.of("who", "world"),
            new BuiltIns(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), () -> new UUID(0, 1), () -> 7));
    private final ComposerViewModel model = new ComposerViewModel(() -> connection, () -> templates);

    @Test
    void previewsTheResolvedMessageAndCountsOnlySends() {
        model.inputProperty().set("hi {{who}} #{{counter}}");
        assertThat(model.previewProperty().get()).isEqualTo("hi world #1");
        assertThat(model.problemProperty().get()).isEmpty();

        assertThat(model.send()).isTrue();
        assertThat(model.send()).isTrue();
        assertThat(connection.sentText(0)).isEqualTo("hi world #1");
        assertThat(connection.sentText(1)).isEqualTo("hi world #2");
    }

    @Test
    void anUnknownVariableIsAProblemBeforeSendingAndNothingGoesOut() {
        model.inputProperty().set("hi {{nobody}}");
        assertThat(model.problemProperty().get()).contains("Unknown variable {{nobody}}");
        assertThat(model.previewProperty().get()).isEmpty();

        assertThat(model.send()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Not sent: Unknown variable {{nobody}}");
        assertThat(connection.frames().size()).isZero();
        assertThat(templates.builtIns().counter()).as("a refused message is not counted").isZero();
    }

    @Test
    void theResolvedTextIsCheckedByMode() {
        model.modeProperty().set(MessageMode.JSON);
        model.inputProperty().set("{\"to\":\"{{who}}\"}");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.previewProperty().get()).isEqualTo("{\"to\":\"world\"}");
        model.inputProperty().set("{\"n\":{{who}}}");
        assertThat(model.problemProperty().get()).isNotEmpty();
    }

    @Test
    void withoutAProfileTheInputIsSentAsTyped() {
        ComposerViewModel plain = new ComposerViewModel(() -> connection);
        plain.inputProperty().set("literal {{who}}");
        assertThat(plain.previewProperty().get()).isEmpty();
        assertThat(plain.send()).isTrue();
        assertThat(connection.sentText(0)).isEqualTo("literal {{who}}");
    }

    // --- Protocol mode: the input sent as a format, variables resolved first (in the body and the format's inputs)

    private dev.wsinspector.core.frame.Frame sent(long seq) {
        return connection.frames().get(seq);
    }

    @Test
    void jsonSentAsMessagePackIsBinaryAndDecodesBack() {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.MSGPACK);
        model.inputProperty().set("{\"hello\":\"{{who}}\",\"n\":{{counter}}}");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.send()).isTrue();
        var frame = sent(0);
        assertThat(frame.opcode()).isEqualTo(dev.wsinspector.core.frame.Opcode.BINARY);
        var decoded = new dev.wsinspector.core.payload.protocol.ProtocolDecoders().decode(frame.payloadBytes(), false,
                dev.wsinspector.core.payload.protocol.ProtocolHint.NONE.withDecoder("msgpack")).orElseThrow();
        assertThat(decoded.toJson().get("value").toString()).isEqualTo("{\"hello\":\"world\",\"n\":1}");
        assertThat(model.statusProperty().get()).startsWith("Sent MessagePack");
    }

    @Test
    void aSocketIoEventTakesItsNameFromTheFormAndAcksCountPerConnection() {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.SOCKET_IO_EVENT);
        model.formats().param("event").set("chat:{{who}}");
        model.formats().param("expectAck").set("true");
        model.inputProperty().set("[\"hi\"]");
        assertThat(model.send()).isTrue();
        assertThat(model.send()).isTrue();
        assertThat(connection.sentText(0)).startsWith("42").contains("[\"chat:world\",\"hi\"]");
        assertThat(connection.sentText(0)).isNotEqualTo(connection.sentText(1)).as("the ack id moved on");
    }

    @Test
    void aBadInputIsAProblemAndNothingGoesOutNorCounts() {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.CBOR);
        model.inputProperty().set("{\"a\": {{counter}}");
        assertThat(model.problemProperty().get()).isNotEmpty();
        assertThat(model.send()).isFalse();
        assertThat(model.statusProperty().get()).startsWith("Not sent: ");
        assertThat(connection.frames().size()).isZero();
        model.inputProperty().set("{\"a\": {{counter}}}");
        assertThat(model.send()).isTrue();
        var decoded = new dev.wsinspector.core.payload.protocol.ProtocolDecoders().decode(sent(0).payloadBytes(), false,
                dev.wsinspector.core.payload.protocol.ProtocolHint.NONE.withDecoder("cbor")).orElseThrow();
        assertThat(decoded.toJson().get("value").toString()).as("the failed try did not count").isEqualTo("{\"a\":1}");
    }

    @Test
    void aProtocolMessageIsSavedWithItsFormatAndTheInputsChanged() {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.MQTT_PUBLISH);
        model.formats().param("topic").set("sensors/{{who}}");
        model.formats().param("qos").set("1");
        model.inputProperty().set("21.5");
        var draft = model.draft();
        assertThat(draft.type()).isEqualTo(MessageMode.PROTOCOL);
        assertThat(draft.format().id()).isEqualTo("mqtt-publish");
        assertThat(draft.format().params()).containsOnly(Map.entry("topic", "sensors/{{who}}"), Map.entry("qos", "1"));
        assertThat(draft.body()).isEqualTo("21.5");
        assertThat(MessageMode.savable()).contains(MessageMode.PROTOCOL).doesNotContain(MessageMode.FRAME);
    }

    @Test
    void theCounterIsCountedOnceForTheBodyAndTheFormsInputs() {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.SOCKET_IO_EVENT);
        model.formats().param("event").set("e{{counter}}");
        model.inputProperty().set("[{{counter}}]");
        assertThat(model.send()).isTrue();
        assertThat(connection.sentText(0)).isEqualTo("42[\"e1\",1]");
    }

    @Test
    void protobufTakesTheProfilesMessageType() throws Exception {
        model.modeProperty().set(MessageMode.PROTOCOL);
        model.formats().formatProperty().set(dev.wsinspector.core.payload.encode.MessageFormat.PROTOBUF);
        model.inputProperty().set("{\"sensor\":\"s1\"}");
        assertThat(model.problemProperty().get()).as("no type chosen yet").contains("descriptor set");
        byte[] desc;
        try (var in = getClass().getResourceAsStream("/dev/wsinspector/core/payload/protocol/descriptors/demo.desc")) {
            desc = java.util.Objects.requireNonNull(in, "demo.desc").readAllBytes();
        }
        var schema = dev.wsinspector.core.payload.protocol.ProtobufSchema.parse(desc, "demo.Reading");
        model.formats().protobufFrom(() -> schema);
        model.inputProperty().set("{\"sensor\":\"s2\"}");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.send()).isTrue();
        var decoded = new dev.wsinspector.core.payload.protocol.ProtocolDecoders().decode(
                connection.frames().get(0).payloadBytes(), false,
                dev.wsinspector.core.payload.protocol.ProtocolHint.NONE.withProtobuf(schema).withDecoder("protobuf"))
                .orElseThrow();
        assertThat(decoded.toJson().at("/value/sensor").asText()).isEqualTo("s2");
    }
}
