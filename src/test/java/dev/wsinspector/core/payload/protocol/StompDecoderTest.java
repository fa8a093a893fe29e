package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.subprotocol;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Frames from the STOMP 1.2 specification, as STOMP.js sends them over WebSocket. */
class StompDecoderTest {

    private static final ProtocolHint V12 = subprotocol("v12.stomp");
    private final StompDecoder decoder = new StompDecoder();

    private Decoded v12(String frame) {
        return text(decoder, frame, V12).orElseThrow();
    }

    @Test
    void theHintIsAStompSubprotocol() {
        assertThat(decoder.matchesHint(V12)).isTrue();
        assertThat(decoder.matchesHint(subprotocol("v11.stomp"))).isTrue();
        assertThat(decoder.matchesHint(subprotocol("STOMP"))).isTrue();
        assertThat(decoder.matchesHint(subprotocol("mqtt"))).isFalse();
        assertThat(decoder.matchesHint(NONE)).isFalse();
    }

    @Test
    void sendWithJsonBody() {
        String body = "{\"orderId\":17,\"qty\":3,\"sku\":\"AB-12\"}";
        Decoded d = v12("SEND\ndestination:/queue/orders\ncontent-type:application/json\ncontent-length:"
                + body.length() + "\n\n" + body + "\0");
        assertThat(d.protocol()).isEqualTo("STOMP 1.2");
        assertThat(d.summary()).isEqualTo("SEND /queue/orders (application/json, " + body.length() + " B)");
        assertThat(d.field("Command")).isEqualTo("SEND");
        assertThat(d.field("destination")).isEqualTo("/queue/orders");
        assertThat(d.jsonBody()).isTrue();
        assertThat(d.body()).isEqualTo("{\n  \"orderId\" : 17,\n  \"qty\" : 3,\n  \"sku\" : \"AB-12\"\n}");
    }

    @Test
    void messageWithTextBodyKeepsHeaderOrder() {
        Decoded d = v12("MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\0");
        assertThat(d.summary()).isEqualTo("MESSAGE /queue/a (text/plain, 13 B)");
        assertThat(d.fields()).extracting(f -> f.name()).containsSubsequence("Command", "subscription", "message-id",
                "destination", "content-type", "Body");
        assertThat(d.body()).isEqualTo("hello queue a");
        assertThat(d.jsonBody()).isFalse();
    }

    @Test
    void connectAndConnected() {
        Decoded connect = v12("CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n\0");
        assertThat(connect.summary()).isEqualTo("CONNECT (host stomp.github.org)");
        assertThat(connect.field("accept-version")).isEqualTo("1.2");
        Decoded connected = text(decoder, "CONNECTED\nversion:1.2\nheart-beat:10000,10000\n\n\0", NONE).orElseThrow();
        assertThat(connected.protocol()).isEqualTo("STOMP 1.2");
        assertThat(connected.summary()).isEqualTo("CONNECTED (version 1.2)");
    }

    @Test
    void subscribeReceiptAndError() {
        assertThat(v12("SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n\0").summary())
                .isEqualTo("SUBSCRIBE /queue/foo (id 0)");
        assertThat(v12("RECEIPT\nreceipt-id:77\n\n\0").summary()).isEqualTo("RECEIPT (receipt 77)");
        String body = "The message:\n-----\nMESSAGE\ndestined:/queue/a\nreceipt:message-12345\n\nHello queue a!\n-----\n"
                + "Did not contain a destination header, which is REQUIRED\nfor message propagation.\n";
        Decoded error = v12("ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\ncontent-length:"
                + body.getBytes(StandardCharsets.UTF_8).length + "\nmessage:malformed frame received\n\n" + body + "\0");
        assertThat(error.summary()).isEqualTo("ERROR \"malformed frame received\" (text/plain, " + body.length() + " B)");
        assertThat(error.body()).isEqualTo(body);
    }

