package dev.wsinspector.core.payload.encode;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * STOMP 1.2 frames (stomp.github.io/stomp-specification-1.2.html, "STOMP Frames"): command, {@code name:value}
 * headers escaped per "Value Encoding" (not in CONNECT/CONNECTED), a blank line, the body, NUL. A {@code
 * content-length} header is added for a non-empty body unless one is given.
 */
public final class StompEncoder implements MessageEncoder {

    public static final List<String> COMMANDS = List.of("SEND", "SUBSCRIBE", "UNSUBSCRIBE", "ACK", "NACK", "BEGIN",
            "COMMIT", "ABORT", "DISCONNECT", "CONNECT", "STOMP", "CONNECTED", "MESSAGE", "RECEIPT", "ERROR");

    /** The headers each command requires ("Client Frames"). */
    private static final Map<String, List<String>> REQUIRED = Map.of("SEND", List.of("destination"),
            "SUBSCRIBE", List.of("destination", "id"), "UNSUBSCRIBE", List.of("id"), "ACK", List.of("id"),
            "NACK", List.of("id"), "BEGIN", List.of("transaction"), "COMMIT", List.of("transaction"),
            "ABORT", List.of("transaction"), "CONNECT", List.of("accept-version"), "STOMP", List.of("accept-version"));

    private static final Set<String> UNESCAPED = Set.of("CONNECT", "CONNECTED");

    @Override
    public Encoded encode(EncodeRequest request, EncodeContext context) throws EncodeException {
        List<Map.Entry<String, String>> headers = headers(request.param("headers"));
        String destination = request.param("destination");
        if (!destination.isEmpty()) {
            headers.add(0, new SimpleEntry<>("destination", destination));
        }
        return Encoded.text(frame(request.param("command", "SEND"), headers, request.body()));
    }

    /** {@code name:value} lines (blank lines skipped) as headers, in order. */
    public static List<Map.Entry<String, String>> headers(String lines) throws EncodeException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new EncodeException("a STOMP header is name:value, not \"" + line.strip() + "\"");
            }
            headers.add(new SimpleEntry<>(line.substring(0, colon).strip(), line.substring(colon + 1)));
        }
        return headers;
    }

    /** The frame, ending with NUL. */
    public static String frame(String command, List<Map.Entry<String, String>> headers, String body) throws EncodeException {
        String cmd = command == null ? "" : command.strip().toUpperCase(Locale.ROOT);
        if (!COMMANDS.contains(cmd)) {
            throw new EncodeException("unknown STOMP command \"" + command + "\" (one of " + String.join(", ", COMMANDS) + ")");
        }
        String b = body == null ? "" : body;
        boolean hasLength = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("content-length"));
        for (String required : REQUIRED.getOrDefault(cmd, List.of())) {
            if (headers.stream().noneMatch(h -> h.getKey().equals(required))) {
                throw new EncodeException(cmd + " needs a " + required + " header");
            }
        }
        if (!b.isEmpty() && !List.of("SEND", "MESSAGE", "ERROR").contains(cmd)) {
            throw new EncodeException("only SEND, MESSAGE and ERROR frames have a body (STOMP 1.2 \"Body\")");
        }
        StringBuilder out = new StringBuilder(cmd).append('\n');
        boolean escape = !UNESCAPED.contains(cmd);
        for (Map.Entry<String, String> h : headers) {
            if (!escape && (h.getKey() + h.getValue()).matches("(?s).*[\\r\\n].*")) {
                throw new EncodeException(cmd + " headers cannot contain line breaks");
            }
            out.append(escape ? escape(h.getKey()) : h.getKey()).append(':')
                    .append(escape ? escape(h.getValue()) : h.getValue()).append('\n');
        }
        if (!b.isEmpty() && !hasLength) {
            out.append("content-length:").append(b.getBytes(StandardCharsets.UTF_8).length).append('\n');
        }
        return out.append('\n').append(b).append('\0').toString();
    }

    /** A heart-beat: one end-of-line ("Heart-beating"). */
    public static String heartbeat() {
        return "\n";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case ':' -> out.append("\\c");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
