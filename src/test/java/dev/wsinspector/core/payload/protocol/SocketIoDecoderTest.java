package dev.wsinspector.core.payload.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.SOCKET_IO_URL;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Packet shapes from the Engine.IO v4 and Socket.IO v5 protocol documents. */
class SocketIoDecoderTest {

    private final SocketIoDecoder decoder = new SocketIoDecoder();

    private Decoded hinted(String payload) {
        return text(decoder, payload, SOCKET_IO_URL).orElseThrow();
    }

    @Test
    void theUrlHintNeedsASocketIoPathAndAnEioParameter() {
        assertThat(decoder.matchesHint(SOCKET_IO_URL)).isTrue();
        assertThat(decoder.matchesHint(new ProtocolHint("", "ws://h/socket.io/?EIO=3&transport=websocket&sid=x"))).isTrue();
        assertThat(decoder.matchesHint(new ProtocolHint("", "ws://h/socket.io/?transport=websocket"))).isFalse();
        assertThat(decoder.matchesHint(new ProtocolHint("", "ws://h/chat?EIO=4"))).isFalse();
        assertThat(decoder.matchesHint(new ProtocolHint("", "ws://h/socket.io-docs/?x=1"))).isFalse();
        assertThat(decoder.matchesHint(NONE)).isFalse();
    }

    @Test
    void eventWithNamespaceAndAckId() {
        Decoded d = hinted("42/admin,12[\"chat message\",{\"text\":\"hi\"},3]");
        assertThat(d.protocol()).isEqualTo("Socket.IO");
        assertThat(d.summary()).isEqualTo("EVENT \"chat message\" (ack 12) on /admin");
        assertThat(d.field("Engine.IO packet")).isEqualTo("message (4)");
        assertThat(d.field("Socket.IO packet")).isEqualTo("EVENT (2)");
        assertThat(d.field("Namespace")).isEqualTo("/admin");
        assertThat(d.field("Ack id")).isEqualTo("12");
        assertThat(d.field("Event")).isEqualTo("chat message");
        assertThat(d.field("Arguments")).isEqualTo("2");
        assertThat(d.field("Argument 1")).isEqualTo("{\"text\":\"hi\"}");
        assertThat(d.field("Argument 2")).isEqualTo("3");
        assertThat(d.field("Engine.IO version")).isEqualTo("4");
        assertThat(d.jsonBody()).isTrue();
        assertThat(d.body()).startsWith("[ {").contains("\"text\" : \"hi\"").doesNotContain("chat message");
        assertThat(d.malformed()).isFalse();
    }

    @Test
    void eventOnTheMainNamespace() {
        Decoded d = hinted("42[\"foo\",\"bar\"]");
        assertThat(d.summary()).isEqualTo("EVENT \"foo\"");
        assertThat(d.field("Namespace")).isEqualTo("/");
        assertThat(d.field("Ack id")).isNull();
    }

