package dev.wsinspector.core.session;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One HTTP header line; order and duplicates are kept wherever headers are listed. */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code "Name: value"}; throws {@link IllegalArgumentException} with a readable message. */
    public static HttpHeader parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Header must look like 'Name: value', got '" + line + "'");
        }
        String name = line.substring(0, colon).trim();
        if (name.isEmpty() || !name.chars().allMatch(HttpHeader::isTokenChar)) {
            throw new IllegalArgumentException("Invalid header name '" + name + "'");
        }
        return new HttpHeader(name, line.substring(colon + 1).trim());
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** True for headers whose value is a credential (masked in the UI, left out of exports by default). */
    public boolean isSecret() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
                || n.equals("set-cookie") || n.contains("token") || n.contains("api-key") || n.contains("apikey")
                || n.contains("secret");
    }

    /**
     * This header as shown or exported without credentials: the whole value of a {@link #isSecret() secret}
     * header, and in {@code Sec-WebSocket-Protocol} the items that carry a token (see
     * {@link #maskSubprotocols}); any other header is returned as it is.
     */
    public HttpHeader masked(String mask) {
        if (isSecret()) {
            return new HttpHeader(name, mask);
        }
        if (is("Sec-WebSocket-Protocol")) {
            String value2 = maskSubprotocols(value, mask);
            return value2.equals(value) ? this : new HttpHeader(name, value2);
        }
        return this;
    }

    /**
     * A {@code Sec-WebSocket-Protocol} list with its credentials masked. Browsers cannot set an
     * {@code Authorization} header on a WebSocket, so APIs pass tokens as subprotocols: after a marker item
     * ({@code access_token, <token>}, {@code bearer, <token>}), inside a prefixed item (Kubernetes'
     * {@code base64url.bearer.authorization.k8s.io.<token>}), or as a bare JWT. The markers and prefixes stay
     * readable; only the token becomes {@code mask}.
     */
    public static String maskSubprotocols(String list, String mask) {
        if (list == null || list.isBlank()) {
            return list;
        }
        String[] items = list.split(",", -1);
        StringBuilder out = new StringBuilder(list.length());
        boolean afterMarker = false;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            String trimmed = item.strip();
            String masked = afterMarker && !trimmed.isEmpty() ? mask : maskSubprotocol(trimmed, mask);
            if (i > 0) {
                out.append(',');
            }
            if (masked.equals(trimmed)) {
                out.append(item);
            } else {
                int lead = item.length() - item.stripLeading().length();
                int trail = item.length() - item.stripTrailing().length();
                out.append(item, 0, lead).append(masked).append(item, item.length() - trail, item.length());
            }
            afterMarker = isTokenMarker(trimmed);
        }
        return out.toString();
    }

    /** One subprotocol name (e.g. the server's choice) with an embedded credential masked; else unchanged. */
    public static String maskSubprotocol(String protocol, String mask) {
        if (protocol == null) {
            return null;
        }
        String lower = protocol.toLowerCase(Locale.ROOT);
        for (String prefix : TOKEN_PREFIXES) {
            if (lower.startsWith(prefix) && protocol.length() > prefix.length()) {
                return protocol.substring(0, prefix.length()) + mask;
            }
        }
        return JWT.matcher(protocol).matches() ? mask : protocol;
    }

    private static boolean isTokenMarker(String item) {
        return TOKEN_MARKERS.contains(item.toLowerCase(Locale.ROOT).replace('-', '_'));
    }

    private static final java.util.Set<String> TOKEN_MARKERS = java.util.Set.of("access_token", "token", "bearer",
            "authorization", "auth", "auth_token", "jwt", "apikey", "api_key", "key", "password", "secret");
    private static final List<String> TOKEN_PREFIXES = List.of("base64url.bearer.authorization.k8s.io.",
            "bearer.", "access_token.", "token.");
    /** Three base64url parts, the first a JSON object ("eyJ" is the encoding of '{"'). */
    private static final java.util.regex.Pattern JWT =
            java.util.regex.Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
