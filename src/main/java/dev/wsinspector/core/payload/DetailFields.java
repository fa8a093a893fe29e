package dev.wsinspector.core.payload;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.Frame;
import dev.wsinspector.core.frame.Opcode;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.ConnectionEvent;
import dev.wsinspector.core.session.Handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every field of a frame or a connection event as name/value rows for the detail pane's field table. */
public final class DetailFields {

    /** One row. */
    public record Field(String name, String value) {
    }

    private DetailFields() {
    }

    public static List<Field> of(Frame frame) {
        WireHeader h = frame.header();
        List<Field> rows = new ArrayList<>();
        rows.add(new Field("Seq", Long.toString(frame.seq())));
        rows.add(new Field("Direction", frame.direction().jsonName()
                + (frame.direction() == Direction.IN ? " (received)" : " (sent)")));
        if (frame.crafted()) {
            rows.add(new Field("Crafted", "yes: written as given, past the client's encoder and checks"));
        }
        rows.add(new Field("Opcode", h.opcode().jsonName() + " (0x" + Integer.toHexString(h.opcode().code()) + ")"));
        rows.add(new Field("FIN", bit(h.fin())));
        rows.add(new Field("RSV1", bit(h.rsv1()) + (h.rsv1() && !frame.crafted() ? " (permessage-deflate: compressed)" : "")));
        rows.add(new Field("RSV2", bit(h.rsv2())));
        rows.add(new Field("RSV3", bit(h.rsv3())));
        rows.add(new Field("MASK", bit(h.masked())));
        rows.add(new Field("Mask key", h.masked() ? Formats.hex32(h.maskKey()) : "none"));
        rows.add(new Field("Wire payload length", bytes(h.payloadLength())));
        rows.add(new Field("Stored payload length", bytes(frame.payloadLength())
                + (frame.truncated() ? " (cut short: the frame ended early)" : "")));
        rows.add(new Field("Compressed length",
                frame.compressedLength() < 0 ? "not compressed" : bytes(frame.compressedLength())));
        rows.add(new Field("Header length", bytes(h.headerLength())));
        rows.add(new Field("Frame length on wire", bytes(h.wireLength())));
        rows.add(new Field("Time (UTC)", IsoTime.ofEpochMicros(frame.epochMicros())));
        rows.add(new Field("Monotonic time", Formats.count(frame.monoNanos()) + " ns"));
        if (h.opcode() == Opcode.CLOSE) {
            rows.add(new Field("Close", CloseCodes.describePayload(frame.payloadBytes()).replace('\n', ' ')));
        }
        return rows;
    }

    public static List<Field> of(ConnectionEvent event) {
        List<Field> rows = new ArrayList<>();
        if (event instanceof ConnectionEvent.Connecting e) {
            rows.add(new Field("Event", "connecting"));
            rows.add(new Field("URL", e.url()));
        } else if (event instanceof ConnectionEvent.Opened e) {
            rows.add(new Field("Event", "opened"));
            rows.add(new Field("URL", e.url()));
            addHandshake(rows, e.handshake());
        } else if (event instanceof ConnectionEvent.Closed e) {
            rows.add(new Field("Event", "closed"));
            rows.add(new Field("Code", CloseCodes.describe(e.code())));
            rows.add(new Field("Reason", e.reason().isEmpty() ? "(none)" : e.reason()));
            rows.add(new Field("Closed by", e.remote() ? "peer" : "us"));
            rows.add(new Field("Clean", yesNo(e.clean())));
        } else if (event instanceof ConnectionEvent.Failed e) {
            rows.add(new Field("Event", "failed"));
            rows.add(new Field("Kind", e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            rows.add(new Field("Message", e.message()));
            if (e.handshake() != null) {
                addHandshake(rows, e.handshake());
            }
        } else if (event instanceof ConnectionEvent.Reconnecting e) {
            rows.add(new Field("Event", "reconnecting"));
            rows.add(new Field("Attempt", e.attempt() + " of " + e.maxAttempts()));
            rows.add(new Field("Delay", e.delayMillis() + " ms"));
        } else if (event instanceof ConnectionEvent.Note e) {
            rows.add(new Field("Event", "note"));
            rows.add(new Field("Level", e.level()));
            rows.add(new Field("Message", e.message()));
        }
        rows.add(new Field("Time (UTC)", IsoTime.ofEpochMicros(event.epochMicros())));
        rows.add(new Field("Frames before", Formats.count(event.frameIndex())));
        return rows;
    }

    private static void addHandshake(List<Field> rows, Handshake h) {
        rows.add(new Field("Status", h.statusCode() == 0 ? "no response" : h.statusLine()));
        // A token passed as the subprotocol stays masked here too (the Handshake view can reveal it).
        h.subprotocol().ifPresent(p -> rows.add(new Field("Subprotocol",
                dev.wsinspector.core.session.HttpHeader.maskSubprotocol(p, HandshakeText.MASK))));
        h.extensions().ifPresent(x -> rows.add(new Field("Extensions", x)));
    }

    private static String bit(boolean set) {
        return set ? "1" : "0";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /** {@code 16,777,216 B (16 MiB)}: exact count for protocol work, human size to read at a glance. */
    private static String bytes(long n) {
        String exact = Formats.count(n) + " B";
        return n < 1024 ? exact : exact + " (" + Formats.humanBytes(n) + ")";
    }
}
