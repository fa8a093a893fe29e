package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.wsinspector.core.payload.protocol.DecoderTesting.NONE;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.SOCKET_IO_URL;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.subprotocol;
import static dev.wsinspector.core.payload.protocol.DecoderTesting.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class ProtocolDecodersTest {

    private final ProtocolDecoders decoders = new ProtocolDecoders();

    private Optional<Decoded> decode(String payload, ProtocolHint hint) {
        return decoders.decode(utf8(payload), true, hint);
    }

    @Test
    void contentSniffingPicksTheRightDecoder() {
        assertThat(decode("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}", NONE)).get()
                .extracting(Decoded::protocol).isEqualTo("JSON-RPC 2.0");
        assertThat(decode("SEND\ndestination:/a\n\n\0", NONE)).get().extracting(Decoded::protocol).isEqualTo("STOMP");
        assertThat(decode("{\"type\":\"connection_init\"}", NONE)).get().extracting(Decoded::protocol)
                .isEqualTo("GraphQL over WebSocket");
        assertThat(decode("42[\"chat\",1]", NONE)).get().extracting(Decoded::protocol).isEqualTo("Socket.IO");
    }

    @Test
    void plainPayloadsAreLeftAlone() {
        for (String s : new String[]{"{\"op\":\"subscribe\",\"ids\":[1,2]}", "42", "hello", "{\"type\":\"ping\"}", "[1,2]", "\n", "",
                "o", "h", "a", "c", "9", "A", "#1", "#2", "{\"event\":\"chat\",\"data\":1}", "[1,\"realm\",{}]",
                "[48,1,{},\"add\"]", "{\"type\":\"welcome\",\"user\":1}", "{\"identifier\":\"x\",\"message\":1}",
                "{\"type\":1,\"target\":\"x\"}", "a[1,2]", "{}", "[\"e\",\"x\",1]"}) {
            assertThat(decode(s, NONE)).as(s).isEmpty();
        }
        assertThat(decoders.decode(new byte[]{0, 1, 2}, false, NONE)).isEmpty();
    }

    @Test
    void theHintWins() {
        // Legal JSON-RPC, but on a STOMP connection it is not a STOMP frame.
        Decoded onStomp = decode("{\"jsonrpc\":\"2.0\",\"method\":\"ping\",\"id\":1}", subprotocol("v12.stomp")).orElseThrow();
        assertThat(onStomp.protocol()).isEqualTo("STOMP 1.2");
        assertThat(onStomp.malformed()).isTrue();
        assertThat(decode("42", SOCKET_IO_URL)).get().extracting(Decoded::summary).isEqualTo(
                "malformed: EVENT data must be an array starting with the event name");
        assertThat(decode("2", SOCKET_IO_URL)).get().extracting(Decoded::summary).isEqualTo("ping");
        assertThat(decode("\n", subprotocol("v11.stomp"))).get().extracting(Decoded::summary).isEqualTo("heart-beat");
    }

    @Test
    void aHintForOneDecoderStillLetsOthersSniff() {
        // A hinted decoder that does not answer (GraphQL never reads binary) leaves the others to try.
        ProtocolDecoder silent = new ProtocolDecoder() {
            @Override
            public String name() {
                return "Silent";
            }

            @Override
            public ProtocolId id() {
                return ProtocolId.CBOR; // any: the test never asks
            }

            @Override
            public boolean matchesHint(ProtocolHint hint) {
                return true;
            }

            @Override
            public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
                return Optional.empty();
            }
        };
        ProtocolDecoders withSilent = new ProtocolDecoders(List.of(silent, new JsonRpcDecoder()), 1024);
        assertThat(withSilent.decode(utf8("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}"), true, NONE)).isPresent();
    }

    @Test
    void aFailingDecoderIsReportedWhenHintedAndSkippedOtherwise() {
        ProtocolDecoder broken = new ProtocolDecoder() {
            @Override
            public String name() {
                return "Broken";
            }

            @Override
            public ProtocolId id() {
                return ProtocolId.CBOR; // any: the test never asks
            }

            @Override
            public boolean matchesHint(ProtocolHint hint) {
                return hint.subprotocolIs("broken");
            }

            @Override
            public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
                throw new IllegalStateException("bug");
            }
        };
        ProtocolDecoders set = new ProtocolDecoders(List.of(broken, new JsonRpcDecoder()), 1024);
        byte[] rpc = utf8("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}");
        assertThat(set.decode(rpc, true, NONE)).get().extracting(Decoded::protocol).isEqualTo("JSON-RPC 2.0");
        Decoded reported = set.decode(rpc, true, subprotocol("broken")).orElseThrow();
        assertThat(reported.protocol()).isEqualTo("Broken");
        assertThat(reported.problem()).contains("bug");
    }

    @Test
    void payloadsAboveTheCapAreNotDecoded() {
        ProtocolDecoders small = new ProtocolDecoders(List.of(new JsonRpcDecoder()), 16);
        assertThat(small.decode(utf8("{\"jsonrpc\":\"2.0\",\"result\":1,\"id\":1}"), true, NONE)).isEmpty();
    }

    @Test
    void hintFromAnOpenedEvent() {
        Handshake handshake = new Handshake("GET /ws HTTP/1.1", List.of(), 101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Sec-WebSocket-Protocol", "v12.stomp")), new byte[0]);
        ProtocolHint hint = ProtocolHint.of(new ConnectionEvent.Opened(0, 0, "ws://localhost/ws", handshake));
        assertThat(hint).isEqualTo(new ProtocolHint("v12.stomp", "ws://localhost/ws"));
        assertThat(new ProtocolHint(null, null)).isEqualTo(NONE);
        assertThat(SOCKET_IO_URL.engineIoVersion()).isEqualTo("4");
    }
}
