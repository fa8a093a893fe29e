package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.subprotocol;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Messages of graphql-ws's PROTOCOL.md (graphql-transport-ws) and of subscriptions-transport-ws (graphql-ws). */
class GraphQlWsDecoderTest {

    private static final ProtocolHint TRANSPORT_WS = subprotocol("graphql-transport-ws");
    private static final ProtocolHint LEGACY = subprotocol("graphql-ws");
    private final GraphQlWsDecoder decoder = new GraphQlWsDecoder();

    private Decoded modern(String payload) {
        return text(decoder, payload, TRANSPORT_WS).orElseThrow();
    }

    @Test
    void subscribeShowsOperationAndQuery() {
        Decoded d = modern("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"operationName\":\"OnMessage\","
                + "\"query\":\"subscription OnMessage($room: ID!) {\\n  messageAdded(room: $room) {\\n    id\\n    text\\n  }\\n}\","
                + "\"variables\":{\"room\":\"lobby\"}}}");
        assertThat(d.protocol()).isEqualTo("GraphQL over WebSocket");
        assertThat(d.summary()).isEqualTo("subscribe #1 OnMessage");
        assertThat(d.field("Subprotocol")).isEqualTo("graphql-transport-ws");
        assertThat(d.field("Type")).isEqualTo("subscribe");
        assertThat(d.field("Id")).isEqualTo("1");
        assertThat(d.field("Operation name")).isEqualTo("OnMessage");
        assertThat(d.field("Operation")).isEqualTo("subscription");
        assertThat(d.field("Query")).isEqualTo("subscription OnMessage($room: ID!) { messageAdded(room: $room) { id text } }");
        assertThat(d.field("Variables")).isEqualTo("{\"room\":\"lobby\"}");
        assertThat(d.body()).startsWith("subscription OnMessage($room: ID!) {\n  messageAdded");
        assertThat(d.jsonBody()).isFalse();
    }

    @Test
    void anonymousSubscribeSummaryIsTypeAndId() {
        Decoded d = modern("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ hello }\"}}");
        assertThat(d.summary()).isEqualTo("subscribe #1");
        assertThat(d.field("Operation")).isEqualTo("query");
    }

    @Test
    void queryExcerptIsShort() {
        String longQuery = "query Big { " + "field ".repeat(100) + "}";
        Decoded d = modern("{\"type\":\"subscribe\",\"id\":\"2\",\"payload\":{\"query\":\"" + longQuery + "\"}}");
        assertThat(d.field("Query")).hasSize(120).endsWith("…");
        assertThat(d.body()).isEqualTo(longQuery);
    }

    @Test
    void nextErrorCompleteAndConnection() {
        Decoded next = modern("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"messageAdded\":{\"id\":\"9\",\"text\":\"hi\"}}}}");
        assertThat(next.summary()).isEqualTo("next #1 (data)");
        assertThat(next.body()).contains("\"messageAdded\" : {");
        assertThat(next.jsonBody()).isTrue();
        Decoded error = modern("{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":\"Cannot query field \\\"x\\\" on type \\\"Query\\\".\"}]}");
        assertThat(error.summary()).isEqualTo("error #1: Cannot query field \"x\" on type \"Query\".");
        assertThat(error.field("Errors")).isEqualTo("1");
        assertThat(modern("{\"id\":\"1\",\"type\":\"complete\"}").summary()).isEqualTo("complete #1");
        Decoded init = modern("{\"type\":\"connection_init\",\"payload\":{\"authToken\":\"abc\"}}");
        assertThat(init.summary()).isEqualTo("connection_init");
        assertThat(init.field("Payload")).isEqualTo("{\"authToken\":\"abc\"}");
        assertThat(modern("{\"type\":\"connection_ack\"}").summary()).isEqualTo("connection_ack");
        assertThat(modern("{\"type\":\"ping\"}").summary()).isEqualTo("ping");
        assertThat(modern("{\"type\":\"pong\",\"payload\":{\"t\":1}}").summary()).isEqualTo("pong");
    }

    @Test
    void legacySubscriptionsTransportWs() {
        Decoded start = text(decoder, "{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":\"subscription { tick }\"}}", LEGACY)
                .orElseThrow();
        assertThat(start.summary()).isEqualTo("start #1");
        assertThat(start.field("Subprotocol")).isEqualTo("graphql-ws (subscriptions-transport-ws)");
        assertThat(text(decoder, "{\"type\":\"ka\"}", LEGACY).orElseThrow().summary()).isEqualTo("ka");
        assertThat(text(decoder, "{\"id\":\"1\",\"type\":\"data\",\"payload\":{\"errors\":[{\"message\":\"a\"},{\"message\":\"b\"}]}}", LEGACY)
                .orElseThrow().summary()).isEqualTo("data #1 (2 errors)");
        assertThat(text(decoder, "{\"id\":\"1\",\"type\":\"stop\"}", LEGACY).orElseThrow().summary()).isEqualTo("stop #1");
        // The two protocols' vocabularies differ: "next" is not a subscriptions-transport-ws message.
        assertThat(text(decoder, "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{}}}", LEGACY).orElseThrow().malformed()).isTrue();
    }

    @Test
    void graphQlSpecificMessagesAreRecognisedWithoutTheHint() {
        assertThat(text(decoder, "{\"type\":\"connection_init\",\"payload\":{}}", NONE)).isPresent();
        assertThat(text(decoder, "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ a }\"}}", NONE)).isPresent();
        assertThat(text(decoder, "{\"type\":\"data\",\"id\":\"1\",\"payload\":{\"data\":{\"a\":1}}}", NONE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"}", "{\"type\":\"pong\"}", "{\"type\":\"complete\",\"id\":\"1\"}",
            "{\"type\":\"subscribe\",\"channel\":\"trades\"}", "{\"op\":\"subscribe\"}", "{\"type\":\"error\",\"message\":\"x\"}",
            "{\"type\":\"next\",\"id\":\"1\",\"payload\":{\"price\":3}}", "{\"type\":\"connection_init\",\"user\":\"bob\"}",
            "{\"type\":\"data\",\"payload\":{\"data\":1}}", "[1]", "hello", ""})
    void ordinaryJsonIsNotGraphQlWithoutTheHint(String payload) {
        assertThat(text(decoder, payload, NONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "[1]", "{\"a\":1}", "{\"type\":5}", "{\"type\":\"start\",\"id\":\"1\",\"payload\":{\"query\":\"{a}\"}}",
            "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{a}\"}}", "{\"type\":\"subscribe\",\"id\":\"1\"}",
            "{\"type\":\"next\",\"id\":\"1\",\"payload\":[]}", "{\"type\":\"error\",\"payload\":[]}", "{broken"})
    void malformedMessagesAreReportedWithTheHint(String payload) {
        assertThatCode(() -> text(decoder, payload, TRANSPORT_WS)).doesNotThrowAnyException();
        Decoded d = text(decoder, payload, TRANSPORT_WS).orElseThrow();
        assertThat(d.malformed()).as(payload).isTrue();
    }
}
