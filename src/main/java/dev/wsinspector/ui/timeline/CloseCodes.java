package dev.wsinspector.ui.timeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names of the standard close codes (RFC 6455 7.4.1 and the IANA registry). */
public final class CloseCodes {

    private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(1000, "Normal closure");
        NAMES.put(1001, "Going away");
        NAMES.put(1002, "Protocol error");
        NAMES.put(1003, "Unsupported data");
        NAMES.put(1005, "No status received");
        NAMES.put(1006, "Abnormal closure");
        NAMES.put(1007, "Invalid payload data");
        NAMES.put(1008, "Policy violation");
        NAMES.put(1009, "Message too big");
        NAMES.put(1010, "Mandatory extension");
        NAMES.put(1011, "Internal error");
        NAMES.put(1012, "Service restart");
        NAMES.put(1013, "Try again later");
        NAMES.put(1014, "Bad gateway");
        NAMES.put(1015, "TLS handshake failure");
    }

    private CloseCodes() {
    }

    /** Codes a user may send (1005, 1006 and 1015 are reserved for reporting and never sent). */
    public static Map<Integer, String> sendable() {
        Map<Integer, String> codes = new LinkedHashMap<>(NAMES);
        codes.remove(1005);
        codes.remove(1006);
        codes.remove(1015);
        return codes;
    }

    public static String name(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        return code >= 4000 && code <= 4999 ? "Application code" : code >= 3000 && code <= 3999 ? "Registered code" : "Unknown code";
    }

    /** "1000 Normal closure: reason" style text. */
    public static String describe(int code, String reason) {
        return code + " " + name(code) + (reason == null || reason.isEmpty() ? "" : ": " + reason);
    }
}
