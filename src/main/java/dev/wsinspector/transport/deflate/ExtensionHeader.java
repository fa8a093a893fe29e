package dev.wsinspector.transport.deflate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a {@code Sec-WebSocket-Extensions} value ({@code ext; a; b=1, other}) into its elements.
 *
 * <p>Written here instead of using the library's {@code ExtensionRequestData} because negotiation needs
 * to tell a parameter without value ({@code client_max_window_bits}) from one with a value, and must see
 * duplicate parameters (RFC 7692 §7: an offer or response with a duplicate parameter is invalid).
 */
final class ExtensionHeader {

    /**
     * One extension element. A parameter without a value maps to {@code null}. Names are lower-cased.
     *
     * @param wellFormed false when a parameter repeats or a name is empty; such an element must be declined
     */
    record Element(String name, Map<String, String> params, boolean wellFormed) {
    }

    private ExtensionHeader() {
    }

    static List<Element> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<Element> elements = new ArrayList<>();
        // Values of permessage-deflate parameters are small integers, so commas never occur inside quotes.
        for (String part : header.split(",")) {
            if (!part.isBlank()) {
                elements.add(parseElement(part));
            }
        }
        return elements;
    }

    private static Element parseElement(String text) {
        String[] parts = text.split(";");
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean wellFormed = !name.isEmpty();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].trim();
            int eq = param.indexOf('=');
            String key = (eq < 0 ? param : param.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : unquote(param.substring(eq + 1).trim());
            if (key.isEmpty() || params.containsKey(key)) {
                wellFormed = false;
            }
            params.put(key, value);
        }
        return new Element(name, Collections.unmodifiableMap(params), wellFormed);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
