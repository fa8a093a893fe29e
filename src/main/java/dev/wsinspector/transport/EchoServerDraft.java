package dev.wsinspector.transport;

import dev.wsinspector.core.frame.FrameRules;
import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.transport.deflate.PermessageDeflate;
import dev.wsinspector.transport.deflate.PermessageDeflateDraft;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.HandshakeState;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidHandshakeException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PongFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * The echo server's draft: accepts whatever subprotocol the client offers first.
 *
 * <p>Draft_6455 only accepts subprotocols from a fixed list. Its catch-all {@code Protocol("")} matches any
 * request but answers none, so this draft lets that match happen and then reports the client's first
 * offered name from {@link #getProtocol()}, which is what {@code postProcessHandshakeResponseAsServer}
 * writes into {@code Sec-WebSocket-Protocol} and what the connection reports as its protocol.
 *
 * <p>It is also where the server sees a connection's frames as bytes, both ways: incoming ones are held to
 * RFC 6455 by {@link ClientFrameRules} before the library decodes them, and every outgoing byte it frames (the 101
 * response, echoes, pongs, pings, the close) is counted, so {@link EchoServerGuard} knows how much waits to be sent.
 * The library copies the draft for each connection, so both are per connection. {@link MockServerDraft} extends it
 * (another subprotocol choice, a capture, crafted writes), so the {@link EchoServerGuard} counts its bytes too.
 *
 * <p>The library decodes a whole read before it handles any frame of it, so a rule broken in a read cannot simply
 * be thrown from {@link #translateFrame}: the good frames before it would be lost. They are decoded, and a marker
 * frame after them throws {@link ClientViolationException} when the library handles it, in wire order. Text that
 * is not UTF-8 is found by the library (after inflating, for a whole fragmented message); its failure is
 * renamed to the same rule words, so every client failure is logged the same way.
 */
class EchoServerDraft extends PermessageDeflateDraft {

    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    private volatile IProtocol selected;
    private final ClientFrameRules rules = new ClientFrameRules(
            () -> getExtension() instanceof PermessageDeflate ? FrameRules.RSV1 : 0);
    private final AtomicLong framed = new AtomicLong();

    EchoServerDraft(List<IExtension> extensions, int maxFrameSize) {
        super(extensions, List.of(new Protocol("")), maxFrameSize);
    }

    @Override
    public HandshakeState acceptHandshakeAsServer(ClientHandshake request) throws InvalidHandshakeException {
        HandshakeState state = super.acceptHandshakeAsServer(request);
        if (state == HandshakeState.MATCHED) {
            String chosen = chooseSubprotocol(request.getFieldValue(SEC_WEBSOCKET_PROTOCOL));
            selected = chosen == null ? null : new Protocol(chosen);
        }
        return state;
    }

    /** The subprotocol answered for the client's {@code Sec-WebSocket-Protocol} header (null: none): its first. */
    String chooseSubprotocol(String offeredHeader) {
        return firstOffered(offeredHeader);
    }

    /** Counts bytes a subclass wrote past this draft's encoder (crafted frames). */
    void countFramed(long bytes) {
        framed.addAndGet(bytes);
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
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        int badFrame = rules.check(buffer);
        try {
            if (badFrame < 0) {
                return super.translateFrame(buffer);
            }
            // duplicate(), not slice(): the library reads buffer.array() at buffer.position().
            ByteBuffer good = buffer.duplicate();
            good.limit(badFrame);
            List<Framedata> frames = new ArrayList<>(super.translateFrame(good));
            buffer.position(buffer.limit()); // the rest is never decoded: the client is being failed
            frames.add(new RuleBroken(rules.violation()));
            return frames;
        } catch (InvalidDataException e) {
            throw named(e);
        }
    }

    @Override
    public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
        if (frame instanceof RuleBroken broken) {
            throw new ClientViolationException(broken.violation);
        }
        try {
            super.processFrame(webSocket, frame);
        } catch (InvalidDataException e) {
            throw named(e);
        }
    }

    /** The library's 1007 for text (a single frame's when decoded, a fragmented message's when whole) as our rule. */
    private static InvalidDataException named(InvalidDataException e) {
        if (e.getCloseCode() == CloseFrame.NO_UTF8 && !(e instanceof ClientViolationException)) {
            return new ClientViolationException(new ProtocolViolation(ProtocolViolation.Rule.TEXT_NOT_UTF8, ""));
        }
        return e;
    }

    /** Stands in the decoded frames for the first frame that broke a rule; never sent, never echoed. */
    private static final class RuleBroken extends PongFrame {
        final ProtocolViolation violation;

        RuleBroken(ProtocolViolation violation) {
            this.violation = violation;
        }
    }

    @Override
    public ByteBuffer createBinaryFrame(Framedata framedata) {
        ByteBuffer frame = super.createBinaryFrame(framedata);
        framed.addAndGet(frame.remaining());
        return frame;
    }

    @Override
    public List<ByteBuffer> createHandshake(Handshakedata handshakedata, boolean withcontent) {
        List<ByteBuffer> head = super.createHandshake(handshakedata, withcontent);
        for (ByteBuffer b : head) {
            framed.addAndGet(b.remaining());
        }
        return head;
    }

    /** Bytes this connection's draft has produced for sending so far (the upgrade response included). */
    long framedBytes() {
        return framed.get();
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
        rules.reset();
    }

    @Override
    public Draft copyInstance() {
        return new EchoServerDraft(copyExtensions(), getMaxFrameSize());
    }
}
