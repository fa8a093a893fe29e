package dev.wsinspector.core.replay;

import dev.wsinspector.core.compose.ComposedMessage;
import dev.wsinspector.core.profile.ConnectionProfile;
import dev.wsinspector.core.profile.ProfileHeader;
import dev.wsinspector.core.profile.QueryParam;
import dev.wsinspector.core.profile.SavedMessage;
import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.profile.TlsSettings;
import dev.wsinspector.core.session.ConnectionOptions;
import dev.wsinspector.core.session.HttpHeader;
import dev.wsinspector.core.session.ProxyOptions;
import dev.wsinspector.core.session.TlsOptions;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a profile into what the engine needs: {@link ConnectionOptions} with every {@code {{variable}}}
 * resolved, and its saved messages as bytes ready to send. Problems (unknown variables, a URL that is not
 * one, bad hex) come back as {@link IllegalArgumentException}s with a one-line message, before anything is sent.
 */
public final class ProfileResolver {

    private final Templates templates;
    private final Path baseDir;

    /**
     * @param baseDir where relative certificate paths of the profile point (the profiles directory)
     */
    public ProfileResolver(Templates templates, Path baseDir) {
        this.templates = templates;
        this.baseDir = baseDir;
    }

    public Templates templates() {
        return templates;
    }

    /** The connection options of {@code profile}. */
    public ConnectionOptions options(ConnectionProfile profile) {
        URI uri = url(profile);
        List<HttpHeader> headers = new ArrayList<>();
        for (ProfileHeader h : profile.headers()) {
            headers.add(new HttpHeader(h.name(), templates.resolve(h.value())));
        }
        TlsSettings tls = profile.tls();
        ProxyOptions proxy = profile.proxy();
        if (proxy.enabled()) {
            proxy = new ProxyOptions(proxy.type(), templates.resolve(proxy.host()), proxy.port(),
                    templates.resolve(proxy.username()), templates.resolve(proxy.password()));
        }
        return new ConnectionOptions(uri, headers, profile.subprotocols(), profile.deflate(),
                profile.connectTimeout(), tls.mode() == TlsMode.INSECURE, profile.pingInterval(),
                profile.maxMessageSize(), tlsOptions(tls), proxy, profile.reconnect()).withLenient(profile.lenient());
    }

    /** The profile's URL with its query parameters appended, resolved. */
    public URI url(ConnectionProfile profile) {
        StringBuilder url = new StringBuilder(templates.resolve(profile.url().strip()));
        if (!profile.queryParams().isEmpty()) {
            int hash = url.indexOf("#");
            String fragment = hash < 0 ? "" : url.substring(hash);
            if (hash >= 0) {
                url.setLength(hash);
            }
            char separator = url.indexOf("?") < 0 ? '?' : url.charAt(url.length() - 1) == '?' ? 0 : '&';
            for (QueryParam q : profile.queryParams()) {
                if (separator != 0) {
                    url.append(separator);
                }
                url.append(encode(templates.resolve(q.name()))).append('=').append(encode(templates.resolve(q.value())));
                separator = '&';
            }
            url.append(fragment);
        }
        try {
            return new URI(url.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid URL '" + url + "': " + e.getReason());
        }
    }

    /** A saved message resolved (counting it for {@code {{counter}}}) and converted by its type. */
    public ComposedMessage compose(SavedMessage message) {
        return SavedMessages.compose(message, templates);
    }

    /** What {@link #compose} would send, without counting; throws the same problems (for the composer preview). */
    public ComposedMessage preview(SavedMessage message) {
        return SavedMessages.preview(message, templates);
    }

    private TlsOptions tlsOptions(TlsSettings tls) {
        boolean pin = tls.mode() == TlsMode.TRUST_CERTIFICATE;
        if (pin && tls.pinnedCertificateFile().isEmpty() && tls.pinnedSha256().isEmpty()) {
            throw new IllegalArgumentException("TLS mode 'trust this certificate' needs a certificate file or a"
                    + " SHA-256 fingerprint");
        }
        return new TlsOptions(path(tls.caFile()), pin ? path(tls.pinnedCertificateFile()) : null,
                pin ? tls.pinnedSha256() : "", path(tls.clientCertificateFile()), path(tls.clientKeyFile()));
    }

    private Path path(String file) {
        if (file.isBlank()) {
            return null;
        }
        String f = file.strip();
        if (f.equals("~") || f.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(f.substring(Math.min(2, f.length())));
        }
        return baseDir.resolve(f).normalize();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
