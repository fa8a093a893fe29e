package dev.wsinspector.core.payload.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wsinspector.core.payload.DetailFields.Field;
import dev.wsinspector.core.payload.Utf8Text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * STOMP 1.0–1.2 frames: a command line, {@code name:value} header lines, a blank line and a body ending at the
 * NUL octet (or after {@code content-length} bytes); a message holding only end-of-lines is a heart-beat. STOMP
 * 1.1/1.2 header escapes ({@code \r \n \c \\}) are decoded except in CONNECT / CONNECTED frames, which the spec
 * leaves unescaped, and on a {@code v10.stomp} connection.
 *
 * <p>With a STOMP subprotocol every message is read, text or binary. Without it only a text message with a
 * known command, well-formed headers, the blank line and the closing NUL is claimed.
 */
public final class StompDecoder implements ProtocolDecoder {

    static final String NAME = "STOMP";
    private static final Set<String> COMMANDS = Set.of("CONNECT", "STOMP", "CONNECTED", "SEND", "SUBSCRIBE",
            "UNSUBSCRIBE", "ACK", "NACK", "BEGIN", "COMMIT", "ABORT", "DISCONNECT", "MESSAGE", "RECEIPT", "ERROR");
    private static final int MAX_VALUE = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProtocolId id() {
        return ProtocolId.STOMP;
    }

    @Override
    public boolean matchesHint(ProtocolHint hint) {
        return hint.forces(this) || (hint.forced().isEmpty()
                && hint.subprotocolIs("v10.stomp", "v11.stomp", "v12.stomp", "stomp"));
    }

    @Override
    public Optional<Decoded> decode(byte[] payload, boolean text, ProtocolHint hint) {
        boolean hinted = matchesHint(hint);
        if (!hinted && !text) {
            return Optional.empty();
        }
        String protocol = hint.subprotocolIs("v12.stomp") ? "STOMP 1.2" : hint.subprotocolIs("v11.stomp") ? "STOMP 1.1"
                : hint.subprotocolIs("v10.stomp") ? "STOMP 1.0" : NAME;
        if (isHeartBeat(payload)) {
            return hinted ? Optional.of(Decoded.of(ProtocolId.STOMP, protocol, "heart-beat",
                    List.of(new Field("Frame", "heart-beat (" + payload.length + " B of end-of-line)")), "", false,
                    ProtocolJson.object().put("command", "heart-beat"))) : Optional.empty();
        }
        Optional<Decoded> decoded = parse(payload, protocol, !hint.subprotocolIs("v10.stomp"));
        return hinted ? decoded : decoded.filter(d -> !d.malformed());
    }

