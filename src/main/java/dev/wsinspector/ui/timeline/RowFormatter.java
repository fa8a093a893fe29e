package dev.wsinspector.ui.timeline;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.FrameStore;
import dev.wsinspector.core.frame.MessageKinds;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WholeMessage;
import dev.wsinspector.core.io.Secrets;
import dev.wsinspector.core.payload.CloseCodes;
import dev.wsinspector.core.payload.Formats;
import dev.wsinspector.core.payload.Utf8Text;
import dev.wsinspector.core.payload.protocol.ProtocolDecoders;
import dev.wsinspector.core.payload.protocol.ProtocolHint;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.ConnectionEvent.Closed;
import dev.wsinspector.core.session.ConnectionEvent.Connecting;
import dev.wsinspector.core.session.ConnectionEvent.Failed;
import dev.wsinspector.core.session.ConnectionEvent.Opened;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Computes a row's cell texts once, when the row is first shown (so only for rows on screen, and on the FX
 * thread, never the read thread). The Summary column is the sub-protocol decoder's one line for a whole message;
 * messages over {@link #SUMMARY_MAX_BYTES} get none, so a screenful of rows costs a few milliseconds at most.
 */
public final class RowFormatter {

    private static final int PREVIEW_BYTES = 160;
    private static final int PREVIEW_CHARS = 120;
    /** Largest message the Summary column decodes (a 4 KiB JSON message costs about 7 µs to decode). */
    static final int SUMMARY_MAX_BYTES = 16 * 1024;

    private final DateTimeFormatter clock;
    private final ProtocolDecoders decoders;

    public RowFormatter(ZoneId zone) {
        this(zone, new ProtocolDecoders());
    }

    public RowFormatter(ZoneId zone, ProtocolDecoders decoders) {
        this.clock = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT).withZone(zone);
        this.decoders = decoders;
    }

    /**
     * @param kinds tells whether a continuation frame belongs to a text message (its preview is text, else hex)
     * @param hint  what decodes the Summary column (the connection's subprotocol and URL, the profile's decoder)
     */
    TimelineRow frameRow(long number, FrameStore store, MessageKinds kinds, long seq, TimeMode mode, long prevEpoch,
                         long connectEpoch, ProtocolHint hint) {
        Opcode opcode = store.opcode(seq);
        Direction direction = store.direction(seq);
        int firstByte = store.firstByte(seq);
        boolean fin = (firstByte & 0x80) != 0;
        long epoch = store.epochMicros(seq);
        int length = store.payloadLength(seq);
        WholeMessage message = fin ? null : WholeMessage.starting(store, seq).orElse(null);
        byte[] head;
        if (message != null) {
            head = message.prefix(store, PREVIEW_BYTES);
        } else {
            head = new byte[Math.min(length, PREVIEW_BYTES)];
            store.readPayload(seq, 0, head, 0, head.length);
        }

        String finMarker = !fin ? "more" : opcode == Opcode.CONTINUATION ? "FIN" : "";
        boolean crafted = store.crafted(seq);
        String style = (direction == Direction.IN ? "frame-in" : "frame-out")
                + (opcode.isControl() ? " frame-" + (opcode.isReserved() ? "reserved" : opcode.jsonName()) : "")
                + (crafted ? " frame-crafted" : "") + (message != null ? " frame-message" : "");
        String preview = preview(opcode, head, message != null ? (int) Math.min(Integer.MAX_VALUE, message.length())
                : length, opcode == Opcode.CONTINUATION && kinds.isText(seq));
        String size;
        String summary = "";
        String marks = crafted ? "crafted · " : "";
        if (message != null) {
            size = Formats.humanBytes(message.length());
            marks += message.complete() ? "message of " + message.frames() + " frames · "
                    : "message, " + message.frames() + " frames so far · ";
            if (message.complete() && message.fits(SUMMARY_MAX_BYTES) && hint != null && !hint.off()) {
                summary = summary(message.payload(store, SUMMARY_MAX_BYTES), message.text(), hint);
            }
            if (message.inflated()) {
                marks += "compressed " + Formats.humanBytes(message.wireLength()) + " → " + size + " · ";
            }
        } else {
            size = Formats.humanBytes(length);
            if (fin) {
                summary = summary(store, seq, opcode, length, head, hint);
            }
            if (store.inflated(seq)) {
                marks += "compressed " + Formats.humanBytes(store.wirePayloadLength(seq)) + " → " + size + " · ";
            }
        }
        return new TimelineRow(number, seq, null, epoch, time(mode, epoch, prevEpoch, connectEpoch),
                direction == Direction.IN ? "↓" : "↑", direction == Direction.IN ? RowIcons.RECEIVED : RowIcons.SENT,
                opcode.jsonName(), size, finMarker, marks + preview, summary, style,
                message != null && !message.complete() && store.size() - seq <= WholeMessage.MAX_FRAMES);
    }

    /** The decoder's line for a whole single-frame message, or empty (nothing decodes, too large, not a message). */
    private String summary(FrameStore store, long seq, Opcode opcode, int length, byte[] head, ProtocolHint hint) {
        if ((opcode != Opcode.TEXT && opcode != Opcode.BINARY) || length > SUMMARY_MAX_BYTES || length == 0
                || hint == null || hint.off()) {
            return "";
        }
        byte[] payload = head;
        if (length > head.length) {
            payload = new byte[length];
            store.readPayload(seq, 0, payload, 0, length);
        }
        return summary(payload, opcode == Opcode.TEXT, hint);
    }

    /** The decoder's line for {@code payload}, or empty. */
    String summary(byte[] payload, boolean text, ProtocolHint hint) {
        return decoders.decode(payload, text, hint).map(d -> d.summary()).orElse("");
    }

    TimelineRow eventRow(long number, ConnectionEvent event, TimeMode mode, long prevEpoch, long connectEpoch) {
        String type;
        String text;
        String style;
        if (event instanceof Connecting c) {
            type = "connecting";
            text = "Connecting to " + Secrets.maskUrl(c.url(), false);
            style = "event-connecting";
        } else if (event instanceof Opened o) {
            type = "open";
            text = "HTTP " + o.handshake().statusCode() + " · " + Secrets.maskUrl(o.url(), false)
                    + o.handshake().subprotocol().map(p -> " · subprotocol " + Secrets.maskSubprotocol(p, false)).orElse("")
                    + o.handshake().extensions().map(x -> " · " + x).orElse("");
            style = "event-open";
        } else if (event instanceof Failed f) {
            type = "error";
            text = f.message();
            style = "event-error";
        } else if (event instanceof ConnectionEvent.Reconnecting r) {
            type = "reconnect";
            text = r.message();
            style = "event-close event-warning";
        } else if (event instanceof ConnectionEvent.Note n) {
            type = "note";
            text = n.message();
            style = switch (n.level()) {
                case ConnectionEvent.Note.ERROR -> "event-note event-error";
                case ConnectionEvent.Note.WARNING -> "event-note event-warning";
                default -> "event-note";
            };
        } else {
            Closed c = (Closed) event;
            type = "closed";
            text = CloseCodes.describe(c.code(), c.reason()) + (c.clean() ? " · clean" : " · not clean")
                    + (c.remote() ? " · by server" : " · by us");
            style = c.clean() && (c.code() == 1000 || c.code() == 1001) ? "event-close" : "event-close event-warning";
        }
        return new TimelineRow(number, -1, event, event.epochMicros(),
                time(mode, event.epochMicros(), prevEpoch, connectEpoch), "•", RowIcons.of(event), type, "", "", text,
                "", style, false);
    }

    private String preview(Opcode opcode, byte[] head, int length, boolean textContinuation) {
        if (opcode == Opcode.CLOSE) {
            if (head.length < 2) {
                return "(no status code)";
            }
            int code = ((head[0] & 0xFF) << 8) | (head[1] & 0xFF);
            String reason = Utf8Text.preview(java.util.Arrays.copyOfRange(head, 2, head.length), true, PREVIEW_CHARS);
            return CloseCodes.describe(code, reason);
        }
        boolean text = opcode == Opcode.TEXT || textContinuation
                || ((opcode == Opcode.PING || opcode == Opcode.PONG) && Utf8Text.isValidUtf8(head));
        return Utf8Text.preview(head, head.length, length, text, PREVIEW_CHARS);
    }

    private String time(TimeMode mode, long epoch, long prevEpoch, long connectEpoch) {
        return switch (mode) {
            case ABSOLUTE -> clock.format(Instant.ofEpochSecond(0, epoch * 1_000L));
            case SINCE_PREVIOUS -> prevEpoch < 0 ? "+0.000000" : relative(epoch - prevEpoch);
            case SINCE_CONNECT -> connectEpoch < 0 ? "+0.000000" : relative(epoch - connectEpoch);
        };
    }

    private static String relative(long micros) {
        String sign = micros < 0 ? "-" : "+";
        long abs = Math.abs(micros);
        return String.format(Locale.ROOT, "%s%d.%06d", sign, abs / 1_000_000, abs % 1_000_000);
    }
}