    @Test
    void openHandshake() {
        Decoded d = hinted("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
        assertThat(d.protocol()).isEqualTo("Engine.IO");
        assertThat(d.summary()).isEqualTo("open sid lv_VI97HAXpY6yYWAAAC (ping every 25000 ms)");
        assertThat(d.field("sid")).isEqualTo("lv_VI97HAXpY6yYWAAAC");
        assertThat(d.field("pingTimeout")).isEqualTo("20000");
        assertThat(d.field("upgrades")).isEqualTo("[]");
        assertThat(d.body()).contains("\"maxPayload\" : 1000000");
    }

    @Test
    void connectFromClientAndServer() {
        assertThat(hinted("40").summary()).isEqualTo("CONNECT /");
        Decoded server = hinted("40/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
        assertThat(server.summary()).isEqualTo("CONNECT /admin");
        assertThat(server.field("sid")).isEqualTo("oSO0OpakMV_3jnilAAAA");
        assertThat(hinted("41/admin,").summary()).isEqualTo("DISCONNECT /admin");
    }

    @Test
    void ackAndConnectError() {
        Decoded ack = hinted("4312[\"bar\"]");
        assertThat(ack.summary()).isEqualTo("ACK 12");
        assertThat(ack.field("Argument 1")).isEqualTo("\"bar\"");
        Decoded error = hinted("44/admin,{\"message\":\"Not authorized\",\"data\":{\"reason\":\"token expired\"}}");
        assertThat(error.summary()).isEqualTo("CONNECT_ERROR \"Not authorized\" on /admin");
        assertThat(error.field("Data")).isEqualTo("{\"reason\":\"token expired\"}");
    }

    @Test
    void binaryEventAndAck() {
        Decoded event = hinted("451-[\"upload\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(event.summary()).isEqualTo("BINARY_EVENT \"upload\" (1 attachment)");
        assertThat(event.field("Attachments")).isEqualTo("1");
        Decoded ack = hinted("462-/admin,15[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(ack.summary()).isEqualTo("BINARY_ACK 15 (2 attachments) on /admin");
        assertThat(ack.field("Namespace")).isEqualTo("/admin");
    }

    @Test
    void engineControlPacketsOnlyWithTheHint() {
        assertThat(hinted("2").summary()).isEqualTo("ping");
        assertThat(hinted("3probe").summary()).isEqualTo("pong \"probe\"");
        assertThat(hinted("5").summary()).isEqualTo("upgrade");
        assertThat(hinted("6").summary()).isEqualTo("noop");
        assertThat(hinted("1").summary()).isEqualTo("close");
        assertThat(hinted("4hello").protocol()).isEqualTo("Engine.IO");
        assertThat(hinted("4hello").summary()).isEqualTo("message \"hello\"");
        for (String s : new String[]{"2", "3", "3probe", "6", "1", "4hello", "40", "41"}) {
            assertThat(text(decoder, s, NONE)).as(s).isEmpty();
        }
    }

    @Test
    void binaryFramesAreAttachmentsOnlyWithTheHint() {
        Decoded d = decoder.decode(new byte[]{1, 2, 3}, false, SOCKET_IO_URL).orElseThrow();
        assertThat(d.protocol()).isEqualTo("Socket.IO binary attachment");
        assertThat(d.field("Length")).isEqualTo("3 B");
        assertThat(decoder.decode(new byte[]{1, 2, 3}, false, NONE)).isEmpty();
    }

    @Test
    void unmistakableShapesAreRecognisedWithoutTheHint() {
        assertThat(text(decoder, "42[\"chat message\",\"hi\"]", NONE)).get()
                .extracting(Decoded::summary).isEqualTo("EVENT \"chat message\"");
        assertThat(text(decoder, "0{\"sid\":\"abc\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":5000}", NONE))
                .isPresent();
        assertThat(text(decoder, "4312[\"bar\"]", NONE)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "2", "0", "40", "42[1,2]", "0{\"a\":1}", "42[]", "42[\"unterminated\"", "404 not found",
            "123", "hello", "", "{\"op\":\"subscribe\"}", "42 is the answer"})
    void ordinaryPayloadsAreNotSocketIoWithoutTheHint(String payload) {
        assertThat(text(decoder, payload, NONE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "{\"a\":1}", "42[\"unterminated\"", "42{\"not\":\"an array\"}", "42[]", "43[\"x\"]",
            "45[\"no count\"]", "45x-[\"bad count\"]", "0", "0not json", "44", "42/admin", "4299999999999999999999999[\"x\"]",
            "4\u0000", "451-", "42[\"a\"]]"})
    void malformedPacketsAreReportedWithTheHintAndNeverThrow(String payload) {
        assertThatCode(() -> text(decoder, payload, SOCKET_IO_URL)).doesNotThrowAnyException();
        Decoded d = text(decoder, payload, SOCKET_IO_URL).orElseThrow();
        if (!payload.startsWith("4\u0000")) {
            assertThat(d.malformed()).as(payload).isTrue();
            assertThat(d.summary()).startsWith("malformed: ");
        }
    }
}
