package dev.wsinspector.core.session;

import java.util.List;
import java.util.Optional;

/**
 * The opening handshake as it happened on the wire: what we asked and what the server answered, also when
 * it refused (a non-101 status keeps its headers and body so the user can see why).
 *
 * @param requestLine     e.g. {@code GET /chat HTTP/1.1}
 * @param requestHeaders  request headers in order
 * @param statusCode      response status, or 0 when no response was received
 * @param statusLine      full response status line, empty when none
 * @param responseHeaders response headers in order
 * @param responseBody    body bytes that came with a refusal (empty for 101)
 */
public record Handshake(String requestLine, List<HttpHeader> requestHeaders, int statusCode, String statusLine,
                        List<HttpHeader> responseHeaders, byte[] responseBody) {

    public Handshake {
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        responseBody = responseBody.clone();
    }

    @Override
    public byte[] responseBody() {
        return responseBody.clone();
    }

    public Optional<String> responseHeader(String name) {
        return responseHeaders.stream().filter(h -> h.is(name)).map(HttpHeader::value).findFirst();
    }

    /** The negotiated subprotocol, if the server chose one. */
    public Optional<String> subprotocol() {
        return responseHeader("Sec-WebSocket-Protocol").filter(s -> !s.isBlank());
    }

    /** The negotiated extensions header, if any. */
    public Optional<String> extensions() {
        return responseHeader("Sec-WebSocket-Extensions").filter(s -> !s.isBlank());
    }

    /** Raw request text, CRLF line ends, as sent. */
    public String rawRequest() {
        StringBuilder sb = new StringBuilder(requestLine).append("\r\n");
        requestHeaders.forEach(h -> sb.append(h).append("\r\n"));
        return sb.append("\r\n").toString();
    }

    /** Raw response head (status line and headers), CRLF line ends. */
    public String rawResponseHead() {
        if (statusLine.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(statusLine).append("\r\n");
        responseHeaders.forEach(h -> sb.append(h).append("\r\n"));
        return sb.append("\r\n").toString();
    }
}
