package dev.wsinspector.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.payload.IsoTime;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads the JSONL lines {@link JsonlEventWriter} writes (DESIGN.md "JSONL events") back into captures, one line
 * at a time, so a file of hundreds of megabytes is never held as one string.
 *
 * <p>A line that cannot be used is skipped and reported with its number; the rest is imported. A last line
 * without a line break that stops partway through its object (a recording killed mid-write) is reported as
 * cut off, not as malformed; a broken line anywhere else is "not JSON". Each
 * {@code open} line after the first opened one starts a new capture (a run that reconnected). Event lines are
 * placed after the frames read before them in the same capture. The JSONL contract has no line for
 * "connecting", so a {@code Connecting} event with the open line's time and URL is put before each open, as
 * live sessions have one.
 */
final class JsonlCaptureReader {

    private static final Map<String, Opcode> OPCODES = new HashMap<>();

    static {
        for (Opcode op : Opcode.values()) {
            OPCODES.put(op.jsonName(), op);
        }
    }

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final Problems problems = new Problems();
    private final List<ImportedCapture> captures = new ArrayList<>();
    private CaptureBuilder current;
    private long lineNumber;
    private long lastMicros;
    /** Whether any line described a connection (frame, open, close, error): else the file is no capture. */
    private boolean sawCaptureLine;
    private boolean sawAnyLine;

    private JsonlCaptureReader() {
    }

    /** @param in read to the end, not closed */
    static ImportResult read(InputStream in) throws IOException {
        return new JsonlCaptureReader().readAll(in);
    }

