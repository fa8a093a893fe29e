package dev.wsinspector.transport;

import dev.wsinspector.core.session.HttpHeader;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The head of an HTTP/1.1 message (start line and headers) as it was on the wire. Parsed here rather than
 * taken from Java-WebSocket because the library folds repeated headers into one and sorts them by name,
 * and it gives up on a non-101 answer before reading its headers.
 *
 * @param startLine  request line or status line
 * @param headers    headers in wire order, duplicates kept
 * @param headLength bytes from the start line up to and including the blank line
 */
record HttpHead(String startLine, List<HttpHeader> headers, int headLength) {

    HttpHead {
        headers = List.copyOf(headers);
    }

    /**
     * Parses the head that starts at {@code from} in {@code buf} (absolute indexes, position untouched), or
     * returns null while the blank line that ends it has not arrived yet.
     */
    static HttpHead parse(ByteBuffer buf, int from, int to) {
        int end = headEnd(buf, from, to);
        if (end < 0) {
            return null;
        }
        byte[] bytes = new byte[end - from];
        buf.duplicate().position(from).get(bytes);
        // ISO-8859-1 maps every byte to one char, so odd bytes in a header never break the parse.
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n");
        List<HttpHeader> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new HttpHeader(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        return new HttpHead(lines.length == 0 ? "" : lines[0], headers, end - from);
    }

    /** Index just after the blank line ending the head ({@code CRLF CRLF}, or bare {@code LF LF}), or -1. */
    private static int headEnd(ByteBuffer buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf.get(i) != '\n') {
                continue;
            }
            if (i + 1 < to && buf.get(i + 1) == '\n') {
                return i + 2;
            }
            if (i + 2 < to && buf.get(i + 1) == '\r' && buf.get(i + 2) == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Status code of a response head, or 0 when the status line is not {@code HTTP/x.y NNN ...}. */
    int statusCode() {
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Reason phrase of a response head ({@code Unauthorized}), empty when absent. */
    String reasonPhrase() {
        String[] parts = startLine.split(" ", 3);
        return parts.length == 3 ? parts[2].trim() : "";
    }

    String header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(HttpHeader::value).findFirst().orElse(null);
    }

    OptionalLong contentLength() {
        String value = header("Content-Length");
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long length = Long.parseLong(value.trim());
            return length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