    @Test
    void contentLengthAllowsNulInTheBody() {
        Decoded d = decoder.decode(new byte[]{'S', 'E', 'N', 'D', '\n', 'd', 'e', 's', 't', 'i', 'n', 'a', 't', 'i', 'o', 'n',
                ':', '/', 'b', '\n', 'c', 'o', 'n', 't', 'e', 'n', 't', '-', 'l', 'e', 'n', 'g', 't', 'h', ':', '3', '\n', '\n',
                1, 0, 2, 0}, false, V12).orElseThrow();
        assertThat(d.malformed()).isFalse();
        assertThat(d.field("Body")).isEqualTo("3 B");
        assertThat(d.body()).isEqualTo("(3 B of binary data; see the Hex view)");
    }

    @Test
    void headerEscapesAreDecodedExceptInConnectFrames() {
        Decoded d = v12("MESSAGE\ndestination:/topic/a\\cb\nnote:line1\\nline2\\\\end\n\n\0");
        assertThat(d.field("destination")).isEqualTo("/topic/a:b");
        assertThat(d.field("note")).isEqualTo("line1\u240Aline2\\end");
        assertThat(v12("CONNECT\nlogin:a\\cb\n\n\0").field("login")).isEqualTo("a\\cb");
        assertThat(v12("MESSAGE\nx:a\\tb\n\n\0").field("Note")).isEqualTo("undefined escape \\t in a header");
        assertThat(text(decoder, "MESSAGE\ndestination:/topic/a\\cb\n\n\0", subprotocol("v10.stomp")).orElseThrow()
                .field("destination")).isEqualTo("/topic/a\\cb");
    }

    @Test
    void crlfLineEndsAndTheFirstOfRepeatedHeadersWins() {
        Decoded d = v12("MESSAGE\r\ndestination:/first\r\ndestination:/second\r\n\r\nbody\0\n");
        assertThat(d.summary()).isEqualTo("MESSAGE /first (4 B)");
        assertThat(d.body()).isEqualTo("body");
    }

    @Test
    void heartBeatsOnlyWithTheSubprotocol() {
        assertThat(v12("\n").summary()).isEqualTo("heart-beat");
        assertThat(v12("\r\n").summary()).isEqualTo("heart-beat");
        assertThat(text(decoder, "\n", NONE)).isEmpty();
    }

    @Test
    void wellFormedFramesAreRecognisedWithoutTheHint() {
        Decoded d = text(decoder, "SEND\ndestination:/queue/a\n\nhi\0", NONE).orElseThrow();
        assertThat(d.protocol()).isEqualTo("STOMP");
        assertThat(d.summary()).isEqualTo("SEND /queue/a (2 B)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEND", "SEND\ndestination:/a\n\nno nul", "ERROR something went wrong", "hello\n\n\0",
            "send\ndestination:/a\n\n\0", "MESSAGE\nno colon here\n\n\0", "{\"cmd\":\"SEND\"}", "CONNECT me please", ""})
    void ordinaryTextIsNotStompWithoutTheHint(String payload) {
        assertThat(text(decoder, payload, NONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEND", "SEND\ndestination:/a\n\nno nul", "hello\n\n\0", "MESSAGE\nno colon here\n\n\0",
            "SEND\ncontent-length:99\n\nshort\0", "SEND\ncontent-length:-1\n\n\0", "SEND\ncontent-length:x\n\n\0",
            "SEND\ndestination:/a\n", "{\"a\":1}", "", "\0"})
    void malformedFramesAreReportedWithTheHint(String payload) {
        assertThatCode(() -> text(decoder, payload, V12)).doesNotThrowAnyException();
        Decoded d = text(decoder, payload, V12).orElseThrow();
        assertThat(d.malformed()).as(payload).isTrue();
        assertThat(d.summary()).startsWith("malformed: ");
    }

    @Test
    void binaryFramesOnlyWithTheHint() {
        byte[] frame = "MESSAGE\ndestination:/a\n\nhi\0".getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(frame, false, V12)).get().extracting(Decoded::summary).isEqualTo("MESSAGE /a (2 B)");
        assertThat(decoder.decode(frame, false, NONE)).isEmpty();
    }
}
