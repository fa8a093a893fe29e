package dev.wsinspector.core.session;

import java.nio.file.Path;
import java.util.Locale;

/**
 * TLS settings beyond the JDK defaults, for {@code wss://}. Precedence, strongest first: the connection's
 * {@code insecure} flag (accept anything), a pinned certificate (accept exactly that server certificate),
 * a custom CA file (trusted in addition to the JDK's authorities), the JDK defaults.
 *
 * @param caFile                PEM file with one or more CA certificates to trust besides the JDK's; null for none
 * @param pinnedCertificateFile PEM file with the one server certificate to accept; null for none
 * @param pinnedSha256          SHA-256 fingerprint of the one server certificate to accept (hex, colons and case
 *                              ignored); null or empty for none
 * @param clientCertificateFile PEM certificate (chain) presented to servers that ask for a client certificate
 * @param clientKeyFile         its unencrypted PKCS#8 PEM private key ({@code BEGIN PRIVATE KEY}); both or neither
 */
public record TlsOptions(Path caFile, Path pinnedCertificateFile, String pinnedSha256, Path clientCertificateFile,
                         Path clientKeyFile) {

    public static final TlsOptions DEFAULT = new TlsOptions(null, null, null, null, null);

    public TlsOptions {
        pinnedSha256 = normaliseFingerprint(pinnedSha256);
        if ((clientCertificateFile == null) != (clientKeyFile == null)) {
            throw new IllegalArgumentException("A client certificate needs both the certificate file and the key file");
        }
        if (!pinnedSha256.isEmpty() && !pinnedSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A SHA-256 fingerprint is 64 hex digits, got '" + pinnedSha256 + "'");
        }
    }

    /** True when the server must present one particular certificate. */
    public boolean pinned() {
        return pinnedCertificateFile != null || !pinnedSha256.isEmpty();
    }

    public boolean hasClientCertificate() {
        return clientCertificateFile != null;
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** Lower-case hex without separators ("AB:CD:…" and "abcd…" are the same fingerprint). */
    public static String normaliseFingerprint(String fingerprint) {
        return fingerprint == null ? "" : fingerprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
    }
}
