package dev.wsinspector.transport.deflate;

import java.nio.ByteBuffer;

/**
 * Inflates the compressed messages of one direction of a connection that someone else negotiated, only to
 * capture them readably: the intercepting proxy passes permessage-deflate end to end and forwards the compressed
 * bytes, but stores (and tests breakpoints on) what they say. Follows the sender's context takeover as agreed in
 * the upgrade's answer. A message that does not inflate (a peer's mistake, or a context the proxy lost) turns
 * it off for the rest of the connection: from then on frames are captured compressed. Not thread-safe: one per
 * direction, used by that direction's reader.
 */
public final class ObservedDeflate {

    private final MessageInflater inflater;
    private final boolean resetAfterMessage;
    private boolean broken;

    private ObservedDeflate(int maxMessageSize, boolean resetAfterMessage) {
        this.inflater = new MessageInflater(maxMessageSize);
        this.resetAfterMessage = resetAfterMessage;
    }

    /**
     * For the messages one side sends, per the extensions the server accepted ({@code Sec-WebSocket-Extensions}
     * of the 101 answer); null when permessage-deflate was not negotiated.
     *
     * @param clientSends true for the client's messages (its context takeover is {@code client_no_context_takeover}),
     *                    false for the server's
     */
    public static ObservedDeflate of(String acceptedExtensions, boolean clientSends, int maxMessageSize) {
        for (ExtensionHeader.Element e : ExtensionHeader.parse(acceptedExtensions)) {
            if (e.name().equals(PermessageDeflate.NAME)) {
                String noTakeover = clientSends ? "client_no_context_takeover" : "server_no_context_takeover";
                return new ObservedDeflate(maxMessageSize, e.params().containsKey(noTakeover));
            }
        }
        return null;
    }

    /**
     * The inflated bytes of one fragment of a compressed message ({@code compressed} is not consumed), or null
     * when it does not inflate (then never again on this connection).
     */
    public ByteBuffer inflate(ByteBuffer compressed, boolean fin) {
        if (broken) {
            return null;
        }
        try {
            return inflater.inflate(compressed.duplicate(), fin, resetAfterMessage);
        } catch (Exception e) {
            broken = true;
            return null;
        }
    }
}
