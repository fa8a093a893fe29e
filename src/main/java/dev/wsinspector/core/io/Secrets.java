package dev.wsinspector.core.io;

import dev.wsinspector.core.session.HttpHeader;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /** The headers with every {@link HttpHeader#isSecret() secret} value replaced by {@link #MASK}. */
    public static List<HttpHeader> maskHeaders(List<HttpHeader> headers, boolean includeSecrets) {
        if (includeSecrets) {
            return headers;
        }
        List<HttpHeader> out = new ArrayList<>(headers.size());
        for (HttpHeader h : headers) {
            out.add(h.isSecret() ? new HttpHeader(h.name(), MASK) : h);
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
                ? userInfo.substring(0, userInfo.indexOf(':') + 1) + MASK : userInfo;
        String maskedQuery = query == null ? null : maskQuery(query, secretNames);
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

    private static String maskQuery(String query, java.util.Set<String> secretNames) {
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && (isSecretName(name) || secretNames.contains(name))) {
                sb.append(name).append('=').append(MASK);
            } else {
                sb.append(pair);
            }
        }
        return sb.toString();
    }

    private static boolean isSecretName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        // Query names use '_' where headers use '-'; normalise so "api_key" and "access_token" are caught too.
        String normalised = name.replace('_', '-');
        return new HttpHeader(normalised, "").isSecret() || normalised.equalsIgnoreCase("key")
                || normalised.equalsIgnoreCase("password") || normalised.equalsIgnoreCase("auth");
    }
}
