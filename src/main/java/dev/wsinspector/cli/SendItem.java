package dev.wsinspector.cli;

import dev.wsinspector.core.frame.FrameSpec;
import dev.wsinspector.core.payload.encode.EncodeContext;
import dev.wsinspector.core.payload.encode.EncodeException;
import dev.wsinspector.core.payload.encode.EncodeRequest;
import dev.wsinspector.core.payload.encode.Encoded;
import dev.wsinspector.core.payload.encode.JsonRpcIds;
import dev.wsinspector.core.payload.encode.MessageFormat;
import dev.wsinspector.core.payload.encode.MqttPacketIds;
import dev.wsinspector.core.protocol.ClientProtocol;
import dev.wsinspector.core.protocol.ProtocolClient;
import dev.wsinspector.core.session.Connection;

import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * One thing to send after the connection opens, from {@code --send}, {@code --send-hex}, {@code --send-base64},
 * {@code --send-frame} or {@code --send-raw}.
 */
sealed interface SendItem {

    /** Queues this on the connection's send thread, which keeps the order of the items. */
    CompletableFuture<Void> sendOn(Connection connection);

    record Text(String text) implements SendItem {
        @Override
        public CompletableFuture<Void> sendOn(Connection connection) {
            return connection.sendText(text);
        }
    }

    record Binary(byte[] data) implements SendItem {
        @Override
        public CompletableFuture<Void> sendOn(Connection connection) {
            return connection.sendBinary(data);
        }
    }

    /** A crafted frame (or several, with fragments=), {@code --send-frame SPEC}. */
    record Frame(FrameSpec spec) implements SendItem {
        @Override
        public CompletableFuture<Void> sendOn(Connection connection) {
            return connection.sendCrafted(spec);
        }
    }

    /** Bytes written as they are, {@code --send-raw HEX}. */
    record Raw(byte[] wire) implements SendItem {
        @Override
        public CompletableFuture<Void> sendOn(Connection connection) {
            return connection.sendRaw(wire);
        }
    }

    /**
     * {@code --emit NAME JSON} / {@code --call NAME JSON}: a protocol message, encoded by the connection's protocol
     * client once its handshake completed (see {@link ConnectRun}); without a protocol a {@code --call} is a
     * JSON-RPC 2.0 call with the run's next id.
     */
    record Emit(boolean call, String name, String json) implements SendItem {
        @Override
        public CompletableFuture<Void> sendOn(Connection connection) {
            return CompletableFuture.failedFuture(new IllegalStateException("--emit/--call needs the protocol client"));
        }

        /** What {@code client} makes of it; null client: a JSON-RPC call with {@code ids}' next id. */
        Encoded encode(ProtocolClient client, JsonRpcIds ids) throws EncodeException {
            if (client == null) {
                if (!call) {
                    throw new EncodeException("--emit needs --protocol (" + String.join(", ", ClientProtocol.ids()) + ")");
                }
                return MessageFormat.JSON_RPC.encode(EncodeRequest.of(json, "method", name), new EncodeContext(ids,
                        new MqttPacketIds(), null));
            }
            return call ? client.call(name, json) : client.emit(name, json);
        }

        /** Sends the message as encoded. */
        static CompletableFuture<Void> send(Connection connection, Encoded message) {
            return message.text() ? connection.sendText(message.asText()) : connection.sendBinary(message.payload());
        }
    }

    /**
     * Parses hex digits; spaces, colons and a leading {@code 0x} are allowed so dumps can be pasted
     * ({@code "de ad be ef"}, {@code "de:ad"}, {@code "0xdeadbeef"}).
     */
    static Binary hex(String value) {
        String digits = value.strip();
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        digits = digits.replaceAll("[\\s:]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex needs an even number of digits, got " + digits.length());
        }
        try {
            return new Binary(HexFormat.of().parseHex(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex: '" + value + "'");
        }
    }

    /** Parses standard or URL-safe base64 (padding optional). */
    static Binary base64(String value) {
        String s = value.strip();
        try {
            return new Binary(s.indexOf('-') >= 0 || s.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(s) : Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: '" + value + "'");
        }
    }
}