    private static boolean isHeartBeat(byte[] payload) {
        if (payload.length == 0) {
            return false;
        }
        for (byte b : payload) {
            if (b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Optional<Decoded> parse(byte[] b, String protocol, boolean escapesAllowed) {
        List<Field> fields = new ArrayList<>();
        int pos = 0;
        // Heart-beat EOLs may come before a frame.
        while (pos < b.length && (b[pos] == '\n' || b[pos] == '\r')) {
            pos++;
        }
        int eol = indexOf(b, (byte) '\n', pos);
        if (eol < 0) {
            return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "no end of line after the command", fields));
        }
        String command = line(b, pos, eol);
        if (!COMMANDS.contains(command)) {
            return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "unknown command \"" + ProtocolJson.excerpt(command, 40) + "\"", fields));
        }
        fields.add(new Field("Command", command));
        boolean unescaped = escapesAllowed && !command.equals("CONNECT") && !command.equals("CONNECTED");
        pos = eol + 1;
        List<String[]> headers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        while (true) {
            if (pos >= b.length) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "headers do not end with a blank line", fields));
            }
            eol = indexOf(b, (byte) '\n', pos);
            if (eol < 0) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "headers do not end with a blank line", fields));
            }
            String line = line(b, pos, eol);
            pos = eol + 1;
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "header line without a name and ':' — \""
                        + ProtocolJson.excerpt(line, 60) + "\"", fields));
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1);
            if (unescaped) {
                String decodedName = unescape(name, notes);
                value = unescape(value, notes);
                name = decodedName;
            }
            headers.add(new String[]{name, value});
            fields.add(new Field(visible(name), visible(value)));
        }
        // Body: content-length octets if given (the body may then hold NULs), else up to the first NUL.
        String lengthHeader = header(headers, "content-length");
        int end;
        if (lengthHeader != null) {
            long length;
            try {
                length = Long.parseLong(lengthHeader.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0 || pos + length > b.length) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "content-length " + lengthHeader + " does not fit the "
                        + (b.length - pos) + " B after the headers", fields));
            }
            end = pos + (int) length;
            if (end >= b.length || b[end] != 0) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "no NUL octet after the content-length bytes", fields));
            }
        } else {
            end = indexOf(b, (byte) 0, pos);
            if (end < 0) {
                return Optional.of(Decoded.malformed(ProtocolId.STOMP, protocol, "the frame does not end with a NUL octet", fields));
            }
        }
        for (int i = end + 1; i < b.length; i++) {
            if (b[i] != '\n' && b[i] != '\r') {
                notes.add((b.length - end - 1) + " B after the frame's NUL octet");
                break;
            }
        }
        int bodyLength = end - pos;
        String version = header(headers, "version");
        if (command.equals("CONNECTED") && version != null && protocol.equals(NAME)) {
            protocol = "STOMP " + version;
        }
        String contentType = header(headers, "content-type");
        byte[] body = java.util.Arrays.copyOfRange(b, pos, end);
        String bodyText = "";
        boolean json = false;
        if (bodyLength > 0) {
            boolean textual = Utf8Text.isValidUtf8(body) && (contentType == null ? !hasControlChars(body) : isTextual(contentType));
            if (textual) {
                bodyText = new String(body, StandardCharsets.UTF_8);
                boolean jsonType = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
                String trimmed = bodyText.strip();
                if (jsonType || trimmed.startsWith("{") || trimmed.startsWith("[")) {
                    ProtocolJson.Parsed parsed = ProtocolJson.parse(bodyText);
                    if (parsed.ok()) {
                        bodyText = ProtocolJson.pretty(parsed.node());
                        json = true;
                    } else if (jsonType) {
                        notes.add("the body is not valid JSON: " + parsed.error());
                    }
                }
                bodyText = ProtocolJson.cut(bodyText);
            } else {
                bodyText = "(" + bodyLength + " B of binary data; see the Hex view)";
            }
        }
        fields.add(new Field("Body", bodyLength + " B"));
        notes.forEach(n -> fields.add(new Field("Note", n)));
        ObjectNode data = ProtocolJson.object().put("command", command);
        ObjectNode headerObject = data.putObject("headers");
        for (String[] h : headers) {
            if (!headerObject.has(h[0])) { // the first of repeated headers counts
                headerObject.put(h[0], h[1]);
            }
        }
        data.put("bodyLength", bodyLength);
        if (bodyLength > 0 && Utf8Text.isValidUtf8(body)) {
            data.put("body", ProtocolJson.cut(new String(body, StandardCharsets.UTF_8)));
        }
        return Optional.of(Decoded.of(ProtocolId.STOMP, protocol, summary(command, headers, contentType, bodyLength),
                fields, bodyText, json, data));
    }

    private static String summary(String command, List<String[]> headers, String contentType, int bodyLength) {
        StringBuilder s = new StringBuilder(command);
        String destination = header(headers, "destination");
        if (destination != null) {
            s.append(' ').append(ProtocolJson.excerpt(destination, 100));
        }
        switch (command) {
            case "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK" -> appendHeader(s, headers, "id", "id ");
            case "CONNECTED" -> appendHeader(s, headers, "version", "version ");
            case "CONNECT", "STOMP" -> appendHeader(s, headers, "host", "host ");
            case "RECEIPT" -> appendHeader(s, headers, "receipt-id", "receipt ");
            case "ERROR" -> {
                String message = header(headers, "message");
                if (message != null) {
                    s.append(" \"").append(ProtocolJson.excerpt(message, 100)).append('"');
                }
            }
            case "BEGIN", "COMMIT", "ABORT" -> appendHeader(s, headers, "transaction", "transaction ");
            default -> {
            }
        }
        if (bodyLength > 0 || contentType != null) {
            s.append(" (").append(contentType == null ? "" : contentType + ", ").append(bodyLength).append(" B)");
        }
        return s.toString();
    }

    private static void appendHeader(StringBuilder s, List<String[]> headers, String name, String label) {
        String value = header(headers, name);
        if (value != null) {
            s.append(" (").append(label).append(ProtocolJson.excerpt(value, 60)).append(')');
        }
    }

    /** A header as one table row: line breaks (possible through 1.2 escapes) as ␍ ␊, long values cut. */
    private static String visible(String s) {
        String shown = s.replace('\r', '\u240D').replace('\n', '\u240A');
        return shown.length() <= MAX_VALUE ? shown : shown.substring(0, MAX_VALUE - 1) + "…";
    }

    /** C0 controls other than tab and line ends: a body without a content-type holding them is binary. */
    private static boolean hasControlChars(byte[] body) {
        for (byte c : body) {
            if ((c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** The first header called {@code name}: STOMP says the first of repeated headers counts. */
    private static String header(List<String[]> headers, String name) {
        for (String[] h : headers) {
            if (h[0].equals(name)) {
                return h[1];
            }
        }
        return null;
    }

    private static boolean isTextual(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("json") || t.contains("xml") || t.contains("javascript")
                || t.contains("charset=");
    }

    /** Decodes {@code \r \n \c \\}; an undefined escape is kept as written and noted. */
    private static String unescape(String s, List<String> notes) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            switch (next) {
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'c' -> out.append(':');
                case '\\' -> out.append('\\');
                default -> {
                    out.append(c);
                    notes.add("undefined escape \\" + (next == 0 ? "" : String.valueOf(next)) + " in a header");
                    continue;
                }
            }
            i++;
        }
        return out.toString();
    }

    /** The line from {@code from} to the LF at {@code lf}, without a CR before the LF. */
    private static String line(byte[] b, int from, int lf) {
        int end = lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] b, byte value, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
