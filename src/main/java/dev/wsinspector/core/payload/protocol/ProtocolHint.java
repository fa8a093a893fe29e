package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.session.ConnectionEvent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What the connection tells about the protocol spoken on it: the negotiated subprotocol
 * ({@code Sec-WebSocket-Protocol} of the 101 answer, empty when none) and the URL that was opened.
 *
 * @param subprotocol the negotiated subprotocol, empty when none
 * @param url         the connection URL, empty when unknown
 */
public record ProtocolHint(String subprotocol, String url) {

    /** Nothing known: decoders fall back to content sniffing. */
    public static final ProtocolHint NONE = new ProtocolHint("", "");

    public ProtocolHint {
        subprotocol = subprotocol == null ? "" : subprotocol.trim();
        url = url == null ? "" : url.trim();
    }

    /** The hint of an opened connection: its URL and the subprotocol the server chose. */
    public static ProtocolHint of(ConnectionEvent.Opened opened) {
        Objects.requireNonNull(opened, "opened");
        return new ProtocolHint(opened.handshake() == null ? "" : opened.handshake().subprotocol().orElse(""),
                opened.url());
    }

    /** True when the subprotocol (or one of a comma-separated list) equals one of {@code names}, ignoring case. */
    public boolean subprotocolIs(String... names) {
        for (String token : subprotocol.split(",")) {
            String t = token.trim();
            if (!t.isEmpty() && Arrays.stream(names).anyMatch(t::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    /** True when the subprotocol contains {@code part}, ignoring case. */
    public boolean subprotocolContains(String part) {
        return subprotocol.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /**
     * True when the URL is an Engine.IO endpoint: an {@code EIO=} query parameter (every Engine.IO client sends
     * it) on a path containing {@code /socket.io/} or {@code /engine.io/}.
     */
    public boolean isEngineIoUrl() {
        String lower = url.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        if (query < 0) {
            return false;
        }
        String path = lower.substring(0, query);
        String params = "&" + lower.substring(query + 1);
        return (path.contains("/socket.io/") || path.endsWith("/socket.io") || path.contains("/engine.io/")
                || path.endsWith("/engine.io")) && params.contains("&eio=");
    }

    /** The Engine.IO protocol revision from the URL's {@code EIO=} parameter, or empty. */
    public String engineIoVersion() {
        int query = url.indexOf('?');
        if (query < 0) {
            return "";
        }
        for (String param : url.substring(query + 1).split("[&#]")) {
            if (param.regionMatches(true, 0, "EIO=", 0, 4)) {
                return param.substring(4);
            }
        }
        return "";
    }
}
