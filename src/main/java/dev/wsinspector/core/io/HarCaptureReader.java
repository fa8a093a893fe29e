package dev.wsinspector.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.IsoTime;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.FilterInputStream;
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
 * <p>Streams the file with Jackson's {@link JsonParser}: only {@code log.entries} is read, one entry at a time
 * as a tree (its fields one by one, and each of its {@code _webSocketMessages} one by one), so memory holds one
 * entry, not the file; everything else is skipped, its syntax still checked. Floats are read as decimals so
 * that epoch seconds keep their microseconds. As with a tree, a key that comes twice counts with its last value.
 *
 * <p>A file that is cut off (a recording killed mid-write, an export cut short) or broken partway keeps every
 * entry that was complete before the first broken place, imported exactly as if the file had ended there, and
 * names that place in one problem line: line, column and byte offset, the entry it is in, and what is lost.
 * The entry the break falls in is kept when it can stand on its own: its {@code request} (with the URL) was read
 * whole and its {@code _webSocketMessages} list had begun. It then keeps the fields read whole before the break
 * and every message that was complete; a number right at the break is dropped, as it may have been cut short.
 * This app writes {@code request} and {@code response} before the messages, so a cut recording keeps all but
 * the message being written. Chrome writes the messages first, so a cut Chrome entry is kept only when the cut
 * comes after its {@code request}; before that, messages without a URL are not worth a capture and the entry is
 * dropped. A break after {@code log.entries} (the closing brackets missing) loses nothing but is still named.
 * Only when nothing importable was read before the break does the import fail, with the place in the message.
 */
final class HarCaptureReader {

