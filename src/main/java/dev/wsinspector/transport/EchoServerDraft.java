package dev.wsinspector.transport;

import dev.wsinspector.transport.deflate.PermessageDeflateDraft;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * The echo server's draft: accepts whatever subprotocol the client offers first.
 *
 * <p>Draft_6455 only accepts subprotocols from a fixed list. Its catch-all {@code Protocol("")} matches any
 * request but answers none, so this draft lets that match happen and then reports the client's first
 * offered name from {@link #getProtocol()}, which is what {@code postProcessHandshakeResponseAsServer}
 * writes into {@code Sec-WebSocket-Protocol} and what the connection reports as its protocol.
 */
final class EchoServerDraft extends PermessageDeflateDraft {

    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    private volatile IProtocol selected;

    EchoServerDraft(List<IExtension> extensions, int maxFrameSize) {
        super(extensions, List.of(new Protocol("")), maxFrameSize);
    }

    @Override
    public HandshakeState acceptHandshakeAsServer(ClientHandshake request) throws InvalidHandshakeException {
        HandshakeState state = super.acceptHandshakeAsServer(request);
        if (state == HandshakeState.MATCHED) {
            String first = firstOffered(request.getFieldValue(SEC_WEBSOCKET_PROTOCOL));
            selected = first == null ? null : new Protocol(first);
        }
        return state;
    }

    /** The first name in a {@code Sec-WebSocket-Protocol} list ({@code "a, b"}), or null if none. */
    static String firstOffered(String header) {
        if (header == null) {
            return null;
        }
        for (String name : header.split(",")) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty()) {
                return trimmed;
            }
        }
        return null;
    }

    @Override
    public IProtocol getProtocol() {
        IProtocol chosen = selected;
        return chosen != null ? chosen : super.getProtocol();
    }

    @Override
    public void reset() {
        super.reset();
        selected = null;
    }

    @Override
    public Draft copyInstance() {
        return new EchoServerDraft(copyExtensions(), getMaxFrameSize());
    }
}
