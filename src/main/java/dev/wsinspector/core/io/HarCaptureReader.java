package dev.wsinspector.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads the WebSocket connections of a HAR 1.2 file: this app's exports ({@link HarWriter}) and Chrome/Edge
 * DevTools' "Save all as HAR with content", which lists every request of a page and keeps a WebSocket's traffic
 * in {@code _webSocketMessages}. Entries that are not WebSockets are skipped without a word (a page's normal
 * traffic); each WebSocket entry becomes one capture.
 *
 * <p>HAR keeps whole messages, not frames: each message becomes one frame with FIN set, no RSV bits, and the
 * mask bit a client's frames have (set on sent frames). HAR has no close event, so none is made up; a
 * {@code Connecting} event at {@code startedDateTime} and an {@code Opened} one when the upgrade was answered
 * ({@code startedDateTime + time}) come before the messages.
 *
 * <p>Uses Jackson's tree, so the file is held in memory once; floats are read as decimals so that epoch
 * seconds keep their microseconds.
 */
final class HarCaptureReader {

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Problems problems = new Problems();

    private HarCaptureReader() {
    }

    /** @param in read to the end, not closed */
    static ImportResult read(InputStream in) throws IOException {
        return new HarCaptureReader().readAll(in);
    }

    private ImportResult readAll(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = mapper.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CaptureFormatException("not valid JSON"
                    + (at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")"), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CaptureFormatException("the file is empty");
        }
        JsonNode entries = root.path("log").path("entries");
        if (!entries.isArray()) {
            throw new CaptureFormatException("not a HAR file: it has no log.entries list");
        }
        List<ImportedCapture> captures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            if (entry.isObject() && isWebSocket(entry)) {
                captures.add(entry(entry, "entries[" + i + "]"));
            }
        }
        if (captures.isEmpty()) {
            int n = entries.size();
            throw new CaptureFormatException("the HAR holds no WebSocket connection"
                    + (n == 0 ? " (no entries at all)" : " (" + n + " other request" + (n == 1 ? "" : "s") + ")"));
        }
        return new ImportResult(captures, problems.toList());
    }

    private static boolean isWebSocket(JsonNode entry) {
        String url = entry.path("request").path("url").asText("").toLowerCase(Locale.ROOT);
        return entry.path("_webSocketMessages").isArray()
                || "websocket".equalsIgnoreCase(entry.path("_resourceType").asText(""))
                || entry.path("response").path("status").asInt(0) == 101
                || url.startsWith("ws://") || url.startsWith("wss://");
    }

    private ImportedCapture entry(JsonNode entry, String where) {
        JsonNode request = entry.path("request");
        JsonNode response = entry.path("response");
        JsonNode messages = entry.path("_webSocketMessages");
        String url = webSocketUrl(request.path("url").asText(""));

        OptionalLong firstMessage = messages.isArray() && messages.size() > 0
                ? seconds(messages.get(0).get("time")) : OptionalLong.empty();
        OptionalLong started = IsoTime.parseEpochMicros(entry.path("startedDateTime").asText(null));
        if (started.isEmpty() && entry.has("startedDateTime")) {
            problems.add(where + ": startedDateTime is not a date");
        }
        long startMicros = started.orElse(firstMessage.orElse(0L));
        // "time" is the request's duration in milliseconds: for an upgrade, until it was answered.
        OptionalLong waitMicros = entry.path("time").isNumber()
                ? IsoTime.epochMicrosOfSeconds(entry.path("time").decimalValue().movePointLeft(3))
                : OptionalLong.empty();
        long answeredMicros = startMicros + Math.max(0, waitMicros.orElse(0L));
        if (firstMessage.isPresent() && firstMessage.getAsLong() >= startMicros) {
            answeredMicros = Math.min(answeredMicros, firstMessage.getAsLong());
        }

        int status = response.path("status").asInt(0);
        Handshake handshake = handshake(request, response, url, status, where);
        String error = entry.hasNonNull("_error") ? entry.get("_error").asText() : null;

        CaptureBuilder capture = new CaptureBuilder();
        capture.event(new ConnectionEvent.Connecting(startMicros, 0, url));
        boolean hasMessages = messages.isArray() && messages.size() > 0;
        if (status == 101 || (status <= 0 && hasMessages)) {
            capture.event(new ConnectionEvent.Opened(answeredMicros, 0, url, handshake));
        } else if (status > 0) {
            String reason = error != null ? error
                    : ("HTTP " + status + " " + response.path("statusText").asText("")).trim();
            capture.event(new ConnectionEvent.Failed(answeredMicros, 0, FailureKind.HANDSHAKE_REJECTED, reason,
                    handshake));
            error = null;
        }

        long lastMicros = answeredMicros;
        if (messages.isArray()) {
            for (int j = 0; j < messages.size(); j++) {
                lastMicros = message(capture, messages.get(j), where + ": _webSocketMessages[" + j + "]",
                        lastMicros);
            }
        } else if (!messages.isMissingNode() && !messages.isNull()) {
            problems.add(where + ": _webSocketMessages is not a list");
        }
        if (error != null) {
            capture.event(new ConnectionEvent.Failed(lastMicros, capture.frameCount(), FailureKind.OTHER, error,
                    null));
        }
        return capture.build();
    }

    /** Appends one message as a frame; returns its time (the previous time when it has none). */
    private long message(CaptureBuilder capture, JsonNode m, String where, long previousMicros) {
        if (!m.isObject()) {
            problems.add(where + " is not an object (skipped)");
            return previousMicros;
        }
        String type = m.path("type").asText("");
        Direction direction = switch (type) {
            case "send" -> Direction.OUT;
            case "receive" -> Direction.IN;
            default -> null;
        };
        if (direction == null) {
            problems.add(where + (type.isEmpty() ? " has no type" : " has type \"" + type + "\"")
                    + ", not send or receive (skipped)");
            return previousMicros;
        }
        JsonNode opcodeNode = m.get("opcode");
        if (opcodeNode == null || !opcodeNode.canConvertToInt() || opcodeNode.asInt() < 0 || opcodeNode.asInt() > 15) {
            problems.add(where + " has no opcode (skipped)");
            return previousMicros;
        }
        Opcode opcode = Opcode.of(opcodeNode.asInt());
        OptionalLong time = seconds(m.get("time"));
        if (time.isEmpty()) {
            problems.add(where + " has no valid time (used the previous one)");
        }
        long micros = time.orElse(previousMicros);
        byte[] payload = payload(m, opcode, where);
        boolean masked = direction == Direction.OUT;
        capture.frame(direction, true, false, false, false, opcode, masked, 0, payload.length, false, micros,
                payload);
        return micros;
    }

    private byte[] payload(JsonNode m, Opcode opcode, String where) {
        String data = m.hasNonNull("data") ? m.get("data").asText() : "";
        boolean base64 = "base64".equalsIgnoreCase(m.path("_encoding").asText(""));
        if (base64 || opcode == Opcode.BINARY) {
            // Chrome writes binary messages as base64 (without saying so); this app marks every base64 data.
            try {
                return Base64.getDecoder().decode(data);
            } catch (IllegalArgumentException e) {
                problems.add(where + " has binary data that is not base64 (kept the text as it is)");
                return data.getBytes(StandardCharsets.UTF_8);
            }
        }
        byte[] text = data.getBytes(StandardCharsets.UTF_8);
        JsonNode closeCode = m.get("_closeCode");
        if (opcode == Opcode.CLOSE && closeCode != null && closeCode.canConvertToInt()) {
            return ByteBuffer.allocate(2 + text.length).putShort((short) closeCode.asInt()).put(text).array();
        }
        return text;
    }

    private Handshake handshake(JsonNode request, JsonNode response, String url, int status, String where) {
        String httpVersion = request.path("httpVersion").asText("");
        String requestLine = request.path("method").asText("GET") + " " + CaptureBuilder.requestTarget(url) + " "
                + (httpVersion.isEmpty() ? "HTTP/1.1" : httpVersion);
        String statusLine = "";
        if (status > 0) {
            String version = response.path("httpVersion").asText("");
            String text = response.path("statusText").asText("");
            statusLine = (version.isEmpty() ? "HTTP/1.1" : version) + " " + status + (text.isEmpty() ? "" : " " + text);
        }
        byte[] body = new byte[0];
        JsonNode content = response.path("content");
        if (status != 101 && content.hasNonNull("text")) {
            String text = content.get("text").asText();
            if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": response body is not base64 (left out)");
                }
            } else {
                body = text.getBytes(StandardCharsets.UTF_8);
            }
        }
        return new Handshake(requestLine, headers(request.path("headers")), Math.max(0, status), statusLine,
                headers(response.path("headers")), body);
    }

    private static List<HttpHeader> headers(JsonNode list) {
        List<HttpHeader> headers = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode h : list) {
                if (h.hasNonNull("name") && !h.get("name").asText().isEmpty()) {
                    headers.add(new HttpHeader(h.get("name").asText(), h.path("value").asText("")));
                }
            }
        }
        return headers;
    }

    /** Chrome sometimes lists a WebSocket under its http(s):// form; the capture shows the ws(s):// URL. */
    static String webSocketUrl(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return "ws://" + url.substring("http://".length());
        }
        if (lower.startsWith("https://")) {
            return "wss://" + url.substring("https://".length());
        }
        return url;
    }

    private static OptionalLong seconds(JsonNode time) {
        if (time == null || !time.isNumber()) {
            if (time != null && time.isTextual()) {
                try {
                    return IsoTime.epochMicrosOfSeconds(new BigDecimal(time.asText().trim()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        }
        return IsoTime.epochMicrosOfSeconds(time.decimalValue());
    }
}
