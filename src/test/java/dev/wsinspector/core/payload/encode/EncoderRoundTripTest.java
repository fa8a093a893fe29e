package dev.wsinspector.core.payload.encode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each encoder writes, read back by the existing decoder: the same fields come out. */
class EncoderRoundTripTest {

    private static final ProtocolHint MQTT = new ProtocolHint("mqtt", "wss://broker.example.com/mqtt");
    /** {"type":"complete"} is claimed only on a graphql-transport-ws connection (GraphQlWsDecoder). */
    private static final ProtocolHint GRAPHQL = new ProtocolHint("graphql-transport-ws", "wss://api.example.com/graphql");

    private final ProtocolDecoders decoders = new ProtocolDecoders();
    private final EncodeContext context = EncodeContext.fresh();

    private ObjectNode decoded(MessageFormat format, EncodeRequest request, ProtocolHint hint) throws EncodeException {
        Encoded e = format.encode(request, context);
        assertThat(e.text()).isEqualTo(!format.binary());
        ObjectNode json = decoders.decode(e.payload(), e.text(), hint).orElseThrow().toJson();
        assertThat(json.has("malformed")).as(json.toString()).isFalse();
        return json;
    }

    private ObjectNode decoded(MessageFormat format, EncodeRequest request) throws EncodeException {
        return decoded(format, request, ProtocolHint.NONE);
    }

    @Test
    void socketIoEventWithAckOnANamespace() throws Exception {
        ObjectNode d = decoded(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("[{\"text\":\"hi\"}, 2]",
                "event", "chat:message", "namespace", "/chat", "expectAck", "true"));
        assertThat(d.at("/protocol").asText()).isEqualTo("socket.io");
        assertThat(d.at("/packet").asText()).isEqualTo("EVENT");
        assertThat(d.at("/namespace").asText()).isEqualTo("/chat");
        assertThat(d.at("/event").asText()).isEqualTo("chat:message");
        assertThat(d.at("/ack").asLong()).isEqualTo(1);
        assertThat(d.at("/args/0/text").asText()).isEqualTo("hi");
        assertThat(d.at("/args/1").asInt()).isEqualTo(2);
        // the next ack comes from the same connection counter
        assertThat(decoded(MessageFormat.SOCKET_IO_EVENT, EncodeRequest.of("", "event", "again", "expectAck", "true"))
                .at("/ack").asLong()).isEqualTo(2);
    }

    @Test
    void signalRInvocationWithAnInvocationId() throws Exception {
        ObjectNode d = decoded(MessageFormat.SIGNALR_INVOCATION, EncodeRequest.of("[\"ann\", 3]", "target", "Send",
                "expectResult", "true"));
        assertThat(d.at("/type").asText()).isEqualTo("Invocation");
        assertThat(d.at("/target").asText()).isEqualTo("Send");
        assertThat(d.at("/arguments/1").asInt()).isEqualTo(3);
        assertThat(d.at("/invocationId").asText()).isEqualTo("1");
        assertThat(decoded(MessageFormat.SIGNALR_INVOCATION, EncodeRequest.of("", "target", "Hello")).has("invocationId")).isFalse();
    }

    @Test
    void stompFrameWithEscapedHeadersAndContentLength() throws Exception {
        ObjectNode d = decoded(MessageFormat.STOMP_FRAME, EncodeRequest.of("{\"text\":\"héllo\"}", "destination",
                "/app/chat", "headers", "x-note:a:b\\c\nreceipt:7"));
        assertThat(d.at("/command").asText()).isEqualTo("SEND");
        assertThat(d.at("/headers/destination").asText()).isEqualTo("/app/chat");
        assertThat(d.at("/headers/x-note").asText()).isEqualTo("a:b\\c");
        assertThat(d.at("/headers/content-length").asInt()).isEqualTo(17); // é is two bytes
        assertThat(d.at("/body").asText()).isEqualTo("{\"text\":\"héllo\"}");
    }

    @Test
    void mqttPublishSubscribeAndConnectInBothVersions() throws Exception {
        for (String version : new String[] {"3.1.1", "5"}) {
            ObjectNode p = decoded(MessageFormat.MQTT_PUBLISH, EncodeRequest.of("on", "topic", "a/b", "qos", "2",
                    "retain", "true", "version", version), MQTT);
            assertThat(p.at("/packet").asText()).as(p.toString()).isEqualTo("PUBLISH");
            assertThat(p.at("/topic").asText()).isEqualTo("a/b");
            assertThat(p.at("/qos").asInt()).isEqualTo(2);
            assertThat(p.at("/retain").asBoolean()).isTrue();
            assertThat(p.toString()).contains("\"on\"");
            ObjectNode s = decoded(MessageFormat.MQTT_SUBSCRIBE, EncodeRequest.of("", "topic", "a/+\nb/#", "qos", "1",
                    "version", version), MQTT);
            assertThat(s.at("/packet").asText()).isEqualTo("SUBSCRIBE");
            assertThat(s.toString()).contains("a/+").contains("b/#");
            ObjectNode c = decoded(MessageFormat.MQTT_CONNECT, EncodeRequest.of("", "clientId", "c1", "keepAlive", "30",
                    "version", version), MQTT);
            assertThat(c.at("/packet").asText()).isEqualTo("CONNECT");
            assertThat(c.at("/clientId").asText()).isEqualTo("c1");
            assertThat(c.at("/keepAlive").asInt()).isEqualTo(30);
            assertThat(c.at("/version").asText()).isEqualTo(version.equals("5") ? "5" : "3.1.1");
        }
        // packet ids come from the connection's counter: two QoS 1 packets get 1 then 2 (QoS 2 above took some)
        MqttPacketIds ids = new MqttPacketIds();
        assertThat(ids.next()).isEqualTo(1);
        assertThat(ids.next()).isEqualTo(2);
        assertThat(decoded(MessageFormat.MQTT_PINGREQ, EncodeRequest.of(""), MQTT).at("/packet").asText()).isEqualTo("PINGREQ");
        assertThat(decoded(MessageFormat.MQTT_DISCONNECT, EncodeRequest.of(""), MQTT).at("/packet").asText())
                .isEqualTo("DISCONNECT");
    }