    private final ObjectMapper mapper = new ObjectMapper(
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private Problems problems = new Problems();

    /** Where the parser is, for the line that names a broken place. */
    private enum Phase { START, BEFORE_ENTRIES, ENTRIES, AFTER_ENTRIES }

    private Phase phase = Phase.START;
    private final List<ImportedCapture> captures = new ArrayList<>();
    /** Whether the (last) {@code log} held an {@code entries} list. */
    private boolean sawEntries;
    /** Entries begun in the list, WebSocket or not. */
    private int entryCount;
    /** Whether the parser is inside entry {@link #entryCount} (1-based). */
    private boolean inEntry;
    /** The entry being read field by field, null between entries; see {@link #readEntry}. */
    private ObjectNode partial;
    /** Whether {@link #partial}'s {@code _webSocketMessages} list was reached. */
    private boolean partialReachedMessages;

    private HarCaptureReader() {
    }

    /** @param in read up to the end of its JSON value (or the first broken place), not closed */
    static ImportResult read(InputStream in) throws IOException {
        return new HarCaptureReader().readAll(in);
    }

    private ImportResult readAll(InputStream in) throws IOException {
        CountingInput counted = new CountingInput(in);
        try (JsonParser p = mapper.createParser(counted)) {
            try {
                readRoot(p);
            } catch (JsonProcessingException e) {
                return broken(e, p, counted);
            }
        }
        if (phase == Phase.START) {
            throw new CaptureFormatException("the file is empty");
        }
        if (!sawEntries) {
            throw new CaptureFormatException("not a HAR file: it has no log.entries list");
        }
        if (captures.isEmpty()) {
            throw new CaptureFormatException("the HAR holds no WebSocket connection" + otherRequests());
        }
        return new ImportResult(captures, problems.toList());
    }

    private void readRoot(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            return;
        }
        phase = Phase.BEFORE_ENTRIES;
        if (t != JsonToken.START_OBJECT) {
            skip(p);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (!"log".equals(name)) {
                skip(p);
                continue;
            }
            // As with a tree, a repeated key counts once, with its last value.
            restart();
            if (t != JsonToken.START_OBJECT) {
                skip(p);
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                name = p.currentName();
                t = p.nextToken();
                if (!"entries".equals(name)) {
                    skip(p);
                    continue;
                }
                restart();
                if (t != JsonToken.START_ARRAY) {
                    skip(p);
                    continue;
                }
                sawEntries = true;
                phase = Phase.ENTRIES;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    int i = entryCount++;
                    inEntry = true;
                    if (t == JsonToken.START_OBJECT) {
                        ObjectNode entry = readEntry(p);
                        if (isWebSocket(entry)) {
                            captures.add(entry(entry, "entries[" + i + "]"));
                        }
                    } else {
                        skip(p);
                    }
                    inEntry = false;
                }
                phase = Phase.AFTER_ENTRIES;
            }
        }
        // Anything after the root value is ignored, as a tree reader does.
    }

    private void restart() {
        captures.clear();
        problems = new Problems();
        sawEntries = false;
        entryCount = 0;
        inEntry = false;
        partial = null;
        phase = Phase.BEFORE_ENTRIES;
    }

    /**
     * Reads the entry the parser is at (its START_OBJECT) one field at a time, and each element of its
     * {@code _webSocketMessages} one at a time, so that what was complete before a cut is at hand in
     * {@link #partial} when the parser fails. A number is kept only once the token after it was read: at the end
     * of the file a number may be cut short and still look whole.
     */
    private ObjectNode readEntry(JsonParser p) throws IOException {
        ObjectNode entry = mapper.createObjectNode();
        partial = entry;
        partialReachedMessages = false;
        String pendingName = null;
        JsonNode pendingNumber = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            if (pendingName != null) {
                entry.set(pendingName, pendingNumber);
                pendingName = null;
            }
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("_webSocketMessages".equals(name) && t == JsonToken.START_ARRAY) {
                ArrayNode messages = entry.putArray(name);
                partialReachedMessages = true;
                JsonNode pendingElement = null;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (pendingElement != null) {
                        messages.add(pendingElement);
                        pendingElement = null;
                    }
                    JsonNode m = p.readValueAsTree();
                    if (m.isNumber()) {
                        pendingElement = m;
                    } else {
                        messages.add(m);
                    }
                }
                if (pendingElement != null) {
                    messages.add(pendingElement);
                }
            } else {
                JsonNode value = p.readValueAsTree();
                if (value.isNumber()) {
                    pendingName = name;
                    pendingNumber = value;
                } else {
                    entry.set(name, value);
                }
            }
        }
        if (pendingName != null) {
            entry.set(pendingName, pendingNumber);
        }
        partial = null;
        return entry;
    }

    /** Skips the value the parser is at, checking its syntax as a tree reader would. */
    private static void skip(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            p.skipChildren();
        } else {
            p.finishToken();
        }
    }

    /**
     * The file is cut off or broken at {@code e}'s location: keeps the captures read before it (and the entry it
     * cut, when that entry can stand; see the class comment) and names the place in one problem line, or throws
     * when nothing is left to import.
     */
    private ImportResult broken(JsonProcessingException e, JsonParser p, CountingInput counted)
            throws CaptureFormatException {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        // A cut inside true/false/null or after "1." is no JsonEOFException, but it is where the bytes end (the
        // location may point at the last byte, the one the parser could not finish).
        boolean endsEarly = e instanceof JsonEOFException
                || (counted.atEnd() && at.getByteOffset() >= 0 && at.getByteOffset() >= counted.count() - 1);
        String what = endsEarly ? "the file ends early" : "the JSON is broken (" + reason(e) + ")";
        String where;
        String consequence;
        int complete = inEntry ? entryCount - 1 : entryCount;
        if (phase == Phase.ENTRIES && inEntry) {
            where = "inside entry " + entryCount;
            ObjectNode cut = partial;
            if (cut != null && partialReachedMessages && cut.path("request").path("url").isTextual()
                    && isWebSocket(cut)) {
                int n = cut.path("_webSocketMessages").size();
                captures.add(entry(cut, "entries[" + (entryCount - 1) + "]"));
                consequence = (n == 0 ? "kept that entry, though none of its messages was whole"
                        : "kept that entry with the " + n + " message" + (n == 1 ? "" : "s") + " before the break")
                        + "; any later entries are missing";
            } else {
                consequence = "that entry and any after it are missing";
            }
        } else if (phase == Phase.ENTRIES) {
            where = entryCount == 0 ? "at the start of log.entries" : "after entry " + entryCount;
            consequence = "any later entries are missing";
        } else if (phase == Phase.AFTER_ENTRIES) {
            where = "after log.entries";
            consequence = entryCount == 1 ? "its one entry was read" : "all its " + entryCount + " entries were read";
        } else {
            where = "before log.entries";
            consequence = "";
        }
        if (captures.isEmpty()) {
            String none = phase == Phase.BEFORE_ENTRIES || complete == 0 ? ""
                    : complete == 1 ? "; the entry before it is no WebSocket connection"
                    : "; the " + complete + " entries before it are no WebSocket connection";
            throw new CaptureFormatException("not valid JSON (" + place(at) + "): " + what + ", " + where + none, e);
        }
        problems.addClosing(what + " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                + (offset(at).isEmpty() ? "" : " (" + offset(at) + ")") + ", " + where + ": " + consequence);
        return new ImportResult(captures, problems.toList());
    }

    /** {@code line 12, column 5, byte 300} (character offsets for a file that is not UTF-8). */
    private static String place(JsonLocation at) {
        String offset = offset(at);
        return "line " + at.getLineNr() + ", column " + at.getColumnNr() + (offset.isEmpty() ? "" : ", " + offset);
    }

    private static String offset(JsonLocation at) {
        return at.getByteOffset() >= 0 ? "byte " + at.getByteOffset()
                : at.getCharOffset() >= 0 ? "character " + at.getCharOffset() : "";
    }

    /** Jackson's complaint in one short line, e.g. {@code unexpected character ('x'): was expecting comma ...}. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        message = message.replaceAll(" \\(code -?\\d+\\)", "")
                .replaceAll(" \\(for (\\w+) starting at \\[Source: .*?; line: (\\d+), column: (\\d+)\\]\\)",
                        " (for the $1 that starts at line $2, column $3)");
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        return message.isEmpty() ? "unreadable" : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private String otherRequests() {
        return entryCount == 0 ? " (no entries at all)"
                : " (" + entryCount + " other request" + (entryCount == 1 ? "" : "s") + ")";
    }

    /** Counts the bytes read and whether the end was reached, to tell a cut from a break before the end. */
    private static final class CountingInput extends FilterInputStream {
        private long count;
        private boolean atEnd;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                atEnd = true;
            } else {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                atEnd = true;
            } else {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }

        boolean atEnd() {
            return atEnd;
        }
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
