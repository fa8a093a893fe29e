package dev.wsinspector.core.payload;

import java.util.Map;
import java.util.TreeMap;

/** Names of the close codes registered for RFC 6455, and a readable form of a close frame's payload. */
public final class CloseCodes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1000, "Normal Closure"),
            Map.entry(1001, "Going Away"),
            Map.entry(1002, "Protocol Error"),
            Map.entry(1003, "Unsupported Data"),
            Map.entry(1005, "No Status Received"),
            Map.entry(1006, "Abnormal Closure"),
            Map.entry(1007, "Invalid Payload Data"),
            Map.entry(1008, "Policy Violation"),
            Map.entry(1009, "Message Too Big"),
            Map.entry(1010, "Mandatory Extension"),
            Map.entry(1011, "Internal Error"),
            Map.entry(1012, "Service Restart"),
            Map.entry(1013, "Try Again Later"),
            Map.entry(1014, "Bad Gateway"),
            Map.entry(1015, "TLS Handshake"));

    private CloseCodes() {
    }

    /** {@code "1000 Normal Closure"}, {@code "4001 (application)"}, {@code "999 (invalid)"}. */
    public static String describe(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return code + " " + name;
        }
        if (code >= 3000 && code <= 4999) {
            return code + (code < 4000 ? " (registered for libraries)" : " (application)");
        }
        return code + " (invalid)";
    }

    /** {@code "1000 Normal Closure: reason"}, or just the code's description when there is no reason. */
    public static String describe(int code, String reason) {
        return reason == null || reason.isEmpty() ? describe(code) : describe(code) + ": " + reason;
    }

    /** Codes a user may send, ascending, with names (1005, 1006 and 1015 only report, they are never sent). */
    public static Map<Integer, String> sendable() {
        Map<Integer, String> codes = new TreeMap<>(NAMES);
        codes.keySet().removeAll(java.util.Set.of(1005, 1006, 1015));
        return codes;
    }

    /** True for a code that may appear in a close frame we send: 1000-1003, 1007-1014, 3000-4999. */
    public static boolean isSendable(int code) {
        return sendable().containsKey(code) || (code >= 3000 && code <= 4999);
    }

    /**
     * A close frame's payload: a 2-byte code then a UTF-8 reason (RFC 6455 5.5.1). Returns e.g.
     * {@code "1000 Normal Closure\nbye"}; an empty payload says so, and a 1-byte payload is a protocol error.
     */
    public static String describePayload(byte[] payload) {
        if (payload.length == 0) {
            return "(no close code)";
        }
        if (payload.length == 1) {
            return "(invalid close payload: 1 byte, a close code needs 2)";
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        String reason = Utf8Text.decode(payload, 2, payload.length - 2, false).text();
        return reason.isEmpty() ? describe(code) : describe(code) + "\n" + reason;
    }
}
