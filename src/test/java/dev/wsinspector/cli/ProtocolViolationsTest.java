package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.testutil.RawWebSocketServer;
import dev.wsinspector.testutil.RawWebSocketServer.ClientFrame;
import dev.wsinspector.testutil.RawWebSocketServer.Peer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code connect} against a hostile server on raw sockets, one per RFC 6455 violation: by default the client
 * fails the connection with the rule's code (read raw on the wire), reports an {@code error} line naming the rule
 * and its section, a close with {@code clean:false}, exit 1, and the offending frame byte for byte; with
 * {@code --lenient} it flags the violation and stays open.
 */
@Timeout(60)
class ProtocolViolationsTest {

    /** One violation: the bytes the server sends, what the client must say about them, and the code it must send. */
    record Case(String name, byte[] wire, int frames, String rule, int code) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static List<Case> violations() {
        return List.of(
                new Case("masked text", Peer.maskedFrame(0x81, 0x0A0B0C0D, utf8("hidden")), 1,
                        "masked frame from server (RFC 6455 §5.1)", 1002),
                new Case("masked close", Peer.maskedFrame(0x88, 0x01020304, Peer.closePayload(1000)), 1,
                        "masked frame from server (RFC 6455 §5.1)", 1002),
                new Case("reserved opcode 0x3", Peer.frame(0x83, utf8("odd")), 1,
                        "reserved opcode 0x3 (RFC 6455 §5.2)", 1002),
                new Case("reserved control opcode 0xB", Peer.frame(0x8B, new byte[0]), 1,
                        "reserved opcode 0xB (RFC 6455 §5.2)", 1002),
                new Case("RSV1 without an extension", Peer.frame(0xC1, utf8("squeezed?")), 1,
                        "RSV bits without a negotiated extension (RSV1 on a text frame) (RFC 6455 §5.2)", 1002),
                new Case("RSV3 on a ping", Peer.frame(0x99, new byte[0]), 1,
                        "RSV bits without a negotiated extension (RSV3 on a ping frame) (RFC 6455 §5.2)", 1002),
                new Case("fragmented ping", Peer.frame(0x09, utf8("half")), 1,
                        "fragmented control frame (ping) (RFC 6455 §5.5)", 1002),
                new Case("oversized ping", Peer.frame(0x89, new byte[126]), 1,
                        "control frame over 125 bytes (ping, 126 bytes) (RFC 6455 §5.5)", 1002),
                new Case("1-byte close payload", Peer.frame(0x88, new byte[]{0x03}), 1,
                        "close frame with a 1-byte payload (RFC 6455 §5.5.1)", 1002),
                new Case("close code 1005 on the wire", Peer.frame(0x88, Peer.closePayload(1005)), 1,
                        "invalid close code 1005 (RFC 6455 §7.4)", 1002),
                new Case("close code 999", Peer.frame(0x88, Peer.closePayload(999)), 1,
                        "invalid close code 999 (RFC 6455 §7.4)", 1002),
                new Case("close code 2000", Peer.frame(0x88, Peer.closePayload(2000, utf8("why"))), 1,
                        "invalid close code 2000 (RFC 6455 §7.4)", 1002),
                new Case("close reason not UTF-8", Peer.frame(0x88, Peer.closePayload(1000, (byte) 0xC3, (byte) 0x28)),
                        1, "close reason that is not valid UTF-8 (RFC 6455 §5.5.1)", 1007),
                new Case("continuation without a start", Peer.frame(0x80, utf8("orphan")), 1,
                        "continuation frame without a message to continue (RFC 6455 §5.4)", 1002),
                new Case("new message inside a fragmented one",
                        concat(Peer.frame(0x01, utf8("start")), Peer.frame(0x82, utf8("intruder"))), 2,
                        "new data frame while a fragmented message is open (binary) (RFC 6455 §5.4)", 1002));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void strictByDefaultFailsTheConnectionWithTheRulesCode(Case c) throws Exception {
        CompletableFuture<ClientFrame> clientClose = new CompletableFuture<>();
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.sendText(true, 0x1, "before");
            peer.write(c.wire());
            try {
                clientClose.complete(peer.awaitClose());
            } catch (java.io.EOFException lost) {
                // Java-WebSocket 1.6.0 can close the socket before its write thread sends the close reply to a
                // server's close (a known library race, rare, seen under load); what the client sent is checked
                // from its own capture below.
                clientClose.complete(null);
                return;
            }
            peer.clientClosed(3000);
        })) {
            CliRun run = CliRun.of("connect", server.uri("/hostile").toString(), "--connect-timeout", "5");

            String expected = "Protocol violation: " + c.rule() + " — closed " + c.code();
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
            assertThat(server.errors()).as(run.toString()).isEmpty();
            ClientFrame close = clientClose.get(10, TimeUnit.SECONDS);
            if (close != null) { // null: lost by the library's race (above); the capture below still tells
                assertThat(close.closeCode()).as("close code on the wire").isEqualTo(c.code());
                assertThat(close.masked()).isTrue();
            }

            JsonNode error = run.ofType("error").get(0);
            assertThat(error.get("message").asText()).isEqualTo(expected);
            assertThat(error.get("kind").asText()).isEqualTo("protocol");
            assertThat(run.err()).contains(expected).doesNotContain("Exception", "\tat ");
            JsonNode closed = run.ofType("close").get(0);
            assertThat(closed.get("clean").asBoolean()).as(run.toString()).isFalse();
            assertThat(closed.get("code").asInt()).isEqualTo(c.code());
            assertThat(closed.get("remote").asBoolean()).isFalse();

            List<JsonNode> in = run.ofType("frame").stream().filter(f -> f.get("dir").asText().equals("in")).toList();
            assertThat(in.get(0).get("text").asText()).isEqualTo("before");
            assertThat(in).as(run.toString()).hasSize(1 + c.frames());
            byte[] captured = concat(in.subList(1, in.size()).stream().map(ProtocolViolationsTest::wire)
                    .toArray(byte[][]::new));
            assertThat(HexFormat.of().formatHex(captured)).as("the offending frame as on the wire")
                    .isEqualTo(HexFormat.of().formatHex(c.wire()));
            // The error comes right after the offending frame.
            assertThat(error.get("frameIndex").asLong()).isEqualTo(in.get(in.size() - 1).get("seq").asLong() + 1);
            JsonNode ours = run.frames("out", "close").get(0);
            assertThat(ours.get("closeCode").asInt()).isEqualTo(c.code());
            assertThat(server.errors()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void lenientFlagsTheViolationAndKeepsTheConnectionOpen(Case c) throws Exception {
        CompletableFuture<ClientFrame> clientClose = new CompletableFuture<>();
        try (RawWebSocketServer server = new RawWebSocketServer(peer -> {
            peer.upgrade();
            peer.write(c.wire());
            // A masked close is let through: the client answers it and hangs up, so nothing more is written
            // (writing on would race the client's hang-up into a broken pipe).
            if (!c.name().equals("masked close")) {
                if (c.frames() == 2) {
                    peer.sendFrame(0x80, utf8(" end")); // completes the message the intruder interrupted
                }
                peer.sendText(true, 0x1, "still here");
                peer.sendClose(1000, "done");
            }
            try {
                clientClose.complete(peer.awaitClose());
            } catch (java.io.EOFException lost) {
                // Java-WebSocket 1.6.0 can close the socket before its write thread sends the close reply to a
                // server's close (a known library race, rare, seen under load); what the client sent is checked
                // from its own capture below.
                clientClose.complete(null);
                return;
            }
            peer.clientClosed(3000);
        })) {
            CliRun run = CliRun.of("connect", server.uri("/hostile").toString(), "--connect-timeout", "5",
                    "--lenient");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.ofType("error")).as(run.toString()).isEmpty();
            assertThat(server.errors()).as(run.toString()).isEmpty();
            JsonNode note = run.ofType("note").get(0);
            assertThat(note.get("level").asText()).isEqualTo("warning");
            assertThat(note.get("message").asText())
                    .isEqualTo("Protocol violation: " + c.rule() + " — kept open (lenient)");
            assertThat(run.err()).contains("Protocol violation: " + c.rule());
            if (!c.name().equals("masked close")) {
                // A masked close is only badly masked: it is let through and ends the connection, cleanly.
                assertThat(run.ofType("frame").stream().filter(f -> f.path("text").asText().equals("still here")))
                        .hasSize(1);
            }
            ClientFrame onTheWire = clientClose.get(10, TimeUnit.SECONDS);
            if (onTheWire != null) {
                assertThat(onTheWire.closeCode()).isEqualTo(1000);
            }
            assertThat(run.frames("out", "close")).as("the close reply").hasSize(1);
            assertThat(run.frames("out", "close").get(0).get("closeCode").asInt()).isEqualTo(1000);
            JsonNode closed = run.ofType("close").get(0);
            assertThat(closed.get("clean").asBoolean()).isTrue();
            assertThat(closed.get("code").asInt()).isEqualTo(1000);
            List<JsonNode> in = run.ofType("frame").stream().filter(f -> f.get("dir").asText().equals("in")).toList();
            byte[] captured = concat(in.subList(0, c.frames()).stream().map(ProtocolViolationsTest::wire)
                    .toArray(byte[][]::new));
            assertThat(captured).isEqualTo(c.wire());
        }
    }

    /** The bytes a JSONL frame line describes, with the shortest length encoding (as the hostile frames use). */
    private static byte[] wire(JsonNode f) {
        String op = f.get("opcode").asText();
        int opcode = switch (op) {
            case "continuation" -> 0;
            case "text" -> 1;
            case "binary" -> 2;
            case "close" -> 8;
            case "ping" -> 9;
            case "pong" -> 0xA;
            default -> Integer.parseInt(op.substring("reserved-".length()), 16);
        };
        int b0 = (f.get("fin").asBoolean() ? 0x80 : 0) | (f.get("rsv1").asBoolean() ? 0x40 : 0)
                | (f.get("rsv2").asBoolean() ? 0x20 : 0) | (f.get("rsv3").asBoolean() ? 0x10 : 0) | opcode;
        byte[] payload;
        if (f.has("text")) {
            payload = utf8(f.get("text").asText());
        } else if (f.has("base64")) {
            payload = Base64.getDecoder().decode(f.get("base64").asText());
        } else {
            payload = Peer.closePayload(f.get("closeCode").asInt(), utf8(f.get("closeReason").asText()));
        }
        assertThat(f.get("length").asInt()).isEqualTo(payload.length);
        assertThat(f.has("truncated")).isFalse();
        return f.get("masked").asBoolean()
                ? Peer.maskedFrame(b0, (int) Long.parseLong(f.get("maskKey").asText(), 16), payload)
                : Peer.frame(b0, payload);
    }
}
