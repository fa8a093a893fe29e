package dev.wsinspector.transport;

import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.FailureKind;
import dev.wsinspector.core.session.Handshake;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns what went wrong into one line for people: no stack traces, no class names, and what to do when
 * there is something to do (the insecure option for certificate problems).
 */
final class Failures {

    /** A classified failure. */
    record Failure(FailureKind kind, String message, Handshake handshake) {
        Failure(FailureKind kind, String message) {
            this(kind, message, null);
        }
    }

    static final String INSECURE_HINT = "(connect with --insecure / 'Accept any certificate' to proceed anyway)";

    private Failures() {
    }

    /** Checks a URL before anything is attempted; null when it is usable. */
    static Failure checkUrl(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            String hint = scheme.equals("http") || scheme.equals("https")
                    ? "use ws:// or wss:// (the upgrade starts from those)" : "expected ws:// or wss://";
            return malformed(uri, hint);
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return malformed(uri, "no host name");
        }
        if (uri.getPort() > 65535) {
            return malformed(uri, "port out of range");
        }
        return null;
    }

    private static Failure malformed(URI uri, String why) {
        return new Failure(FailureKind.MALFORMED_URL, "Malformed URL '" + uri + "': " + why);
    }

    /** A failure while connecting (DNS, TCP, TLS) or an I/O error reported by the library. */
    static Failure ofConnectError(Throwable error, String host, int port) {
        String where = host + ":" + port;
        ProxyTunnel.ProxyException proxy = find(error, ProxyTunnel.ProxyException.class);
        if (proxy != null) {
            return new Failure(FailureKind.PROXY, proxy.getMessage());
        }
        if (find(error, UnknownHostException.class) != null) {
            return new Failure(FailureKind.UNKNOWN_HOST, "Unknown host '" + host + "' (DNS lookup failed)");
        }
        ConnectException refused = find(error, ConnectException.class);
        if (refused != null) {
            // The JDK also uses ConnectException for "Network is unreachable" and the like.
            return String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT).contains("refused")
                    ? new Failure(FailureKind.CONNECTION_REFUSED,
                            "Connection refused by " + where + " (nothing is listening on that port)")
                    : new Failure(FailureKind.OTHER, "Could not connect to " + where + ": " + oneLine(refused));
        }
        if (find(error, SocketTimeoutException.class) != null) {
            return new Failure(FailureKind.CONNECT_TIMEOUT, "Connecting to " + where + " timed out");
        }
        if (find(error, NoRouteToHostException.class) != null) {
            return new Failure(FailureKind.OTHER, "No route to " + where);
        }
        if (find(error, SSLException.class) != null) {
            return ofTls(error, host, where);
        }
        return new Failure(FailureKind.OTHER, "Could not connect to " + where + ": " + oneLine(error));
    }

    private static Failure ofTls(Throwable error, String host, String where) {
        TlsContexts.PinMismatch pin = find(error, TlsContexts.PinMismatch.class);
        if (pin != null) {
            return new Failure(FailureKind.TLS, "TLS: the server's certificate is not the one trusted for this"
                    + " connection (it presented SHA-256 " + pin.presented + ")");
        }
        if (find(error, CertificateExpiredException.class) != null) {
            return new Failure(FailureKind.TLS,
                    "TLS: the server's certificate has expired " + INSECURE_HINT);
        }
        if (find(error, CertificateNotYetValidException.class) != null) {
            return new Failure(FailureKind.TLS,
                    "TLS: the server's certificate is not valid yet " + INSECURE_HINT);
        }
        String all = messages(error);
        if (all.contains("No subject alternative") || all.contains("No name matching")) {
            return new Failure(FailureKind.TLS,
                    "TLS: the server's certificate does not match the host name '" + host + "' " + INSECURE_HINT);
        }
        if (find(error, CertPathBuilderException.class) != null || all.contains("PKIX path")
                || all.contains("certification path")) {
            return new Failure(FailureKind.TLS, "TLS: the server's certificate is not trusted "
                    + "(self-signed or issued by an unknown authority) " + INSECURE_HINT);
        }
        if (all.contains("Unsupported or unrecognized SSL message")) {
            return new Failure(FailureKind.TLS,
                    "TLS handshake with " + where + " failed: the server did not answer with TLS (try ws://)");
        }
        return new Failure(FailureKind.TLS, "TLS handshake with " + where + " failed: " + oneLine(error));
    }

    /** The connect deadline passed. */
    static Failure ofDeadline(Duration timeout, String host, int port, boolean tcpConnected, boolean tlsPending) {
        String where = host + ":" + port;
        String after = " within " + seconds(timeout);
        if (!tcpConnected) {
            return new Failure(FailureKind.CONNECT_TIMEOUT, "Connecting to " + where + " timed out (no answer"
                    + after + ")");
        }
        if (tlsPending) {
            return new Failure(FailureKind.CONNECT_TIMEOUT, "TLS handshake with " + where + " did not finish" + after);
        }
        return new Failure(FailureKind.HANDSHAKE_TIMEOUT, "Server " + where
                + " accepted the connection but did not answer the WebSocket upgrade" + after);
    }

    /** The server answered the upgrade with something other than a valid 101. */
    static Failure ofRefusal(Handshake handshake) {
        int status = handshake.statusCode();
        if (status == 101) {
            return new Failure(FailureKind.HANDSHAKE_REJECTED,
                    "Server answered 101 but the upgrade is not valid (" + invalidUpgradeReason(handshake) + ")",
                    handshake);
        }
        String line = handshake.statusLine();
        String reason = line.split(" ", 3).length == 3 ? " " + line.split(" ", 3)[2].trim() : "";
        String message = status == 0
                ? "Server did not answer the upgrade with HTTP: '" + truncate(line, 60) + "'"
                : "Server refused the upgrade: HTTP " + status + reason;
        String location = handshake.responseHeader("Location").orElse(null);
        if (status / 100 == 3 && location != null) {
            message += " (redirects to " + location + ")";
        }
        return new Failure(FailureKind.HANDSHAKE_REJECTED, message, handshake);
    }

    private static String invalidUpgradeReason(Handshake h) {
        String upgrade = h.responseHeader("Upgrade").orElse("");
        String connection = h.responseHeader("Connection").orElse("");
        if (!upgrade.equalsIgnoreCase("websocket") || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "missing 'Upgrade: websocket' or 'Connection: Upgrade'";
        }
        if (h.responseHeader("Sec-WebSocket-Accept").isEmpty()) {
            return "missing Sec-WebSocket-Accept";
        }
        String offered = h.requestHeaders().stream().filter(x -> x.is("Sec-WebSocket-Protocol"))
                .map(x -> x.value()).findFirst().orElse("");
        String chosen = h.subprotocol().orElse("");
        if (!chosen.isEmpty() && !java.util.Arrays.asList(offered.split("\\s*,\\s*")).contains(chosen)) {
            return "server chose subprotocol '" + chosen + "', which was not offered";
        }
        if (h.extensions().isPresent()) {
            return "wrong Sec-WebSocket-Accept, or extensions '" + h.extensions().get() + "' not acceptable";
        }
        return "wrong Sec-WebSocket-Accept";
    }

    /** The peer broke the protocol; the library closes with the exception's code. */
    static Failure ofProtocolError(InvalidDataException error, WireHeader offending, int maxFrameSize) {
        int code = error.getCloseCode();
        String closed = " (closed with " + code + ")";
        return switch (code) {
            case CloseFrame.NO_UTF8 -> new Failure(FailureKind.PROTOCOL,
                    "Server sent a text message that is not valid UTF-8" + closed);
            case CloseFrame.TOOBIG -> new Failure(FailureKind.PROTOCOL, "Server sent a "
                    + (offending != null ? offending.payloadLength() + "-byte frame" : "message")
                    + ", over the " + maxFrameSize + "-byte limit" + closed);
            default -> new Failure(FailureKind.PROTOCOL, "Server broke the WebSocket protocol: "
                    + oneLine(error) + closed);
        };
    }

    /**
     * The server broke an RFC 6455 rule and we fail the connection, e.g. "Protocol violation: masked frame from
     * server (RFC 6455 §5.1) — closed 1002".
     */
    static Failure ofViolation(ProtocolViolation violation) {
        return new Failure(FailureKind.PROTOCOL, violation.describe() + " — closed " + violation.closeCode());
    }

    /** The same violation when the connection runs lenient and stays open. */
    static String ofLenientViolation(ProtocolViolation violation) {
        return violation.describe() + " — kept open (lenient)";
    }

    static Failure ofConnectionLost(boolean pingTimeout, Duration pongTimeout) {
        if (pingTimeout) {
            return new Failure(FailureKind.CONNECTION_LOST, "Connection lost: nothing from the server for "
                    + seconds(pongTimeout) + " after our ping, not even a pong (closed with 1006)");
        }
        return new Failure(FailureKind.CONNECTION_LOST,
                "Connection lost: the TCP connection dropped without a close frame (1006)");
    }

    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The exception's own message on one line, without the library's or JDK's class-name prefixes. */
    static String oneLine(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getCause() != null && error.getCause() != error ? oneLine(error.getCause()) : "unknown error";
        }
        message = message.replaceAll("\\s+", " ").trim();
        // JDK wrappers prefix the cause's class name ("java.io.IOException: ...").
        message = message.replaceAll("^([a-z][\\w$]*\\.)+[A-Z][\\w$]*: ", "");
        return truncate(message, 200);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String messages(Throwable error) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = error; t != null && sb.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
