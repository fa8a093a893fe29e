package dev.wsinspector.core.payload;

import dev.wsinspector.core.session.Handshake;
import dev.wsinspector.core.session.HttpHeader;

import java.util.List;

/**
 * The opening handshake as display text: request and response the way they were on the wire, with
 * credential headers masked unless the user asks to see them (screenshots and screen shares leak tokens).
 */
public final class HandshakeText {

    /** What a masked credential looks like. */
    public static final String MASK = "•••••• (hidden)";

    /** Bodies of refusals are usually small HTML or JSON; a cap keeps a runaway one from filling the view. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private HandshakeText() {
    }

    public static String request(Handshake handshake, boolean revealSecrets) {
        StringBuilder sb = new StringBuilder(revealSecrets ? handshake.requestLine()
                : dev.wsinspector.core.session.Masking.maskRequestLine(handshake.requestLine(), MASK)).append('\n');
        appendHeaders(sb, handshake.requestHeaders(), revealSecrets);
        return sb.toString();
    }

    /** Status line, headers and (for a refusal) the body; says so when no response arrived at all. */
    public static String response(Handshake handshake, boolean revealSecrets) {
        if (handshake.statusLine().isEmpty()) {
            return "(no response received)";
        }
        StringBuilder sb = new StringBuilder(handshake.statusLine()).append('\n');
        appendHeaders(sb, handshake.responseHeaders(), revealSecrets);
        byte[] body = handshake.responseBody();
        if (body.length > 0) {
            int shown = Math.min(body.length, MAX_BODY_BYTES);
            sb.append('\n').append(Utf8Text.decode(body, 0, shown, shown < body.length).text());
            if (shown < body.length) {
                sb.append("\n… showing first ").append(Formats.humanBytes(shown)).append(" of ")
                        .append(Formats.humanBytes(body.length)).append(" of the body");
            }
        }
        return sb.toString();
    }

    private static void appendHeaders(StringBuilder sb, List<HttpHeader> headers, boolean revealSecrets) {
        for (HttpHeader h : headers) {
            sb.append(h.name()).append(": ").append(revealSecrets ? h.value() : h.masked(MASK).value()).append('\n');
        }
    }
}