    @Test
    void graphQlWsMessages() throws Exception {
        ObjectNode sub = decoded(MessageFormat.GRAPHQL_WS, EncodeRequest.of("subscription { greetings }",
                "operationName", "Greetings"));
        assertThat(sub.at("/type").asText()).isEqualTo("subscribe");
        assertThat(sub.at("/id").asText()).isEqualTo("1");
        assertThat(sub.at("/payload/query").asText()).isEqualTo("subscription { greetings }");
        assertThat(sub.at("/payload/operationName").asText()).isEqualTo("Greetings");
        ObjectNode withVars = decoded(MessageFormat.GRAPHQL_WS, EncodeRequest.of(
                "{\"query\":\"query($n:Int){ items(n:$n) }\",\"variables\":{\"n\":3}}", "id", "q7"));
        assertThat(withVars.at("/id").asText()).isEqualTo("q7");
        assertThat(withVars.at("/payload/variables/n").asInt()).isEqualTo(3);
        assertThat(decoded(MessageFormat.GRAPHQL_WS, EncodeRequest.of("{\"token\":\"t\"}", "type", "connection_init"))
                .at("/payload/token").asText()).isEqualTo("t");
        assertThat(decoded(MessageFormat.GRAPHQL_WS, EncodeRequest.of("", "type", "complete", "id", "q7"), GRAPHQL)
                .at("/type").asText()).isEqualTo("complete");
    }

    @Test
    void jsonRpcCallsCountTheirIds() throws Exception {
        ObjectNode first = decoded(MessageFormat.JSON_RPC, EncodeRequest.of("[2, 3]", "method", "add"));
        assertThat(first.at("/kind").asText()).isEqualTo("request");
        assertThat(first.at("/method").asText()).isEqualTo("add");
        assertThat(first.at("/params/1").asInt()).isEqualTo(3);
        assertThat(first.at("/id").asLong()).isEqualTo(1);
        assertThat(decoded(MessageFormat.JSON_RPC, EncodeRequest.of("{\"a\":1}", "method", "sub")).at("/id").asLong())
                .isEqualTo(2);
        assertThat(decoded(MessageFormat.JSON_RPC, EncodeRequest.of("", "method", "ping", "notification", "true"))
                .has("id")).isFalse();
        assertThat(decoded(MessageFormat.JSON_RPC, EncodeRequest.of("", "method", "x", "id", "abc")).at("/id").asText())
                .isEqualTo("abc");
    }

    @Test
    void binaryFormatsFromJson() throws Exception {
        String json = "{\"op\":\"update\",\"id\":42,\"price\":1.5,\"tags\":[\"a\",\"ü\"],\"ok\":true,\"none\":null}";
        for (MessageFormat f : new MessageFormat[] {MessageFormat.MSGPACK, MessageFormat.CBOR}) {
            ObjectNode d = decoded(f, EncodeRequest.of(json));
            assertThat(d.at("/protocol").asText()).isEqualTo(f.id());
            assertThat(d.at("/value").toString()).isEqualTo(json);
        }
    }

    @Test
    void protobufFromJsonWithMapsAndRepeatedFieldsReadsBackTheSame() throws Exception {
        ProtobufSchema schema = ProtobufSchema.parse(EncoderSamplesTest.read("descriptors/demo.desc"), "demo.Reading");
        Encoded e = MessageFormat.PROTOBUF.encode(EncodeRequest.of(
                "{\"sensor\":\"s\",\"tags\":[\"x\",\"y\"],\"unit\":\"FAHRENHEIT\",\"meta\":{\"calibrated\":false,\"source\":\"q\"}}"),
                context.withProtobuf(schema));
        ObjectNode d = decoders.decode(e.payload(), false, ProtocolHint.NONE.withProtobuf(schema)).orElseThrow().toJson();
        assertThat(d.at("/value/sensor").asText()).isEqualTo("s");
        assertThat(d.at("/value/tags/1").asText()).isEqualTo("y");
        assertThat(d.at("/value/unit").asText()).isEqualTo("FAHRENHEIT");
        assertThat(d.at("/value/meta/source").asText()).isEqualTo("q");
    }
}
