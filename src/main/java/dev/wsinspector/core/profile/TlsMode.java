package dev.wsinspector.core.profile;

/** How a profile checks the server's certificate. */
public enum TlsMode {
    /** The JDK's authorities, plus the profile's CA file if it has one; host names checked. */
    VERIFY,
    /** Exactly one server certificate (a pinned file or SHA-256 fingerprint), whoever issued it. */
    TRUST_CERTIFICATE,
    /** Any certificate, any host name: shown with a warning. */
    INSECURE
}
