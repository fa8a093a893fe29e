package dev.wsinspector.core.payload.encode;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the user typed: the body (JSON, a STOMP body, an MQTT payload…) and the format's other inputs by
 * {@link Param#name()}. A missing or blank parameter means its default.
 */
public record EncodeRequest(String body, Map<String, String> params) {

    public EncodeRequest {
        body = body == null ? "" : body;
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
    }

    public static EncodeRequest of(String body, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        java.util.HashMap<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new EncodeRequest(body, map);
    }

    /** The parameter, stripped, or "" when absent. */
    String param(String name) {
        String v = params.get(name);
        return v == null ? "" : v.strip();
    }

    /** The parameter or {@code fallback} when blank. */
    String param(String name, String fallback) {
        String v = param(name);
        return v.isEmpty() ? fallback : v;
    }

    boolean flag(String name, boolean fallback) throws EncodeException {
        String v = param(name).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> fallback;
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new EncodeException(name + " must be true or false, not \"" + v + "\"");
        };
    }

    /** An integer parameter in [{@code min}, {@code max}], or {@code fallback} when blank. */
    long number(String name, long fallback, long min, long max) throws EncodeException {
        String v = param(name);
        if (v.isEmpty()) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new EncodeException(name + " must be a whole number, not \"" + v + "\"");
        }
        if (n < min || n > max) {
            throw new EncodeException(name + " must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }
}
