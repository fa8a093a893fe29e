package dev.wsinspector.core.io;

import dev.wsinspector.testutil.FixedCaptureClock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.CaptureClock;
import dev.wsinspector.core.frame.ColumnarFrameStore;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HarWriterTest {

    /** 2026-11-26T05:48:36.000000Z; the test clock maps monotonic nanos 0 to this. */
    private static final long T0 = 1_795_672_116_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrameStore store = new ColumnarFrameStore(new FixedCaptureClock(T0));
    private String lastHar;

    @Test
    void oneWebSocketEntryWithChromeStyleMessages() throws Exception {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        byte[] accented = "héllo".getBytes(StandardCharsets.UTF_8);
        append(Direction.OUT, 0x81, true, 1_000, "hello".getBytes(StandardCharsets.UTF_8));
        append(Direction.IN, 0x81, false, 2_000, "hello".getBytes(StandardCharsets.UTF_8));
        append(Direction.OUT, 0x82, true, 3_000, all);
        // A text message in two fragments that split "é", with a ping in between.
        append(Direction.IN, 0x01, false, 4_000, Arrays.copyOfRange(accented, 0, 2));
        append(Direction.IN, 0x89, false, 5_000, "p".getBytes(StandardCharsets.UTF_8));
        append(Direction.IN, 0x80, false, 6_000, Arrays.copyOfRange(accented, 2, accented.length));
        append(Direction.OUT, 0x88, true, 7_000, ByteBuffer.allocate(4).putShort((short) 1000).put((byte) 'o')
                .put((byte) 'k').array());

        JsonNode log = write(List.of(new ConnectionEvent.Connecting(T0, 0, "ws://h:1/chat?token=t&room=2"),
                new ConnectionEvent.Opened(T0 + 500, 0, "ws://h:1/chat?token=t&room=2", handshake()),
                new ConnectionEvent.Closed(T0 + 8_000, 7, 1000, "ok", false, true)), false).get("log");

        assertThat(log.get("version").asText()).isEqualTo("1.2");
        assertThat(log.get("creator").get("name").asText()).isEqualTo("WS Inspector");
        assertThat(log.get("entries")).hasSize(1);
        JsonNode entry = log.get("entries").get(0);
        assertThat(entry.get("_resourceType").asText()).isEqualTo("websocket");
        assertThat(entry.get("startedDateTime").asText()).isEqualTo("2026-11-26T05:48:36.000000Z");
        assertThat(entry.get("time").asDouble()).isEqualTo(0.5);
        assertThat(entry.get("timings").get("wait").asDouble()).isEqualTo(0.5);

        JsonNode request = entry.get("request");
        assertThat(request.get("method").asText()).isEqualTo("GET");
        assertThat(request.get("url").asText()).isEqualTo("ws://h:1/chat?token=" + Secrets.MASK + "&room=2");
        assertThat(request.get("httpVersion").asText()).isEqualTo("HTTP/1.1");
        assertThat(header(request, "Authorization")).isEqualTo(Secrets.MASK);
        assertThat(header(request, "Host")).isEqualTo("h:1");
        assertThat(request.get("queryString").get(1).get("name").asText()).isEqualTo("room");
        JsonNode response = entry.get("response");
        assertThat(response.get("status").asInt()).isEqualTo(101);
        assertThat(response.get("statusText").asText()).isEqualTo("Switching Protocols");
        assertThat(header(response, "Upgrade")).isEqualTo("websocket");

        JsonNode messages = entry.get("_webSocketMessages");
        assertThat(messages).hasSize(6);
        assertMessage(messages.get(0), "send", 1, "hello");
        assertThat(messages.get(0).get("time").isBigDecimal() || messages.get(0).get("time").isDouble()).isTrue();
        assertThat(lastHar).as("times are plain decimals like Chrome's").contains("\"time\" : 1795672116.001000");
        assertThat(messages.get(0).get("time").asDouble()).isCloseTo(T0 / 1e6 + 0.001, within(1e-6));
        assertMessage(messages.get(1), "receive", 1, "hello");
        assertThat(messages.get(2).get("type").asText()).isEqualTo("send");
        assertThat(messages.get(2).get("opcode").asInt()).isEqualTo(2);
        assertThat(Base64.getDecoder().decode(messages.get(2).get("data").asText())).isEqualTo(all);
        // The ping completes before the fragmented message, which is joined and stamped with its last fragment.
        assertMessage(messages.get(3), "receive", 9, "p");
        assertMessage(messages.get(4), "receive", 1, "héllo");
        assertThat(messages.get(4).get("time").asDouble()).isCloseTo(T0 / 1e6 + 0.006, within(1e-6));
        assertMessage(messages.get(5), "send", 8, "ok");
        assertThat(messages.get(5).get("_closeCode").asInt()).isEqualTo(1000);
    }

    @Test
    void includeSecretsKeepsCredentials() throws Exception {
        JsonNode entry = write(List.of(new ConnectionEvent.Opened(T0, 0, "ws://h:1/chat?token=t", handshake())), true)
                .get("log").get("entries").get(0);
        assertThat(header(entry.get("request"), "Authorization")).isEqualTo("Bearer s3cret");
        assertThat(entry.get("request").get("url").asText()).isEqualTo("ws://h:1/chat?token=t");
    }

    @Test
    void refusedUpgradeKeepsStatusHeadersAndBody() throws Exception {
        Handshake refused = new Handshake("GET / HTTP/1.1", List.of(new HttpHeader("Host", "h")), 401,
                "HTTP/1.1 401 Unauthorized", List.of(new HttpHeader("WWW-Authenticate", "Bearer"),
                new HttpHeader("Content-Type", "text/plain")), "who are you?".getBytes(StandardCharsets.UTF_8));
        JsonNode entry = write(List.of(new ConnectionEvent.Connecting(T0, 0, "ws://h/"),
                new ConnectionEvent.Failed(T0 + 2_000, 0, FailureKind.HANDSHAKE_REJECTED, "HTTP 401 Unauthorized",
                        refused)), false).get("log").get("entries").get(0);

        JsonNode response = entry.get("response");
        assertThat(response.get("status").asInt()).isEqualTo(401);
        assertThat(response.get("statusText").asText()).isEqualTo("Unauthorized");
        assertThat(header(response, "WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.get("content").get("text").asText()).isEqualTo("who are you?");
        assertThat(response.get("content").get("mimeType").asText()).isEqualTo("text/plain");
        assertThat(entry.get("_error").asText()).isEqualTo("HTTP 401 Unauthorized");
        assertThat(entry.get("_webSocketMessages")).isEmpty();
    }

    private static void assertMessage(JsonNode m, String type, int opcode, String data) {
        assertThat(m.get("type").asText()).isEqualTo(type);
        assertThat(m.get("opcode").asInt()).isEqualTo(opcode);
        assertThat(m.get("data").asText()).isEqualTo(data);
        assertThat(m.has("_encoding")).isFalse();
    }

    private static String header(JsonNode message, String name) {
        for (JsonNode h : message.get("headers")) {
            if (h.get("name").asText().equals(name)) {
                return h.get("value").asText();
            }
        }
        return null;
    }

    private JsonNode write(List<ConnectionEvent> events, boolean includeSecrets) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HarWriter(includeSecrets, "test").write(events, store, out);
        lastHar = out.toString(StandardCharsets.UTF_8);
        return JSON.readTree(lastHar);
    }

    private static Handshake handshake() {
        return new Handshake("GET /chat?token=t&room=2 HTTP/1.1",
                List.of(new HttpHeader("Host", "h:1"), new HttpHeader("Authorization", "Bearer s3cret")),
                101, "HTTP/1.1 101 Switching Protocols", List.of(new HttpHeader("Upgrade", "websocket")), new byte[0]);
    }

    private void append(Direction dir, int firstByte, boolean masked, long micros, byte[] payload) {
        store.append(dir, WireHeader.of(firstByte, masked, 0x11223344, payload.length), false, micros * 1_000,
                ByteBuffer.wrap(payload));
    }
}
