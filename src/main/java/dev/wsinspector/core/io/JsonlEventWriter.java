package dev.wsinspector.core.io;

import dev.wsinspector.core.payload.IsoTime;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.ProtobufSchema;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a capture as JSON lines, one object per line, in the shape DESIGN.md fixes for scripts:
 * {@code open}, {@code frame}, {@code close}, {@code error} and {@code note} objects (fields may be added, never renamed).
 *
 * <p>Stateful: frames must be written in capture order, because whether a continuation frame is text depends
 * on the frame that started its message ({@link MessageKinds.Tracker} keeps that, per direction). Not
 * thread-safe; one writer per output.
 *
 * <p>Payload rule: {@code "text"} when the frame belongs to a text message (or is a ping/pong) and its own
 * bytes are well-formed UTF-8; otherwise {@code "base64"}. A fragment boundary may split a multi-byte
 * character; such a fragment is written as base64 rather than carrying bytes over to the next line, so every
 * line describes exactly the bytes of its own frame and concatenating the decoded fragments gives the message.
 *
 * <p>With {@link #decoding} on, a frame that is a whole text or binary message which a protocol decoder recognises
 * also carries {@code "decoded":{"protocol":…,"summary":…, …}} ({@code Decoded.toJson}). The decoder is chosen by
 * the last {@code open} line written (its subprotocol and URL) and the user's choice. Decoding runs here, on the
 * thread that writes the lines, never on a socket's read thread; {@link ProtocolDecoders} caps its input.
 */
public final class JsonlEventWriter implements Flushable {

    private final ObjectMapper mapper;
    private final Writer out;
    private final boolean includeSecrets;
    /** Which frames belong to a text message. */
    private final MessageKinds.Tracker messages;
    /** Null while decoding is off. */
    private ProtocolDecoders decoders;
    private String decoderChoice = ProtocolHint.AUTO;
    private ProtocolHint hint = ProtocolHint.NONE;
    private ProtobufSchema protobuf;

    /**
     * @param out            where lines go; this writer does not close it
     * @param includeSecrets write secret header values and URL credentials as they are instead of masking them
     */
    public JsonlEventWriter(Writer out, boolean includeSecrets) {
        this(out, includeSecrets, new MessageKinds.Tracker());
    }

    /**
     * A writer for frames that start later than a capture's first, such as a range of a stored session.
     *
     * @param messages tracks the messages of the frames to be written, e.g. {@link MessageKinds.Tracker#from}
     *                 the first one
     */
    public JsonlEventWriter(Writer out, boolean includeSecrets, MessageKinds.Tracker messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.mapper = new ObjectMapper();
        // Lines are written one by one; Jackson must not close or flush the shared writer on each value.
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.getFactory().disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        this.out = out;
        this.includeSecrets = includeSecrets;
    }

    /**
     * Turns on the {@code "decoded"} member of frame lines.
     *
     * @param choice {@link ProtocolHint#AUTO}, {@link ProtocolHint#OFF} or a protocol's machine name (see
     *               {@link ProtocolHint#checkedDecoder}); {@code none} leaves the lines as without decoding
     * @return this writer
     */
    public JsonlEventWriter decoding(ProtocolDecoders decoders, String choice) {
        return decoding(decoders, choice, null);
    }

    /** As {@link #decoding(ProtocolDecoders, String)}, protobuf payloads read as {@code protobuf} (null: schema-less). */
    public JsonlEventWriter decoding(ProtocolDecoders decoders, String choice, ProtobufSchema protobuf) {
        this.decoders = Objects.requireNonNull(decoders, "decoders");
        this.decoderChoice = ProtocolHint.checkedDecoder(choice);
        this.protobuf = protobuf;
        this.hint = hint.withDecoder(decoderChoice).withProtobuf(protobuf);
        return this;
    }

    /**
     * What the connection said about its protocol, for frames written without their {@code open} line before
     * them (a range of a stored session). Each {@code open} line written replaces it.
     */
    public void connectionHint(ConnectionEvent.Opened opened) {
        hint = ProtocolHint.of(opened).withDecoder(decoderChoice).withProtobuf(protobuf);
    }

    /** Writes one frame line. */
    public void writeFrame(Frame frame) {
        writeLine(frameNode(frame));
    }

    /**
     * Leaves a frame out of the output (a filter did not match it) while keeping the message tracking right, so a
     * later continuation frame of the same message is still written as text. Frames must still come in order.
     */
    public void skipFrame(dev.wsinspector.core.frame.Direction direction, int firstByte) {
        messages.next(direction, firstByte);
    }

    /**
     * Writes the line for an event. {@link ConnectionEvent.Connecting} has no line in the contract (scripts
     * expect {@code open} or {@code error} first) and is skipped; returns whether a line was written.
     */
    public boolean writeEvent(ConnectionEvent event) {
        Optional<ObjectNode> node = eventNode(event);
        node.ifPresent(this::writeLine);
        if (event instanceof ConnectionEvent.Opened opened) {
            connectionHint(opened);
        }
        return node.isPresent();
    }

    /** Writes any JSON object as one line (the CLI's summary, for instance). */
    public void writeLine(JsonNode node) {
        try {
            mapper.writeValue(out, node);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON for one frame; advances the fragmented-message tracking, so call once per frame, in order. */
    public ObjectNode frameNode(Frame frame) {
        Opcode opcode = frame.opcode();
        // Pings and pongs count as text-like: their payload is usually empty or a short label.
        return frameNode(frame, messages.next(frame) || opcode == Opcode.PING || opcode == Opcode.PONG);
    }

    /**
     * The JSON for a whole message written after later frames (connect prints a request that {@code --filter
     * unanswered} matches once its timeout passed); leaves the tracking of fragmented messages as it is, so call
     * {@link #skipFrame} for it in its place.
     */
    public ObjectNode laterNode(Frame frame) {
        return frameNode(frame, frame.opcode() == Opcode.TEXT);
    }

    private ObjectNode frameNode(Frame frame, boolean textual) {
        Opcode opcode = frame.opcode();
        ObjectNode node = mapper.createObjectNode();
        node.put("type", "frame");
        node.put("seq", frame.seq());
        node.put("time", IsoTime.ofEpochMicros(frame.epochMicros()));
        node.put("dir", frame.direction().jsonName());
        node.put("opcode", opcode.jsonName());
        node.put("fin", frame.fin());
        node.put("rsv1", frame.header().rsv1());
        node.put("rsv2", frame.header().rsv2());
        node.put("rsv3", frame.header().rsv3());
        node.put("masked", frame.masked());
        // "length" is the payload as the application sees it (after permessage-deflate), matching text/base64;
        // the bytes on the wire are in "compressedLength" for compressed frames.
        node.put("length", frame.payloadLength());
        if (frame.masked()) {
            node.put("maskKey", String.format(Locale.ROOT, "%08x", frame.header().maskKey()));
        }
        if (frame.inflated()) {
            node.put("compressedLength", frame.compressedLength());
        }
        if (frame.truncated()) {
            // The header announced more than was captured (the connection failed mid-frame).
            node.put("truncated", true);
            node.put("wireLength", frame.header().payloadLength());
        }
        if (frame.crafted()) {
            node.put("crafted", true); // sent past the library's encoder (connect --send-frame, --send-raw)
        }
        byte[] payload = frame.payloadBytes();
        if (opcode == Opcode.CLOSE) {
            putClosePayload(node, payload);
        } else {
            putPayload(node, payload, textual);
        }
        // Only whole messages: a fragment is not a message of any protocol (whole messages are issue #13's item 4).
        if (decoders != null && frame.fin() && !frame.truncated() && (opcode == Opcode.TEXT || opcode == Opcode.BINARY)) {
            decoders.decode(payload, opcode == Opcode.TEXT, hint).ifPresent(d -> node.set("decoded", d.toJson()));
        }
        return node;
    }

    /** The JSON for an event, or empty for events the contract has no line for. */
    public Optional<ObjectNode> eventNode(ConnectionEvent event) {
        ObjectNode node = mapper.createObjectNode();
        if (event instanceof ConnectionEvent.Opened opened) {
            Handshake hs = opened.handshake();
            node.put("type", "open");
            node.put("time", IsoTime.ofEpochMicros(opened.epochMicros()));
            node.put("url", Secrets.maskUrl(opened.url(), includeSecrets));
            node.put("status", hs.statusCode());
            node.set("requestHeaders", headersObject(hs.requestHeaders()));
            node.set("responseHeaders", headersObject(hs.responseHeaders()));
            node.put("subprotocol", Secrets.maskSubprotocol(hs.subprotocol().orElse(null), includeSecrets));
            node.put("extensions", hs.extensions().orElse(null));
            node.put("frameIndex", opened.frameIndex());
        } else if (event instanceof ConnectionEvent.Closed closed) {
            node.put("type", "close");
            node.put("time", IsoTime.ofEpochMicros(closed.epochMicros()));
            node.put("code", closed.code());
            node.put("reason", closed.reason());
            node.put("remote", closed.remote());
            node.put("clean", closed.clean());
            node.put("frameIndex", closed.frameIndex());
        } else if (event instanceof ConnectionEvent.Failed failed) {
            node.put("type", "error");
            node.put("time", IsoTime.ofEpochMicros(failed.epochMicros()));
            node.put("message", failed.message());
            node.put("kind", failed.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Handshake hs = failed.handshake();
            if (hs != null && hs.statusCode() > 0) {
                // A refused upgrade (e.g. 401): keep what the server said so a script can see why.
                node.put("status", hs.statusCode());
                node.set("responseHeaders", headersObject(hs.responseHeaders()));
                putPayload(node, hs.responseBody(), true, "body", "bodyBase64");
            }
            node.put("frameIndex", failed.frameIndex());
        } else if (event instanceof ConnectionEvent.Note note) {
            node.put("type", "note");
            node.put("time", IsoTime.ofEpochMicros(note.epochMicros()));
            node.put("level", note.level());
            node.put("message", note.message());
            node.put("frameIndex", note.frameIndex());
        } else {
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private static void putPayload(ObjectNode node, byte[] payload, boolean textual) {
        putPayload(node, payload, textual, "text", "base64");
    }

    private static void putPayload(ObjectNode node, byte[] payload, boolean textual, String textField,
                                   String base64Field) {
        Optional<String> text = textual ? Utf8Text.strict(payload) : Optional.empty();
        if (text.isPresent()) {
            node.put(textField, text.get());
        } else {
            node.put(base64Field, Base64.getEncoder().encodeToString(payload));
        }
    }

    /**
     * Close payload: 2-byte code then a UTF-8 reason. An empty payload is reported as 1005 ("no status
     * received", what RFC 6455 7.1.5 says an endpoint considers the code to be) with an empty reason. A payload
     * that cannot be read that way (one byte, or a reason that is not UTF-8) also carries the raw bytes as base64.
     */
    private static void putClosePayload(ObjectNode node, byte[] payload) {
        if (payload.length == 0) {
            node.put("closeCode", 1005);
            node.put("closeReason", "");
            return;
        }
        if (payload.length >= 2) {
            node.put("closeCode", ByteBuffer.wrap(payload, 0, 2).getShort() & 0xFFFF);
            Optional<String> reason = Utf8Text.strict(payload, 2, payload.length - 2);
            if (reason.isPresent()) {
                node.put("closeReason", reason.get());
                return;
            }
        }
        node.put("base64", Base64.getEncoder().encodeToString(payload));
    }

    /**
     * Headers as one JSON object, as the contract shows ({@code "requestHeaders":{…}}). A repeated header is
     * joined with ", " (how HTTP combines repeated fields, RFC 9110 5.3), so every value stays a string.
     */
    private ObjectNode headersObject(List<HttpHeader> headers) {
        ObjectNode obj = mapper.createObjectNode();
        for (HttpHeader h : Secrets.maskHeaders(headers, includeSecrets)) {
            JsonNode previous = obj.get(h.name());
            obj.put(h.name(), previous == null ? h.value() : previous.asText() + ", " + h.value());
        }
        return obj;
    }
}
