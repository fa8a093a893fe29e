package dev.wsinspector.core.payload.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Shared helpers of the decoder tests. */
final class DecoderTesting {

    static final ProtocolHint NONE = ProtocolHint.NONE;
    static final ProtocolHint SOCKET_IO_URL = new ProtocolHint("", "wss://chat.example.com/socket.io/?EIO=4&transport=websocket");

    private DecoderTesting() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static Optional<Decoded> text(ProtocolDecoder decoder, String payload, ProtocolHint hint) {
        return decoder.decode(utf8(payload), true, hint);
    }

    static ProtocolHint subprotocol(String name) {
        return new ProtocolHint(name, "wss://broker.example.com/ws");
    }
}
