package dev.wsinspector.core.session;

/** Why a connection could not be made or was lost; lets the UI and CLI pick wording and exit codes. */
public enum FailureKind {
    MALFORMED_URL,
    UNKNOWN_HOST,
    CONNECTION_REFUSED,
    CONNECT_TIMEOUT,
    /** The server answered the upgrade with something other than 101. */
    HANDSHAKE_REJECTED,
    /** The server accepted TCP but never answered the upgrade in time. */
    HANDSHAKE_TIMEOUT,
    TLS,
    /** The peer broke the protocol (bad frame, invalid UTF-8, too big, ...). */
    PROTOCOL,
    /** The TCP connection dropped without a close handshake. */
    CONNECTION_LOST,
    /** The proxy could not be reached, refused the tunnel, or wanted other credentials. */
    PROXY,
    OTHER
}
