package dev.wsinspector.core.session;

import java.util.Locale;
import java.util.Objects;

/** One HTTP header line; order and duplicates are kept wherever headers are listed. */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code "Name: value"}; throws {@link IllegalArgumentException} with a readable message. */
    public static HttpHeader parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("Header must look like 'Name: value', got '" + line + "'");
        }
        String name = line.substring(0, colon).trim();
        if (name.isEmpty() || !name.chars().allMatch(HttpHeader::isTokenChar)) {
            throw new IllegalArgumentException("Invalid header name '" + name + "'");
        }
        return new HttpHeader(name, line.substring(colon + 1).trim());
    }

    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** True for headers whose value is a credential (masked in the UI, left out of exports by default). */
    public boolean isSecret() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization") || n.equals("cookie")
                || n.equals("set-cookie") || n.contains("token") || n.contains("api-key") || n.contains("apikey")
                || n.contains("secret");
    }

    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
