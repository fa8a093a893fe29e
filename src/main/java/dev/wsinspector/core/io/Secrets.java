package dev.wsinspector.core.io;

import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.Masking;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps credentials out of exported files. Captures get pasted into bug reports and chat, so exports mask
 * secrets unless the user explicitly asks for them ({@code includeSecrets}). Masking keeps the header name, so
 * a reader still sees that e.g. an {@code Authorization} header was sent.
 */
public final class Secrets {

    /** What a masked value is replaced with. */
    public static final String MASK = "••••";

    private Secrets() {
    }

    /**
     * The headers with every {@link HttpHeader#isSecret() secret} value, and the tokens passed as subprotocols,
     * replaced by {@link #MASK} ({@link HttpHeader#masked}).
     */
    public static List<HttpHeader> maskHeaders(List<HttpHeader> headers, boolean includeSecrets) {
        if (includeSecrets) {
            return headers;
        }
        List<HttpHeader> out = new ArrayList<>(headers.size());
        for (HttpHeader h : headers) {
            out.add(h.masked(MASK));
        }
        return out;
    }

    /**
     * The URL with a user-info password and the values of secret-looking query parameters (same names
     * {@link HttpHeader#isSecret()} flags, e.g. {@code ?token=…}, {@code ?api-key=…}) masked: tokens in the
     * query string are common for WebSockets because browsers cannot set headers.
     */
    public static String maskUrl(String url, boolean includeSecrets) {
        return includeSecrets ? url : maskUrl(url, java.util.Set.of());
    }

    /**
     * Like {@link #maskUrl(String, boolean)} for display, also masking the query parameters named in
     * {@code secretNames} (a profile's parameters marked secret, whatever their names).
     */
    public static String maskUrl(String url, java.util.Set<String> secretNames) {
        return Masking.maskUrl(url, secretNames, MASK);
    }

    /** An HTTP request line ({@code GET /ws?token=… HTTP/1.1}) with its target masked like a URL. */
    public static String maskRequestLine(String requestLine, boolean includeSecrets) {
        return includeSecrets ? requestLine : Masking.maskRequestLine(requestLine, MASK);
    }

    /** A subprotocol the server chose, with an embedded token masked ({@link HttpHeader#maskSubprotocol}). */
    public static String maskSubprotocol(String protocol, boolean includeSecrets) {
        return includeSecrets ? protocol : HttpHeader.maskSubprotocol(protocol, MASK);
    }

}
