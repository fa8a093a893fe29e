package dev.wsinspector.core.io;

import dev.wsinspector.core.payload.IsoTime;
import dev.wsinspector.core.payload.Utf8Text;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one connection as HAR 1.2 the way Chrome DevTools exports a WebSocket: a single entry for the upgrade
 * request with {@code "_resourceType": "websocket"} and the traffic in {@code "_webSocketMessages"}
 * ({@code type} send/receive, {@code time} epoch seconds, {@code opcode} number, {@code data}), so a capture
 * opens in DevTools and other HAR tools.
 *
 * <p>Like Chrome, messages are whole messages: fragments are joined and the message is stamped with the time
 * its last fragment arrived (so a text message whose fragments split a UTF-8 character still reads as text).
 * Control frames are listed as they happen; a close carries its reason as {@code data} and the code in
 * {@code _closeCode}. Binary data is base64 as in Chrome; every base64 {@code data} is also marked
 * {@code "_encoding": "base64"} (HAR's own convention for content) so text that was not valid UTF-8 is not
 * mistaken for text. Frame-level detail (FIN, RSV, masks) belongs in the JSONL export, not here.
 *
 * <p>Streams with a {@link JsonGenerator}, so a long capture is not built as a tree in memory.
 */
public final class HarWriter {

    private static final String CREATOR = "WS Inspector";

    private final boolean includeSecrets;
    private final String creatorVersion;

    /**
     * @param includeSecrets  write secret header values and URL credentials unmasked
     * @param creatorVersion  version for {@code log.creator.version}
     */
    public HarWriter(boolean includeSecrets, String creatorVersion) {
        this.includeSecrets = includeSecrets;
        this.creatorVersion = creatorVersion;
    }

    /**
     * Writes the HAR for one connection attempt.
     *
     * @param events the connection's events in order (Connecting, then Opened or Failed, then Closed); the
     *               handshake comes from Opened, or from Failed when the server refused the upgrade
     * @param frames the capture
     * @param out    not closed
     */
    public void write(List<ConnectionEvent> events, FrameStore frames, OutputStream out) throws IOException {
        Attempt attempt = Attempt.of(events);
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("log");
            g.writeStringField("version", "1.2");
            g.writeObjectFieldStart("creator");
            g.writeStringField("name", CREATOR);
            g.writeStringField("version", creatorVersion);
            g.writeEndObject();
            g.writeArrayFieldStart("pages");
            g.writeEndArray();
            g.writeArrayFieldStart("entries");
            writeEntry(g, attempt, frames);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private void writeEntry(JsonGenerator g, Attempt attempt, FrameStore frames) throws IOException {
        Handshake hs = attempt.handshake;
        String url = Secrets.maskUrl(attempt.url, includeSecrets);
        // HAR "time" is the request's duration: from the start of the attempt until the upgrade was answered.
        long waitMicros = attempt.answeredMicros >= attempt.startedMicros && attempt.answeredMicros > 0
                ? attempt.answeredMicros - attempt.startedMicros : 0;
        double waitMillis = waitMicros / 1000.0;

        g.writeStartObject();
        g.writeStringField("startedDateTime", IsoTime.ofEpochMicros(attempt.startedMicros));
        g.writeNumberField("time", waitMillis);

        g.writeObjectFieldStart("request");
        g.writeStringField("method", "GET");
        g.writeStringField("url", url);
        g.writeStringField("httpVersion", hs == null ? "HTTP/1.1" : lastToken(hs.requestLine(), "HTTP/1.1"));
        writeHeaders(g, hs == null ? List.of() : Secrets.maskHeaders(hs.requestHeaders(), includeSecrets));
        writeQueryString(g, url);
        g.writeArrayFieldStart("cookies");
        g.writeEndArray();
        g.writeNumberField("headersSize", hs == null ? -1 : utf8Length(hs.rawRequest()));
        g.writeNumberField("bodySize", 0);
        g.writeEndObject();

        writeResponse(g, hs);

        g.writeObjectFieldStart("cache");
        g.writeEndObject();
        g.writeObjectFieldStart("timings");
        g.writeNumberField("blocked", -1);
        g.writeNumberField("dns", -1);
        g.writeNumberField("connect", -1);
        g.writeNumberField("ssl", -1);
        g.writeNumberField("send", 0);
        g.writeNumberField("wait", waitMillis);
        g.writeNumberField("receive", 0);
        g.writeEndObject();
        g.writeStringField("_resourceType", "websocket");
        if (attempt.failure != null) {
            g.writeStringField("_error", attempt.failure);
        }
        g.writeArrayFieldStart("_webSocketMessages");
        writeMessages(g, frames);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeResponse(JsonGenerator g, Handshake hs) throws IOException {
        int status = hs == null ? 0 : hs.statusCode();
        byte[] body = hs == null ? new byte[0] : hs.responseBody();
        g.writeObjectFieldStart("response");
        g.writeNumberField("status", status);
        g.writeStringField("statusText", hs == null ? "" : statusText(hs.statusLine()));
        g.writeStringField("httpVersion", hs == null || hs.statusLine().isEmpty()
                ? "" : hs.statusLine().split(" ", 2)[0]);
        writeHeaders(g, hs == null ? List.of() : Secrets.maskHeaders(hs.responseHeaders(), includeSecrets));
        g.writeArrayFieldStart("cookies");
        g.writeEndArray();
        g.writeObjectFieldStart("content");
        g.writeNumberField("size", body.length);
        g.writeStringField("mimeType", hs == null ? "x-unknown" : hs.responseHeader("Content-Type").orElse("x-unknown"));
        if (body.length > 0) {
            Optional<String> text = Utf8Text.strict(body);
            if (text.isPresent()) {
                g.writeStringField("text", text.get());
            } else {
                g.writeStringField("text", Base64.getEncoder().encodeToString(body));
                g.writeStringField("encoding", "base64");
            }
        }
        g.writeEndObject();
        g.writeStringField("redirectURL", hs == null ? "" : hs.responseHeader("Location").orElse(""));
        g.writeNumberField("headersSize", hs == null || hs.statusLine().isEmpty() ? -1 : utf8Length(hs.rawResponseHead()));
        g.writeNumberField("bodySize", body.length);
        g.writeEndObject();
    }

    private void writeMessages(JsonGenerator g, FrameStore frames) throws IOException {
        Map<Direction, PendingMessage> pending = new EnumMap<>(Direction.class);
        MessageKinds.Tracker kinds = new MessageKinds.Tracker();
        long size = frames.size();
        for (long seq = 0; seq < size; seq++) {
            Frame f = frames.get(seq);
            Opcode op = f.opcode();
            boolean text = kinds.next(f);
            if (op.isDataStart() || op == Opcode.CONTINUATION) {
                PendingMessage message = pending.get(f.direction());
                if (message == null || op != Opcode.CONTINUATION) {
                    if (message != null) {
                        // A new message began before the last one finished (protocol error): keep what we had.
                        writeMessage(g, message);
                    }
                    // A continuation that continues nothing (a protocol error) is kept as a binary message.
                    message = new PendingMessage(f.direction(), text ? Opcode.TEXT : Opcode.BINARY);
                    pending.put(f.direction(), message);
                }
                message.add(f);
                if (f.fin()) {
                    writeMessage(g, message);
                    pending.remove(f.direction());
                }
            } else {
                writeControl(g, f);
            }
        }
        // Messages whose last fragment never came (the connection ended first) are still worth seeing.
        for (PendingMessage message : pending.values()) {
            writeMessage(g, message);
        }
    }

    private static void writeMessage(JsonGenerator g, PendingMessage m) throws IOException {
        byte[] data = m.bytes.toByteArray();
        Optional<String> text = m.opcode == Opcode.TEXT ? Utf8Text.strict(data) : Optional.empty();
        startMessage(g, m.direction, m.lastEpochMicros, m.opcode);
        writeData(g, data, text);
        g.writeEndObject();
    }

    private static void writeControl(JsonGenerator g, Frame f) throws IOException {
        byte[] payload = f.payloadBytes();
        startMessage(g, f.direction(), f.epochMicros(), f.opcode());
        if (f.opcode() == Opcode.CLOSE && payload.length >= 2) {
            Optional<String> reason = Utf8Text.strict(payload, 2, payload.length - 2);
            if (reason.isPresent()) {
                g.writeStringField("data", reason.get());
                g.writeNumberField("_closeCode", ByteBuffer.wrap(payload, 0, 2).getShort() & 0xFFFF);
                g.writeEndObject();
                return;
            }
        }
        writeData(g, payload, f.opcode() == Opcode.CLOSE ? Optional.empty() : Utf8Text.strict(payload));
        g.writeEndObject();
    }

    private static void startMessage(JsonGenerator g, Direction dir, long epochMicros, Opcode opcode)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", dir == Direction.OUT ? "send" : "receive");
        g.writeNumberField("time", IsoTime.epochSeconds(epochMicros));
        g.writeNumberField("opcode", opcode.code());
    }

    private static void writeData(JsonGenerator g, byte[] data, Optional<String> text) throws IOException {
        if (text.isPresent()) {
            g.writeStringField("data", text.get());
        } else {
            g.writeStringField("data", Base64.getEncoder().encodeToString(data));
            g.writeStringField("_encoding", "base64");
        }
    }

    private static void writeHeaders(JsonGenerator g, List<HttpHeader> headers) throws IOException {
        g.writeArrayFieldStart("headers");
        for (HttpHeader h : headers) {
            g.writeStartObject();
            g.writeStringField("name", h.name());
            g.writeStringField("value", h.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Query parameters of the (already masked) URL, as HAR lists them; values stay percent-encoded. */
    private static void writeQueryString(JsonGenerator g, String url) throws IOException {
        g.writeArrayFieldStart("queryString");
        String query = null;
        try {
            query = url == null ? null : new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            // A URL that does not parse has no query string to list; the url field still shows it.
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                g.writeStartObject();
                g.writeStringField("name", eq < 0 ? pair : pair.substring(0, eq));
                g.writeStringField("value", eq < 0 ? "" : pair.substring(eq + 1));
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static String statusText(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        return parts.length == 3 ? parts[2] : "";
    }

    private static String lastToken(String line, String fallback) {
        int space = line.lastIndexOf(' ');
        return space < 0 ? fallback : line.substring(space + 1);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The pieces of one connection attempt the HAR entry needs, gathered from its events. */
    private static final class Attempt {
        String url = "";
        long startedMicros = -1;
        long answeredMicros = -1;
        Handshake handshake;
        String failure;

        static Attempt of(List<ConnectionEvent> events) {
            Attempt a = new Attempt();
            for (ConnectionEvent e : events) {
                if (a.startedMicros < 0) {
                    a.startedMicros = e.epochMicros();
                }
                if (e instanceof ConnectionEvent.Connecting c) {
                    a.url = c.url();
                } else if (e instanceof ConnectionEvent.Opened o) {
                    a.url = o.url();
                    a.handshake = o.handshake();
                    a.answeredMicros = o.epochMicros();
                } else if (e instanceof ConnectionEvent.Failed f && a.failure == null) {
                    a.failure = f.message();
                    if (f.handshake() != null && a.handshake == null) {
                        a.handshake = f.handshake();
                        a.answeredMicros = f.epochMicros();
                    }
                }
            }
            if (a.startedMicros < 0) {
                a.startedMicros = 0;
            }
            return a;
        }
    }

    /** A data message being reassembled from its fragments. */
    private static final class PendingMessage {
        final Direction direction;
        final Opcode opcode;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long lastEpochMicros;

        PendingMessage(Direction direction, Opcode opcode) {
            this.direction = direction;
            this.opcode = opcode;
        }

        void add(Frame f) {
            bytes.writeBytes(f.payloadBytes());
            lastEpochMicros = f.epochMicros();
        }
    }
}
