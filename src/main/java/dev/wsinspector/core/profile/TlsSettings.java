package dev.wsinspector.core.profile;

import java.util.Objects;

/**
 * A profile's TLS choices. File names are kept as written (relative ones resolve against the profiles
 * directory, {@code ~/} against the home directory) so a profile can be shared with its certificates.
 *
 * @param caFile                extra CA certificates (PEM) trusted in {@link TlsMode#VERIFY} mode
 * @param pinnedCertificateFile the one server certificate (PEM) for {@link TlsMode#TRUST_CERTIFICATE}
 * @param pinnedSha256          or its SHA-256 fingerprint
 * @param clientCertificateFile client certificate (PEM), sent when the server asks
 * @param clientKeyFile         its PKCS#8 PEM key
 */
public record TlsSettings(TlsMode mode, String caFile, String pinnedCertificateFile, String pinnedSha256,
                          String clientCertificateFile, String clientKeyFile) {

    public static final TlsSettings VERIFY = new TlsSettings(TlsMode.VERIFY, "", "", "", "", "");

    public TlsSettings {
        Objects.requireNonNull(mode, "mode");
        caFile = caFile == null ? "" : caFile;
        pinnedCertificateFile = pinnedCertificateFile == null ? "" : pinnedCertificateFile;
        pinnedSha256 = pinnedSha256 == null ? "" : pinnedSha256;
        clientCertificateFile = clientCertificateFile == null ? "" : clientCertificateFile;
        clientKeyFile = clientKeyFile == null ? "" : clientKeyFile;
    }

    public static TlsSettings insecure() {
        return VERIFY.withMode(TlsMode.INSECURE);
    }

    public static TlsSettings trustCertificateFile(String pemFile) {
        return new TlsSettings(TlsMode.TRUST_CERTIFICATE, "", pemFile, "", "", "");
    }

    public static TlsSettings trustFingerprint(String sha256) {
        return new TlsSettings(TlsMode.TRUST_CERTIFICATE, "", "", sha256, "", "");
    }

    public static TlsSettings verifyWithCa(String caPemFile) {
        return new TlsSettings(TlsMode.VERIFY, caPemFile, "", "", "", "");
    }

    public TlsSettings withMode(TlsMode value) {
        return new TlsSettings(value, caFile, pinnedCertificateFile, pinnedSha256, clientCertificateFile, clientKeyFile);
    }

    public TlsSettings withClientCertificate(String certificateFile, String keyFile) {
        return new TlsSettings(mode, caFile, pinnedCertificateFile, pinnedSha256, certificateFile, keyFile);
    }
}
