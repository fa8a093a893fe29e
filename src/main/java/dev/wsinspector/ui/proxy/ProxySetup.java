package dev.wsinspector.ui.proxy;

import dev.wsinspector.core.proxy.HeaderRule;
import dev.wsinspector.core.proxy.ProxySettings;
import dev.wsinspector.core.session.ConnectionOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the proxy tab's fields say, read into {@link ProxySettings}: the listen host and port (blank: any free
 * port), the upstream URL ({@code ws://} or {@code wss://}), whether the upstream's certificate is verified, and
 * the handshake rewrites. Every mistake is one {@link IllegalArgumentException} with a message for people.
 */
final class ProxySetup {

    private ProxySetup() {
    }

    static ProxySettings settings(String host, String port, String upstream, boolean insecure,
                                  List<HeaderRuleRow> rows) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty()) {
            throw new IllegalArgumentException("Listen host: give an address to bind (127.0.0.1 for this machine only)");
        }
        ConnectionOptions options = ConnectionOptions.of(upstream(upstream)).withInsecure(insecure);
        return ProxySettings.of(options).withListen(h, port(port)).withHeaderRules(rules(rows));
    }

    static int port(String text) {
        String p = text == null ? "" : text.strip();
        if (p.isEmpty()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(p);
            if (n >= 0 && n <= 65_535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException("Listen port: a number from 0 to 65535 (0 or blank: any free port), got '"
                + p + "'");
    }

    static URI upstream(String text) {
        String u = text == null ? "" : text.strip();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("Upstream: give the server's URL (ws://… or wss://…)");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Upstream: not a URL (" + e.getReason() + " at " + (e.getIndex() + 1)
                    + "): " + u);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("Upstream: the URL must start with ws:// or wss://, got '" + u + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("Upstream: the URL has no host: " + u);
        }
        return uri;
    }

    /** The filled-in rows as rules, in order; a bad row is named by its number. */
    static List<HeaderRule> rules(List<HeaderRuleRow> rows) {
        List<HeaderRule> rules = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            HeaderRuleRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            try {
                rules.add(row.toRule());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Header rewrite " + (i + 1) + ": " + e.getMessage());
            }
        }
        return rules;
    }
}
