package dev.wsinspector.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wsinspector.testutil.ByteExactServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code connect --send-frame / --send-raw / --no-auto-pong}, in process, against a server that keeps every byte. */
@Timeout(30)
class ConnectCraftingTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLOSE_1000 = HEX.parseHex("880203e8");

    private ByteExactServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void craftedFramesAndRawBytesGoOutInOrderWithTheOtherSends() throws Exception {
        // 810161: the crafted frame; 8a00: raw bytes (an empty pong); then -s c, masked by the client (7 bytes)
        server = new ByteExactServer(wire -> {
            wire.readExactly(3 + 2 + 7);
            wire.write(CLOSE_1000);
            wire.readFramesUntilClose();
        });
        CliRun run = CliRun.of("connect", server.uri().toString(), "--send-frame", "op=text,mask=off,text=a",
                "--send-raw", "8a 00", "-s", "c");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        byte[] wire = server.received();
        assertThat(HEX.formatHex(wire, 0, 5)).isEqualTo("810161" + "8a00");
        assertThat(HEX.formatHex(wire, 5, 7)).as("the library's own text frame, masked").isEqualTo("8181");
        List<JsonNode> out = run.ofType("frame").stream().filter(n -> n.get("dir").asText().equals("out")).toList();
        assertThat(out).extracting(n -> n.get("opcode").asText()).startsWith("text", "pong", "text");
        assertThat(out.get(0).get("crafted").asBoolean()).isTrue();
        assertThat(out.get(0).get("masked").asBoolean()).isFalse();
        assertThat(out.get(1).get("crafted").asBoolean()).isTrue();
        assertThat(out.get(2).has("crafted")).isFalse();
    }

    @Test
    void aLyingLengthIsWrittenAsGivenAndPrintedAsCutShort() throws Exception {
        server = new ByteExactServer(wire -> {
            wire.readExactly(2 + 2 + 4 + 5);
            wire.write(CLOSE_1000);
            wire.readUntilClosed();
        });
        CliRun run = CliRun.of("connect", server.uri().toString(), "--send-frame",
                "opcode=1,fin=0,rsv1=1,mask=01020304,len=200,text=hello", "--timeout", "10");

        assertThat(HEX.formatHex(server.received(), 0, 8)).isEqualTo("41fe00c8" + "01020304");
        JsonNode crafted = run.frames("out", "text").get(0);
        assertThat(crafted.get("crafted").asBoolean()).as(run.toString()).isTrue();
        assertThat(crafted.get("rsv1").asBoolean()).isTrue();
        assertThat(crafted.get("fin").asBoolean()).isFalse();
        assertThat(crafted.get("maskKey").asText()).isEqualTo("01020304");
        assertThat(crafted.get("text").asText()).isEqualTo("hello");
        assertThat(crafted.get("truncated").asBoolean()).isTrue();
        assertThat(crafted.get("wireLength").asLong()).isEqualTo(200);
    }

    @Test
    void aBadSpecIsAUsageErrorNamingThePart() {
        CliRun run = CliRun.of("connect", "ws://127.0.0.1:1/", "--send-frame", "op=text,rsv1=2,text=x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--send-frame': 'rsv1=2': expected 1 or 0");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");

        CliRun raw = CliRun.of("connect", "ws://127.0.0.1:1/", "--send-raw", "8");
        assertThat(raw.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(raw.err()).contains("Invalid value for option '--send-raw': hex needs an even number of digits");
    }

    @Test
    void noAutoPongLeavesTheServersPingUnanswered() throws Exception {
        Exchange exchange = pingExchange("--no-auto-pong");
        assertThat(exchange.clientFrames()).as("frames after the ping, up to the close")
                .extracting(f -> f[0] & 0x0F).containsExactly(0x8);
        assertThat(exchange.run().frames("in", "ping")).as(exchange.run().toString()).hasSize(1);
        assertThat(exchange.run().frames("out", "pong")).isEmpty();
    }

    @Test
    void byDefaultThePingIsAnswered() throws Exception {
        Exchange exchange = pingExchange();
        assertThat(exchange.clientFrames()).extracting(f -> f[0] & 0x0F).containsExactly(0xA, 0x8);
        assertThat(exchange.run().frames("out", "pong")).hasSize(1);
    }

    private record Exchange(CliRun run, List<byte[]> clientFrames) {
    }

    /**
     * The client says "go" (so its auto-pong choice is in force), the server pings and then sends one text frame;
     * -n 1 makes the client close on it. A pong, if any, is written when the ping is read, before that close.
     */
    private Exchange pingExchange(String... extra) throws Exception {
        CompletableFuture<List<byte[]>> afterPing = new CompletableFuture<>();
        server = new ByteExactServer(wire -> {
            wire.readFrame();
            wire.write(HEX.parseHex("89026869" + "81066d61726b6572"));
            afterPing.complete(wire.readFramesUntilClose());
            wire.write(CLOSE_1000);
        });
        List<String> args = new java.util.ArrayList<>(List.of("connect", server.uri().toString(), "-s", "go", "-n", "1"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        return new Exchange(run, afterPing.get(10, TimeUnit.SECONDS));
    }
}
