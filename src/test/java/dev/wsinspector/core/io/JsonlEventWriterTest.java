package dev.wsinspector.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.payload.IsoTime;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonlEventWriterTest {

    /** 2026-11-26T05:48:36.123456Z */
    private static final long T = 1_795_672_116_123_456L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter buffer = new StringWriter();
    private final JsonlEventWriter writer = new JsonlEventWriter(buffer, false);
    private long seq;

    @Test
    void timeIsIsoUtcWithSixFractionDigits() {
        assertThat(IsoTime.ofEpochMicros(T)).isEqualTo("2026-11-26T05:48:36.123456Z");
        assertThat(IsoTime.ofEpochMicros(T - 123_456)).isEqualTo("2026-11-26T05:48:36.000000Z");
        assertThat(IsoTime.ofEpochMicros(0)).isEqualTo("1970-01-01T00:00:00.000000Z");
    }

    @Test
    void openEventCarriesStatusHeadersSubprotocolAndMasksSecrets() throws Exception {
        writer.writeEvent(opened("ws://h/chat?token=abc&room=1"));
        JsonNode open = lines().get(0);

        assertThat(open.get("type").asText()).isEqualTo("open");
        assertThat(open.get("time").asText()).isEqualTo("2026-11-26T05:48:36.123456Z");
        assertThat(open.get("url").asText()).isEqualTo("ws://h/chat?token=" + Secrets.MASK + "&room=1");
        assertThat(open.get("status").asInt()).isEqualTo(101);
        assertThat(open.get("requestHeaders").get("Host").asText()).isEqualTo("h");
        assertThat(open.get("requestHeaders").get("Authorization").asText()).isEqualTo(Secrets.MASK);
        assertThat(open.get("requestHeaders").get("Accept").asText())
                .as("repeated headers are joined").isEqualTo("a, b");
        assertThat(open.get("responseHeaders").get("Upgrade").asText()).isEqualTo("websocket");
        assertThat(open.get("subprotocol").asText()).isEqualTo("chat");
        assertThat(open.get("extensions").isNull()).isTrue();
    }

    @Test
    void includeSecretsWritesThemAsTheyAre() throws Exception {
        JsonlEventWriter open = new JsonlEventWriter(buffer, true);
        open.writeEvent(opened("ws://h/chat?token=abc"));
        JsonNode line = lines().get(0);
        assertThat(line.get("requestHeaders").get("Authorization").asText()).isEqualTo("Bearer s3cret");
        assertThat(line.get("url").asText()).isEqualTo("ws://h/chat?token=abc");
    }

    @Test
    void textFrameHasEveryContractField() throws Exception {
        writer.writeFrame(frame(Direction.OUT, 0x81, true, 0x01020304, "hello".getBytes(StandardCharsets.UTF_8)));
        JsonNode f = lines().get(0);

        assertThat(f.get("type").asText()).isEqualTo("frame");
        assertThat(f.get("seq").asLong()).isEqualTo(0);
        assertThat(f.get("time").asText()).isEqualTo("2026-11-26T05:48:36.123456Z");
        assertThat(f.get("dir").asText()).isEqualTo("out");
        assertThat(f.get("opcode").asText()).isEqualTo("text");
        assertThat(f.get("fin").asBoolean()).isTrue();
        assertThat(f.get("rsv1").isBoolean()).isTrue();
        assertThat(f.get("rsv1").asBoolean()).isFalse();
        assertThat(f.get("rsv2").asBoolean()).isFalse();
        assertThat(f.get("rsv3").asBoolean()).isFalse();
        assertThat(f.get("masked").asBoolean()).isTrue();
        assertThat(f.get("maskKey").asText()).isEqualTo("01020304");
        assertThat(f.get("length").asInt()).isEqualTo(5);
        assertThat(f.get("text").asText()).isEqualTo("hello");
        assertThat(f.has("base64")).isFalse();
        assertThat(f.has("compressedLength")).isFalse();
    }

    @Test
    void binaryFrameIsBase64OfEveryByteValue() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        writer.writeFrame(frame(Direction.IN, 0x82, false, 0, all));
        JsonNode f = lines().get(0);

        assertThat(f.get("opcode").asText()).isEqualTo("binary");
        assertThat(f.get("dir").asText()).isEqualTo("in");
        assertThat(f.get("masked").asBoolean()).isFalse();
        assertThat(f.has("maskKey")).isFalse();
        assertThat(f.get("length").asInt()).isEqualTo(256);
        assertThat(f.has("text")).isFalse();
        assertThat(Base64.getDecoder().decode(f.get("base64").asText())).isEqualTo(all);
    }

    @Test
    void binaryThatHappensToBeAsciiIsStillBase64() throws Exception {
        writer.writeFrame(frame(Direction.IN, 0x82, false, 0, "abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(lines().get(0).get("base64").asText()).isEqualTo("YWJj");
    }

    @Test
    void textFrameWithInvalidUtf8IsBase64() throws Exception {
        byte[] bad = {'a', (byte) 0xFF, 'b'};
        writer.writeFrame(frame(Direction.IN, 0x81, false, 0, bad));
        JsonNode f = lines().get(0);
        assertThat(f.has("text")).isFalse();
        assertThat(Base64.getDecoder().decode(f.get("base64").asText())).isEqualTo(bad);
    }

    @Test
    void continuationFollowsTheMessageItBelongsToPerDirection() throws Exception {
        // An inbound text message and an outbound binary message are fragmented at the same time.
        writer.writeFrame(frame(Direction.IN, 0x01, false, 0, bytes("Hel")));
        writer.writeFrame(frame(Direction.OUT, 0x02, true, 7, bytes("BIN")));
        writer.writeFrame(frame(Direction.OUT, 0x80, true, 7, bytes("ARY")));
        writer.writeFrame(frame(Direction.IN, 0x89, false, 0, bytes("p")));
        writer.writeFrame(frame(Direction.IN, 0x80, false, 0, bytes("lo")));
        // After the text message ended, a stray continuation is not text.
        writer.writeFrame(frame(Direction.IN, 0x80, false, 0, bytes("zz")));

        List<JsonNode> l = lines();
        assertThat(l.get(0).get("text").asText()).isEqualTo("Hel");
        assertThat(l.get(1).get("base64").asText()).isEqualTo("QklO");
        assertThat(l.get(2).get("opcode").asText()).isEqualTo("continuation");
        assertThat(l.get(2).get("base64").asText()).isEqualTo("QVJZ");
        assertThat(l.get(3).get("opcode").asText()).isEqualTo("ping");
        assertThat(l.get(3).get("text").asText()).isEqualTo("p");
        assertThat(l.get(4).get("text").asText()).isEqualTo("lo");
        assertThat(l.get(4).get("fin").asBoolean()).isTrue();
        assertThat(l.get(5).has("text")).isFalse();
        assertThat(l.get(5).get("base64").asText()).isEqualTo("eno=");
    }

    @Test
    void fragmentSplittingAMultiByteCharacterIsBase64SoNoByteIsLost() throws Exception {
        byte[] word = bytes("hé!"); // é is C3 A9
        writer.writeFrame(frame(Direction.IN, 0x01, false, 0, Arrays.copyOfRange(word, 0, 2)));
        writer.writeFrame(frame(Direction.IN, 0x80, false, 0, Arrays.copyOfRange(word, 2, word.length)));

        List<JsonNode> l = lines();
        byte[] first = Base64.getDecoder().decode(l.get(0).get("base64").asText());
        byte[] second = Base64.getDecoder().decode(l.get(1).get("base64").asText());
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        assertThat(new String(joined, StandardCharsets.UTF_8)).isEqualTo("hé!");
    }

    @Test
    void closeFrameCarriesCodeAndReason() throws Exception {
        byte[] payload = ByteBuffer.allocate(2 + 3).putShort((short) 4000).put(bytes("bye")).array();
        writer.writeFrame(frame(Direction.IN, 0x88, false, 0, payload));
        writer.writeFrame(frame(Direction.OUT, 0x88, true, 9, new byte[0]));
        writer.writeFrame(frame(Direction.IN, 0x88, false, 0, new byte[] {0x03, (byte) 0xE8, (byte) 0xFF}));

        List<JsonNode> l = lines();
        assertThat(l.get(0).get("opcode").asText()).isEqualTo("close");
        assertThat(l.get(0).get("closeCode").asInt()).isEqualTo(4000);
        assertThat(l.get(0).get("closeReason").asText()).isEqualTo("bye");
        assertThat(l.get(1).get("closeCode").asInt()).as("empty close payload means 1005").isEqualTo(1005);
        assertThat(l.get(1).get("closeReason").asText()).isEmpty();
        assertThat(l.get(2).get("closeCode").asInt()).isEqualTo(1000);
        assertThat(l.get(2).has("closeReason")).isFalse();
        assertThat(l.get(2).get("base64").asText()).isEqualTo("A+j/");
    }

    @Test
    void inflatedFrameReportsCompressedLengthAndRsv1() throws Exception {
        WireHeader h = WireHeader.of(0xC1, false, 0, 7);
        writer.writeFrame(new Frame(seq++, T, 0, Direction.IN, h, true, ByteBuffer.wrap(bytes("hello hello"))));
        JsonNode f = lines().get(0);
        assertThat(f.get("rsv1").asBoolean()).isTrue();
        assertThat(f.get("length").asInt()).isEqualTo(11);
        assertThat(f.get("compressedLength").asLong()).isEqualTo(7);
        assertThat(f.get("text").asText()).isEqualTo("hello hello");
    }

    @Test
    void notesAreWrittenWithTheirLevel() throws Exception {
        writer.writeEvent(new ConnectionEvent.Note(T, 3, ConnectionEvent.Note.ERROR, "Replay: step 2 timed out"));

        JsonNode note = lines().get(0);
        assertThat(note.get("type").asText()).isEqualTo("note");
        assertThat(note.get("time").asText()).isEqualTo("2026-11-26T05:48:36.123456Z");
        assertThat(note.get("level").asText()).isEqualTo("error");
        assertThat(note.get("message").asText()).isEqualTo("Replay: step 2 timed out");
        assertThat(note.get("frameIndex").asLong()).isEqualTo(3);
    }

    @Test
    void closeAndErrorEvents() throws Exception {
        assertThat(writer.writeEvent(new ConnectionEvent.Connecting(T, 0, "ws://h/"))).isFalse();
        writer.writeEvent(new ConnectionEvent.Closed(T, 4, 1000, "done", true, true));
        Handshake refused = new Handshake("GET / HTTP/1.1", List.of(), 401, "HTTP/1.1 401 Unauthorized",
                List.of(new HttpHeader("WWW-Authenticate", "Bearer")), bytes("no token"));
        writer.writeEvent(new ConnectionEvent.Failed(T, 0, FailureKind.HANDSHAKE_REJECTED, "HTTP 401", refused));

        List<JsonNode> l = lines();
        assertThat(l).hasSize(2);
        JsonNode close = l.get(0);
        assertThat(close.get("type").asText()).isEqualTo("close");
        assertThat(close.get("time").asText()).isEqualTo("2026-11-26T05:48:36.123456Z");
        assertThat(close.get("code").asInt()).isEqualTo(1000);
        assertThat(close.get("reason").asText()).isEqualTo("done");
        assertThat(close.get("remote").asBoolean()).isTrue();
        JsonNode error = l.get(1);
        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).isEqualTo("HTTP 401");
        assertThat(error.get("kind").asText()).isEqualTo("handshake-rejected");
        assertThat(error.get("status").asInt()).isEqualTo(401);
        assertThat(error.get("responseHeaders").get("WWW-Authenticate").asText()).isEqualTo("Bearer");
        assertThat(error.get("body").asText()).isEqualTo("no token");
    }

    private ConnectionEvent.Opened opened(String url) {
        Handshake hs = new Handshake("GET /chat HTTP/1.1",
                List.of(new HttpHeader("Host", "h"), new HttpHeader("Authorization", "Bearer s3cret"),
                        new HttpHeader("Accept", "a"), new HttpHeader("Accept", "b")),
                101, "HTTP/1.1 101 Switching Protocols",
                List.of(new HttpHeader("Upgrade", "websocket"), new HttpHeader("Sec-WebSocket-Protocol", "chat")),
                new byte[0]);
        return new ConnectionEvent.Opened(T, 0, url, hs);
    }

    private Frame frame(Direction dir, int firstByte, boolean masked, int maskKey, byte[] payload) {
        return new Frame(seq++, T, 0, dir, WireHeader.of(firstByte, masked, maskKey, payload.length), false,
                ByteBuffer.wrap(payload));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every line must be one complete JSON object. */
    private List<JsonNode> lines() throws Exception {
        writer.flush();
        String text = buffer.toString();
        assertThat(text).endsWith("\n");
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            nodes.add(node);
        }
        return nodes;
    }
}
