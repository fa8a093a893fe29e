package dev.wsinspector.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL a command is given: ws:// or wss:// with a host, else a one-line reason. A bad URL is a typo in the
 * command (a usage error, exit 2), not a connection that failed; the commands turn the reason into their usage error.
 */
final class WebSocketUrl {

    private WebSocketUrl() {
    }

    /** @throws IllegalArgumentException with the message for the user */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("URL must start with ws:// or wss://, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL has no host: '" + url + "'");
        }
        return uri;
    }
}
