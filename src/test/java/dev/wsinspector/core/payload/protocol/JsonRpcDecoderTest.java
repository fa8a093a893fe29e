package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.subprotocol;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Examples from the JSON-RPC 2.0 specification (section 7). */
class JsonRpcDecoderTest {

    private final JsonRpcDecoder decoder = new JsonRpcDecoder();

    private Decoded sniffed(String payload) {
        return text(decoder, payload, NONE).orElseThrow();
    }

    @Test
    void requestWithPositionalParams() {
        Decoded d = sniffed("{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42, 23], \"id\": 7}");
        assertThat(d.protocol()).isEqualTo("JSON-RPC 2.0");
        assertThat(d.summary()).isEqualTo("request #7 subtract");
        assertThat(d.field("Kind")).isEqualTo("request");
        assertThat(d.field("Method")).isEqualTo("subtract");
        assertThat(d.field("Id")).isEqualTo("7");
        assertThat(d.field("Params")).isEqualTo("array of 2");
        assertThat(d.field("  [1]")).isEqualTo("23");
        assertThat(d.body()).isEqualTo("[ 42, 23 ]");
        assertThat(d.jsonBody()).isTrue();
    }

    @Test
    void requestWithNamedParamsAndAStringId() {
        Decoded d = sniffed("{\"jsonrpc\":\"2.0\",\"method\":\"subscribe\",\"params\":{\"channel\":\"trades\",\"depth\":5},\"id\":\"abc-1\"}");
        assertThat(d.summary()).isEqualTo("request #abc-1 subscribe");
        assertThat(d.field("Params")).isEqualTo("object with 2 keys");
        assertThat(d.field("  channel")).isEqualTo("trades");
    }

    @Test
    void notification() {
        Decoded d = sniffed("{\"jsonrpc\": \"2.0\", \"method\": \"update\", \"params\": [1,2,3,4,5]}");
        assertThat(d.summary()).isEqualTo("notification update");
        assertThat(d.field("Id")).isNull();
    }

    @Test
    void resultResponse() {
        Decoded d = sniffed("{\"jsonrpc\": \"2.0\", \"result\": 19, \"id\": 1}");
        assertThat(d.summary()).isEqualTo("response #1 result");
        assertThat(d.field("Result")).isEqualTo("number");
        assertThat(d.body()).isEqualTo("19");
    }

    @Test
    void errorResponsesNameStandardCodes() {
        Decoded d = sniffed("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": 7}");
        assertThat(d.summary()).isEqualTo("response #7 error -32601 Method not found");
        assertThat(d.field("Error code")).isEqualTo("-32601 (Method not found)");
        Decoded parse = sniffed("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Parse error\"}, \"id\": null}");
        assertThat(parse.summary()).isEqualTo("response #null error -32700 Parse error");
        Decoded custom = sniffed("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"Rate limited\",\"data\":{\"retry\":5}},\"id\":3}");
        assertThat(custom.field("Error code")).isEqualTo("-32001 (Server error)");
        assertThat(custom.field("Error data")).isEqualTo("{\"retry\":5}");
        assertThat(sniffed("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":42,\"message\":\"x\"},\"id\":3}").field("Error code"))
                .isEqualTo("42");
        assertThat(JsonRpcDecoder.errorName(-32600)).isEqualTo("Invalid Request");
        assertThat(JsonRpcDecoder.errorName(-32602)).isEqualTo("Invalid params");
        assertThat(JsonRpcDecoder.errorName(-32603)).isEqualTo("Internal error");
    }

    @Test
    void batchFromTheSpecification() {
        Decoded d = sniffed("[{\"jsonrpc\": \"2.0\", \"method\": \"sum\", \"params\": [1,2,4], \"id\": \"1\"},"
                + "{\"jsonrpc\": \"2.0\", \"method\": \"notify_hello\", \"params\": [7]},"
                + "{\"jsonrpc\": \"2.0\", \"method\": \"subtract\", \"params\": [42,23], \"id\": \"2\"},"
                + "{\"foo\": \"boo\"},"
                + "{\"jsonrpc\": \"2.0\", \"method\": \"get_data\", \"id\": \"9\"}]");
        assertThat(d.summary()).isEqualTo("batch of 5: 3 requests, 1 notification, 1 malformed");
        assertThat(d.field("[0]")).isEqualTo("request #1 sum");
        assertThat(d.field("[3]")).isEqualTo("malformed: missing \"jsonrpc\": \"2.0\"");
        assertThat(d.malformed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"op\":\"subscribe\"}", "{\"method\":\"x\",\"id\":1}", "{\"jsonrpc\":\"1.0\",\"method\":\"x\"}",
            "[1,2,3]", "[]", "[{\"a\":1}]", "42", "\"jsonrpc\"", "hello", "{\"jsonrpc\":2.0,\"method\":\"x\"}", "",
            "{\"jsonrpc\":\"2.0\",\"method\":\"x\"", "[{\"jsonrpc\":\"2.0\",\"method\":\"x\"}, 5]"})
    void ordinaryJsonIsNotJsonRpc(String payload) {
        assertThat(text(decoder, payload, NONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"method\":5,\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"result\":1}", "{\"jsonrpc\":\"2.0\",\"result\":1,\"error\":{\"code\":1,\"message\":\"x\"},\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"error\":\"boom\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":3}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":{}}", "[{\"jsonrpc\":\"2.0\"}]"})
    void invalidVersion2MessagesAreMalformedEvenWithoutTheHint(String payload) {
        Decoded d = sniffed(payload);
        assertThat(d.malformed()).as(payload).isTrue();
        assertThat(d.problem()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "{\"op\":\"subscribe\"}", "[]", "{broken", "[1]", "{\"jsonrpc\":\"1.0\",\"method\":\"x\"}"})
    void withTheSubprotocolEverythingElseIsMalformed(String payload) {
        ProtocolHint hint = subprotocol("jsonrpc-2.0");
        assertThat(decoder.matchesHint(hint)).isTrue();
        assertThatCode(() -> text(decoder, payload, hint)).doesNotThrowAnyException();
        assertThat(text(decoder, payload, hint)).get().extracting(Decoded::malformed).isEqualTo(true);
    }

    @Test
    void deepNestingDoesNotThrow() {
        String deep = "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatCode(() -> text(decoder, deep, NONE)).doesNotThrowAnyException();
    }
}
