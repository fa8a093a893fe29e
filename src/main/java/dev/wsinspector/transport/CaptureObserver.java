package dev.wsinspector.transport;

import dev.wsinspector.core.frame.Direction;
import dev.wsinspector.core.frame.ProtocolViolation;
import dev.wsinspector.core.frame.WireHeader;
import dev.wsinspector.core.session.Handshake;
import org.java_websocket.exceptions.InvalidDataException;

import java.nio.ByteBuffer;

/**
 * What a {@link TappingDraft} tells its connection besides storing frames: the handshake as it happened,
 * control frames (for ping round trips and close bookkeeping) and protocol errors. Called on transport
 * threads; implementations only update their own state and return.
 */
public interface CaptureObserver {

    CaptureObserver NONE = new CaptureObserver() {
    };

    /** The upgrade request exactly as written to the socket (no response yet: status 0). */
    default void onRequestSent(Handshake request) {
    }

    /**
     * The server's answer so far. For a refusal this may be called more than once while its body arrives;
     * {@code complete} is true once the whole answer (or all we will wait for) is in.
     */
    default void onResponse(Handshake handshake, boolean complete) {
    }

    /** A control frame (ping, pong, close) was stored; {@code payload} is only valid during the call. */
    default void onControlFrame(Direction direction, WireHeader header, ByteBuffer payload, long monoNanos) {
    }

    /**
     * The peer broke the protocol; the library is about to close with {@code error.getCloseCode()}.
     *
     * @param offending header of the frame that caused it when known, else null
     */
    default void onProtocolError(InvalidDataException error, WireHeader offending) {
    }

    /**
     * The peer broke an RFC 6455 rule ({@link dev.wsinspector.core.frame.FrameRules}); the offending frame is
     * stored already. {@code failing}: the connection is being failed with {@code violation.closeCode()} (the
     * default); false when it runs lenient and only the violation is reported.
     */
    default void onViolation(ProtocolViolation violation, WireHeader offending, boolean failing) {
    }
}
