package dev.wsinspector.core.payload.protocol;

import dev.wsinspector.core.session.ConnectionEvent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the connection tells about the protocol spoken on it: the negotiated subprotocol
 * ({@code Sec-WebSocket-Protocol} of the 101 answer, empty when none), the URL that was opened, and what the
 * user chose (a profile's {@code "decoder"}, {@code --decode}), which beats both.
 *
 * @param subprotocol the negotiated subprotocol, empty when none
 * @param url         the connection URL, empty when unknown
 * @param decoder     {@link #AUTO} (empty: subprotocol, URL, then content), {@link #OFF} ({@code none}: no
 *                    decoding) or a {@link ProtocolId} machine name: that decoder reads every message
 */
public record ProtocolHint(String subprotocol, String url, String decoder) {

    /** Nothing known: decoders fall back to content sniffing. */
    public static final ProtocolHint NONE = new ProtocolHint("", "");
    public static final String AUTO = "";
    public static final String OFF = "none";

    public ProtocolHint {
        subprotocol = subprotocol == null ? "" : subprotocol.trim();
        url = url == null ? "" : url.trim();
        decoder = checkedDecoder(decoder);
    }

    /** Automatic choice: subprotocol, URL, then content. */
    public ProtocolHint(String subprotocol, String url) {
        this(subprotocol, url, AUTO);
    }

    /**
     * {@code decoder} normalised: {@code ""} or {@code auto} → {@link #AUTO}, {@code none} → {@link #OFF}, else a
     * protocol's machine name (any case).
     *
     * @throws IllegalArgumentException for anything else, naming the valid choices
     */
    public static String checkedDecoder(String decoder) {
        String d = decoder == null ? "" : decoder.trim().toLowerCase(Locale.ROOT);
        if (d.isEmpty() || d.equals("auto")) {
            return AUTO;
        }
        if (d.equals(OFF) || ProtocolId.byId(d).isPresent()) {
            return d;
        }
        throw new IllegalArgumentException("unknown decoder '" + decoder + "' (auto, none, "
                + String.join(", ", ProtocolId.ids()) + ")");
    }

    /** The same connection with the user's choice of decoder ({@link #checkedDecoder} rules). */
    public ProtocolHint withDecoder(String choice) {
        return new ProtocolHint(subprotocol, url, choice);
    }

    /** True when the user turned decoding off. */
    public boolean off() {
        return decoder.equals(OFF);
    }

    /** The protocol the user forced, if any. */
    public Optional<ProtocolId> forced() {
        return decoder.isEmpty() || off() ? Optional.empty() : ProtocolId.byId(decoder);
    }

    /** True when the user forced one of {@code decoder}'s protocols: it then reads every message, hinted. */
    public boolean forces(ProtocolDecoder decoder) {
        Optional<ProtocolId> f = forced();
        return f.isPresent() && decoder.ids().contains(f.get());
    }

    /** True when the URL's path contains {@code part} (ignoring case), e.g. {@code /cable}. */
    public boolean pathContains(String part) {
        String lower = url.toLowerCase(Locale.ROOT);
        int scheme = lower.indexOf("://");
        int pathStart = lower.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        if (pathStart < 0) {
            return false;
        }
        int end = lower.length();
        for (char c : new char[]{'?', '#'}) {
            int at = lower.indexOf(c, pathStart);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return lower.substring(pathStart, end).contains(part.toLowerCase(Locale.ROOT));
    }

    /** The hint of an opened connection: its URL and the subprotocol the server chose (decoder: auto). */
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
