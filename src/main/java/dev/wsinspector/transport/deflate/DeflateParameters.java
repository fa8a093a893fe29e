package dev.wsinspector.transport.deflate;

/**
 * The permessage-deflate parameters both endpoints agreed on in the handshake (RFC 7692 §7.1).
 *
 * <p>Window sizes are in bits (8..15); 15 (32 KiB) is what an absent parameter means.
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {

    /** The largest LZ77 window, and the only one {@link java.util.zip.Deflater} can compress with. */
    public static final int MAX_WINDOW_BITS = 15;
    static final int MIN_WINDOW_BITS = 8;

    public DeflateParameters {
        checkWindowBits(serverMaxWindowBits);
        checkWindowBits(clientMaxWindowBits);
    }

    private static void checkWindowBits(int bits) {
        if (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("window bits must be 8..15: " + bits);
        }
    }

    /** The response header value that states these parameters, as a server sends it. */
    public String toHeaderValue() {
        StringBuilder sb = new StringBuilder(PermessageDeflate.NAME);
        if (serverNoContextTakeover) {
            sb.append("; server_no_context_takeover");
        }
        if (clientNoContextTakeover) {
            sb.append("; client_no_context_takeover");
        }
        if (serverMaxWindowBits != MAX_WINDOW_BITS) {
            sb.append("; server_max_window_bits=").append(serverMaxWindowBits);
        }
        if (clientMaxWindowBits != MAX_WINDOW_BITS) {
            sb.append("; client_max_window_bits=").append(clientMaxWindowBits);
        }
        return sb.toString();
    }
}