    private ImportResult readAll(InputStream in) throws IOException {
        // A decoder that replaces malformed bytes: one bad byte costs at most its line, not the whole file.
        LastByteInput bytes = new LastByteInput(in);
        BufferedReader reader = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
        // One line ahead, to know the last line: without a line break after it, it may be cut off.
        String line = reader.readLine();
        while (line != null) {
            String next = reader.readLine();
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                sawAnyLine = true;
                readLine(line, next == null && !bytes.endsWithLineBreak());
            }
            line = next;
        }
        finishCapture();
        if (!sawAnyLine) {
            throw new CaptureFormatException("the file is empty");
        }
        if (!sawCaptureLine) {
            String first = problems.first();
            throw new CaptureFormatException("not a WebSocket capture: no line holds a frame or an"
                    + " open, close or error event" + (first == null ? "" : " (" + first + ")"));
        }
        return new ImportResult(captures, problems.toList());
    }

    /** @param unterminated the file's last line, with no line break after it (a write may have been cut) */
    private void readLine(String line, boolean unterminated) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            if (unterminated && isCutJson(line)) {
                problems.addClosing("line " + lineNumber + " is cut off after " + line.length()
                        + " characters (the file ends inside it; every line before it was read)");
            } else {
                problem("not JSON");
            }
            return;
        }
        if (node == null || !node.isObject()) {
            problem("not a JSON object");
            return;
        }
        JsonNode typeNode = node.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            problem("no \"type\" (skipped)");
            return;
        }
        String type = typeNode.asText();
        switch (type) {
            case "frame" -> frame(node);
            case "open" -> open(node);
            case "close" -> close(node);
            case "error" -> error(node);
            case "note" -> note(node);
            case "summary" -> {
                // The CLI's last stdout line with --quiet: counts, nothing to import.
            }
            default -> problem("unknown type \"" + shorten(type) + "\" (skipped)");
        }
    }

    // ---- frames ----

    private void frame(JsonNode n) {
        Direction direction = direction(n.get("dir"));
        if (direction == null) {
            problem("frame has no valid \"dir\" (skipped)");
            return;
        }
        Opcode opcode = opcode(n.get("opcode"));
        if (opcode == null) {
            problem("frame has no valid \"opcode\" (skipped)");
            return;
        }
        byte[] payload = payload(n, opcode);
        if (payload == null) {
            return;
        }
        boolean rsv1 = bool(n, "rsv1", false);
        boolean masked = bool(n, "masked", direction == Direction.OUT);
        int maskKey = masked ? maskKey(n.get("maskKey")) : 0;
        boolean truncated = bool(n, "truncated", false);
        long wireLength = payload.length;
        boolean inflated = false;
        JsonNode compressed = n.get("compressedLength");
        if (compressed != null && compressed.canConvertToLong() && compressed.asLong() >= 0) {
            // Written for every frame of a compressed message (continuations too, which have no RSV1).
            inflated = true;
            wireLength = compressed.asLong();
        } else if (rsv1 && !truncated) {
            // RSV1 without the compressed length: a compressed frame whose inflated payload is what was written.
            inflated = true;
        } else if (truncated) {
            JsonNode announced = n.get("wireLength");
            if (announced != null && announced.canConvertToLong() && announced.asLong() >= payload.length) {
                wireLength = announced.asLong();
            }
        }
        JsonNode length = n.get("length");
        if (length != null && length.canConvertToLong() && length.asLong() != payload.length) {
            problem("\"length\" is " + length.asLong() + " but the payload has " + payload.length
                    + " bytes (kept the payload)");
        }
        long micros = time(n);
        sawCaptureLine = true;
        capture().frame(direction, bool(n, "fin", true), rsv1, bool(n, "rsv2", false), bool(n, "rsv3", false),
                opcode, masked, maskKey, wireLength, inflated, micros, payload);
    }

    /** The payload bytes, or null (with a problem reported) when the line does not say them readably. */
    private byte[] payload(JsonNode n, Opcode opcode) {
        JsonNode base64 = n.get("base64");
        if (base64 != null && !base64.isNull()) {
            try {
                return Base64.getDecoder().decode(base64.asText());
            } catch (IllegalArgumentException e) {
                problem("\"base64\" is not valid base64 (skipped)");
                return null;
            }
        }
        JsonNode code = n.get("closeCode");
        if (opcode == Opcode.CLOSE && code != null && !code.isNull()) {
            // The writer shows an empty close payload as 1005 with no reason; "length" tells the two apart.
            if (n.path("length").asLong(-1) == 0) {
                return new byte[0];
            }
            if (!code.canConvertToInt() || code.asInt() < 0 || code.asInt() > 0xFFFF) {
                problem("\"closeCode\" is not a close code (skipped)");
                return null;
            }
            byte[] reason = n.path("closeReason").asText("").getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(2 + reason.length).putShort((short) code.asInt()).put(reason).array();
        }
        JsonNode text = n.get("text");
        if (text != null && !text.isNull()) {
            return text.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (n.path("length").asLong(0) == 0) {
            return new byte[0];
        }
        problem("frame has neither \"text\" nor \"base64\" (skipped)");
        return null;
    }

    private int maskKey(JsonNode node) {
        if (node == null || node.isNull()) {
            return 0;
        }
        try {
            return Integer.parseUnsignedInt(node.asText(), 16);
        } catch (NumberFormatException e) {
            problem("\"maskKey\" is not 8 hex digits (used 00000000)");
            return 0;
        }
    }

    private static Direction direction(JsonNode node) {
        if (node == null) {
            return null;
        }
        return switch (node.asText()) {
            case "out" -> Direction.OUT;
            case "in" -> Direction.IN;
            default -> null;
        };
    }

    private static Opcode opcode(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isInt() && node.asInt() >= 0 && node.asInt() <= 0xF) {
            return Opcode.of(node.asInt());
        }
        return node.isTextual() ? OPCODES.get(node.asText().toLowerCase(Locale.ROOT)) : null;
    }

    // ---- events ----

    private void open(JsonNode n) {
        long micros = time(n);
        sawCaptureLine = true;
        if (current != null && current.opened()) {
            finishCapture();
        }
        CaptureBuilder capture = capture();
        String url = text(n, "url", "");
        List<HttpHeader> requestHeaders = headers(n.get("requestHeaders"), "requestHeaders");
        List<HttpHeader> responseHeaders = headers(n.get("responseHeaders"), "responseHeaders");
        addIfMissing(responseHeaders, "Sec-WebSocket-Protocol", text(n, "subprotocol", null));
        addIfMissing(responseHeaders, "Sec-WebSocket-Extensions", text(n, "extensions", null));
        int status = n.path("status").canConvertToInt() ? n.path("status").asInt() : 101;
        // The client's request line is "GET <target> HTTP/1.1", so it follows from the URL.
        Handshake handshake = new Handshake("GET " + CaptureBuilder.requestTarget(url) + " HTTP/1.1",
                requestHeaders, status, statusLine(status), responseHeaders, new byte[0]);
        long index = capture.frameCount();
        capture.event(new ConnectionEvent.Connecting(micros, index, url));
        capture.event(new ConnectionEvent.Opened(micros, index, url, handshake));
    }

    private void close(JsonNode n) {
        long micros = time(n);
        sawCaptureLine = true;
        JsonNode codeNode = n.get("code");
        int code = codeNode != null && codeNode.canConvertToInt() ? codeNode.asInt() : 1005;
        boolean clean = bool(n, "clean", code != 1006);
        CaptureBuilder capture = capture();
        capture.event(new ConnectionEvent.Closed(micros, capture.frameCount(), code, text(n, "reason", ""),
                bool(n, "remote", false), clean));
    }

    private void error(JsonNode n) {
        long micros = time(n);
        sawCaptureLine = true;
        FailureKind kind = FailureKind.OTHER;
        String kindName = text(n, "kind", null);
        if (kindName != null) {
            try {
                kind = FailureKind.valueOf(kindName.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                kind = FailureKind.OTHER;
            }
        }
        Handshake handshake = null;
        JsonNode status = n.get("status");
        if (status != null && status.canConvertToInt() && status.asInt() > 0) {
            byte[] body = new byte[0];
            if (n.hasNonNull("bodyBase64")) {
                try {
                    body = Base64.getDecoder().decode(n.get("bodyBase64").asText());
                } catch (IllegalArgumentException e) {
                    problem("\"bodyBase64\" is not valid base64 (left out)");
                }
            } else if (n.hasNonNull("body")) {
                body = n.get("body").asText().getBytes(StandardCharsets.UTF_8);
            }
            handshake = new Handshake("", List.of(), status.asInt(), statusLine(status.asInt()),
                    headers(n.get("responseHeaders"), "responseHeaders"), body);
        }
        CaptureBuilder capture = capture();
        capture.event(new ConnectionEvent.Failed(micros, capture.frameCount(), kind, text(n, "message", ""),
                handshake));
    }

    private void note(JsonNode n) {
        long micros = time(n);
        CaptureBuilder capture = capture();
        capture.event(new ConnectionEvent.Note(micros, capture.frameCount(),
                text(n, "level", ConnectionEvent.Note.INFO), text(n, "message", "")));
    }

    // ---- helpers ----

    private CaptureBuilder capture() {
        if (current == null) {
            current = new CaptureBuilder();
        }
        return current;
    }

    private void finishCapture() {
        if (current != null && !current.isEmpty()) {
            captures.add(current.build());
        }
        current = null;
    }

    /** The line's time; a missing or unreadable one takes the previous line's, so the order still holds. */
    private long time(JsonNode n) {
        JsonNode node = n.get("time");
        OptionalLong micros = node != null && node.isTextual()
                ? IsoTime.parseEpochMicros(node.asText()) : OptionalLong.empty();
        if (micros.isPresent()) {
            lastMicros = micros.getAsLong();
        } else {
            problem("no valid \"time\" (used the previous line's)");
        }
        return lastMicros;
    }

    /** Headers from the contract's object form ({@code {"Name":"value"}}), or a HAR-style list of name/value. */
    private List<HttpHeader> headers(JsonNode node, String field) {
        List<HttpHeader> headers = new ArrayList<>();
        if (node == null || node.isNull()) {
            return headers;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                headers.add(new HttpHeader(e.getKey(), value(e.getValue())));
            }
        } else if (node.isArray()) {
            for (JsonNode h : node) {
                if (h.hasNonNull("name")) {
                    headers.add(new HttpHeader(h.get("name").asText(), value(h.get("value"))));
                }
            }
        } else {
            problem("\"" + field + "\" is not an object (left out)");
        }
        return headers;
    }

    private static String value(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(p -> parts.add(p.asText()));
            return String.join(", ", parts);
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static void addIfMissing(List<HttpHeader> headers, String name, String value) {
        if (value != null && !value.isBlank() && headers.stream().noneMatch(h -> h.is(name))) {
            headers.add(new HttpHeader(name, value));
        }
    }

    static String statusLine(int status) {
        if (status <= 0) {
            return "";
        }
        return "HTTP/1.1 " + status + (status == 101 ? " Switching Protocols" : "");
    }

    private static boolean bool(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.get(field);
        return v != null && v.isBoolean() ? v.asBoolean() : fallback;
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /**
     * Whether {@code line} is the beginning of a JSON value that stops before the value ends (e.g. {@code
     * {"type":"fra} or {@code {"fin":tr}), told from a malformed line by a non-blocking parser, which waits for
     * more input where a cut line stops and fails where a malformed one goes wrong.
     */
    private boolean isCutJson(String line) {
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        try (JsonParser p = mapper.getFactory().createNonBlockingByteArrayParser()) {
            ByteArrayFeeder feeder = (ByteArrayFeeder) p.getNonBlockingInputFeeder();
            feeder.feedInput(utf8, 0, utf8.length);
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.NOT_AVAILABLE) {
                if (t == null || (t.isStructEnd() || t.isScalarValue()) && p.getParsingContext().inRoot()) {
                    return false; // a whole value, then something more: malformed, not cut
                }
            }
            // The parser also waits on a bare word it does not know ("tx" might go on), where only true, false
            // and null can. One more space ends such a word (an error) and changes nothing inside a string.
            int word = line.length();
            while (word > 0 && Character.isLetter(line.charAt(word - 1))) {
                word--;
            }
            String tail = line.substring(word);
            if (tail.isEmpty() || "true".startsWith(tail) || "false".startsWith(tail) || "null".startsWith(tail)) {
                return true;
            }
            feeder.feedInput(new byte[]{' '}, 0, 1);
            return p.nextToken() == JsonToken.NOT_AVAILABLE;
        } catch (IOException e) {
            return false;
        }
    }

    /** Remembers the last byte read, to tell whether the file ends with a line break. */
    private static final class LastByteInput extends FilterInputStream {
        private int last = -1;

        LastByteInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                last = b[off + n - 1] & 0xFF;
            }
            return n;
        }

        boolean endsWithLineBreak() {
            return last == '\n' || last == '\r';
        }
    }

    private void problem(String what) {
        problems.add("line " + lineNumber + ": " + what);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
