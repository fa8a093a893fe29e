package dev.wsinspector.core.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The one rule for which parts of a URL or request line are credentials, shared by what the UI shows
 * ({@code core.payload.HandshakeText}, the timeline) and what files hold ({@code core.io.Secrets}): a user-info
 * password, and the values of query parameters named like a credential — tokens and keys (the names
 * {@link HttpHeader#isSecret()} flags), signatures of signed URLs ({@code sig}, {@code X-Amz-Signature}) and
 * session ids. Browsers cannot set headers on a WebSocket, so such values in the query string are common.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * The URL (absolute, or a request target such as {@code /ws?token=…}) with its credentials replaced by
     * {@code mask}, also the query parameters named in {@code secretNames} (a profile's parameters marked
     * secret, whatever their names).
     */
    public static String maskUrl(String url, Set<String> secretNames, String mask) {
        if (url == null) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return url;
        }
        String userInfo = uri.getRawUserInfo();
        String query = uri.getRawQuery();
        String maskedUserInfo = userInfo != null && userInfo.indexOf(':') >= 0
                ? userInfo.substring(0, userInfo.indexOf(':') + 1) + mask : userInfo;
        String maskedQuery = query == null ? null : maskQuery(query, secretNames, mask);
        if (Objects.equals(userInfo, maskedUserInfo) && Objects.equals(query, maskedQuery)) {
            return url;
        }
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (maskedUserInfo != null) {
            sb.append(maskedUserInfo).append('@');
        }
        if (uri.getRawAuthority() != null) {
            String authority = uri.getRawAuthority();
            sb.append(authority.substring(authority.indexOf('@') + 1));
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (maskedQuery != null) {
            sb.append('?').append(maskedQuery);
        }
        if (uri.getRawFragment() != null) {
            sb.append('#').append(uri.getRawFragment());
        }
        return sb.toString();
    }

    private static String maskQuery(String query, Set<String> secretNames, String mask) {
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && (isSecretName(name) || secretNames.contains(name))) {
                sb.append(name).append('=').append(mask);
            } else {
                sb.append(pair);
            }
        }
        return sb.toString();
    }

    /** {@code GET /ws?token=… HTTP/1.1} with the request target masked as {@link #maskUrl} does. */
    public static String maskRequestLine(String requestLine, String mask) {
        if (requestLine == null) {
            return null;
        }
        int first = requestLine.indexOf(' ');
        int last = requestLine.lastIndexOf(' ');
        if (first < 0 || last <= first) {
            return requestLine;
        }
        String target = requestLine.substring(first + 1, last);
        String masked = maskUrl(target, Set.of(), mask);
        return masked.equals(target) ? requestLine
                : requestLine.substring(0, first + 1) + masked + requestLine.substring(last);
    }

    /** Query names whose values are credentials though no header of that name is: signed URLs, session ids. */
    private static final Set<String> SECRET_QUERY_NAMES = Set.of("key", "password", "auth",
            "sig", "signature", "session", "sessionid", "session-id", "jsessionid", "phpsessid", "sid", "code",
            "hash");

    private static boolean isSecretName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        // Query names use '_' where headers use '-'; normalise so "api_key" and "access_token" are caught too.
        String normalised = name.replace('_', '-').toLowerCase(Locale.ROOT);
        return new HttpHeader(normalised, "").isSecret() || SECRET_QUERY_NAMES.contains(normalised)
                || normalised.endsWith("-signature") || normalised.endsWith("-credential");
    }
}
